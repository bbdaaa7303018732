import type { Me, Permission } from "../features/auth/auth.api";
import type { id } from "../i18n/id";

type NavKey = keyof (typeof id)["nav"];

export interface NavItem {
  to: string;
  label: NavKey;
  /** Active only on this exact path (sections whose sub-pages belong to other items). */
  exact?: boolean;
  /** Shown only when the user has this permission. */
  permission?: Permission;
}

const PUBLIC_ITEMS: NavItem[] = [{ to: "/", label: "home", exact: true }];

const WORKSPACE_ITEMS: NavItem[] = [
  { to: "/app", label: "workspace", exact: true },
  { to: "/app/agencies", label: "agencies", permission: "manageAgencies" },
  { to: "/app/users", label: "users", permission: "manageUsers" },
  { to: "/app/settings", label: "settings", permission: "manageSettings" },
  { to: "/app/log", label: "log", permission: "viewEventLog" },
];

/** The navigation for this user: only what their permissions allow (the server checks again). */
export function navItemsFor(me: Me | null | undefined): NavItem[] {
  if (!me) return [...PUBLIC_ITEMS, { to: "/login", label: "login", exact: true }];
  return [...PUBLIC_ITEMS, ...WORKSPACE_ITEMS.filter((item) => !item.permission || me.permissions[item.permission])];
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
