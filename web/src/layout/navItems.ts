import type { Me, Permission } from "../features/auth/auth.api";
import type { id } from "../i18n/id";
import type { Role } from "../lib/roles";

type NavKey = keyof (typeof id)["nav"];

/**
 * Pages the server opens to some roles only. The API does not send permissions for these (yet), so the
 * role decides, here and nowhere else: the navigation and the route guards (RequireRole) both read it.
 */
export const ROLE_PAGES = {
  /** The vendor's own company data. */
  vendorProfile: ["vendor"],
  /** The Verifikator's queue and decisions. */
  verification: ["verifikator"],
  /** The mail outbox, run by the LPSE administrator. */
  mailOutbox: ["admin_ppe"],
  /**
   * Procurement packages: the agency's officials, the committees, the LPSE administrator and auditors
   * (the API lists what each may see; `canListPackages` in src/modules/packages/packages.policy.ts).
   */
  packages: ["ppk", "admin_agency", "pa_kpa", "pokja", "pejabat_pengadaan", "admin_ppe", "auditor"],
  /** Only the PPK makes packages. */
  packageCreate: ["ppk"],
  /** The committee member's opening key, for the sealed bids of its tenders. */
  openingKey: ["pokja", "pejabat_pengadaan", "kepala_lpse"],
  /** The vendor's invitations to direct procurements (Pengadaan Langsung) and its quotations. */
  directInvitations: ["vendor"],
  /** Restore drills, continuity evidence (`canViewDrills` in src/modules/backups/backups.policy.ts). */
  restoreDrills: ["admin_ppe", "kepala_lpse", "auditor"],
  /**
   * The LPSE standards: the Kepala LPSE, the LPSE's own staff (the internal assessment team and the owners of
   * corrective actions come from them) and auditors; the API shows each only the cycles they take part in.
   */
  standards: ["kepala_lpse", "admin_ppe", "verifikator", "helpdesk", "auditor"],
  /** The helpdesk register: staff handle tickets, the head of the LPSE and auditors read (`canReadTickets` in src/modules/helpdesk/helpdesk.policy.ts). */
  helpdesk: ["helpdesk", "admin_ppe", "kepala_lpse", "auditor"],
  /** Entering tickets and writing the FAQ (`canManageTickets`). */
  helpdeskManage: ["helpdesk", "admin_ppe"],
  /** The asset, risk and change registers: the administrator keeps them; helpdesk, the head and auditors read (`canReadRegisters` in src/modules/registers/registers.policy.ts). */
  registers: ["admin_ppe", "helpdesk", "kepala_lpse", "auditor"],
  /** Capacity, server access, patches and scans: the administrator keeps them, the head of the LPSE and auditors read (`canReadOperations` in src/modules/operations-registers/operations-registers.policy.ts). */
  operationsRegisters: ["admin_ppe", "kepala_lpse", "auditor"],
  /** The service budget and the supplier register: the administrator keeps them, the head of the LPSE and auditors read (`canReadBudgetSuppliers` in src/modules/budget-suppliers/budget-suppliers.policy.ts). */
  budgetSuppliers: ["admin_ppe", "kepala_lpse", "auditor"],
  /** Satisfaction surveys: the administrator sends them, the head of the LPSE and auditors read results (`canReadSurveys` in src/modules/surveys/surveys.policy.ts). */
  surveys: ["admin_ppe", "kepala_lpse", "auditor"],
  /** Regulations and software licences: the administrator keeps them, the head of the LPSE and auditors read (`canReadCompliance` in src/modules/compliance/compliance.policy.ts). */
  compliance: ["admin_ppe", "kepala_lpse", "auditor"],
} as const satisfies Record<string, readonly Role[]>;
export type RolePage = keyof typeof ROLE_PAGES;

export function mayOpenRolePage(me: Me, page: RolePage): boolean {
  const roles: readonly Role[] = ROLE_PAGES[page];
  return roles.includes(me.role);
}

export interface NavItem {
  to: string;
  label: NavKey;
  /** Active only on this exact path (sections whose sub-pages belong to other items). */
  exact?: boolean;
  /** Shown only when the user has this permission. */
  permission?: Permission;
  /** Shown only to the roles of this page. */
  rolePage?: RolePage;
}

const PUBLIC_ITEMS: NavItem[] = [
  { to: "/", label: "home", exact: true },
  { to: "/bantuan", label: "help" },
];

const WORKSPACE_ITEMS: NavItem[] = [
  { to: "/app", label: "workspace", exact: true },
  { to: "/app/paket", label: "packages", rolePage: "packages" },
  { to: "/app/kunci-pembukaan", label: "openingKey", rolePage: "openingKey" },
  { to: "/app/penyedia", label: "vendorProfile", rolePage: "vendorProfile" },
  { to: "/app/pengadaan-langsung", label: "direct", rolePage: "directInvitations" },
  { to: "/app/verifikasi", label: "verification", rolePage: "verification" },
  { to: "/app/standar", label: "standards", rolePage: "standards" },
  { to: "/app/notifikasi", label: "notifications" },
  { to: "/app/keamanan", label: "accountSecurity" },
  { to: "/app/agencies", label: "agencies", permission: "manageAgencies" },
  { to: "/app/users", label: "users", permission: "manageUsers" },
  { to: "/app/settings", label: "settings", permission: "manageSettings" },
  { to: "/app/surat-keluar", label: "mailOutbox", rolePage: "mailOutbox" },
  { to: "/app/uji-pemulihan", label: "drills", rolePage: "restoreDrills" },
  { to: "/app/helpdesk", label: "helpdesk", rolePage: "helpdesk" },
  { to: "/app/register/aset", label: "assets", rolePage: "registers" },
  { to: "/app/register/risiko", label: "risks", rolePage: "registers" },
  { to: "/app/register/perubahan", label: "changes", rolePage: "registers" },
  { to: "/app/kapasitas", label: "capacity", rolePage: "operationsRegisters" },
  { to: "/app/akses-server", label: "serverAccess", rolePage: "operationsRegisters" },
  { to: "/app/patch-kerentanan", label: "patchesScans", rolePage: "operationsRegisters" },
  { to: "/app/kompetensi", label: "competence", rolePage: "operationsRegisters" },
  { to: "/app/pelatihan", label: "trainings", rolePage: "operationsRegisters" },
  { to: "/app/ruang-server", label: "serverRoom", rolePage: "operationsRegisters" },
  { to: "/app/anggaran", label: "budget", rolePage: "budgetSuppliers" },
  { to: "/app/pemasok", label: "suppliers", rolePage: "budgetSuppliers" },
  { to: "/app/survei", label: "surveys", rolePage: "surveys" },
  // Every signed-in user may file an improvement request; staff see them all.
  { to: "/app/usulan", label: "improvements" },
  { to: "/app/peraturan", label: "regulations", rolePage: "compliance" },
  { to: "/app/lisensi", label: "licences", rolePage: "compliance" },
  { to: "/app/log", label: "log", permission: "viewEventLog" },
];

function allowed(me: Me, item: NavItem): boolean {
  if (item.permission && !me.permissions[item.permission]) return false;
  if (item.rolePage && !mayOpenRolePage(me, item.rolePage)) return false;
  return true;
}

/** The navigation for this user: only what their permissions and role allow (the server checks again). */
export function navItemsFor(me: Me | null | undefined): NavItem[] {
  if (!me) return [...PUBLIC_ITEMS, { to: "/login", label: "login", exact: true }];
  return [...PUBLIC_ITEMS, ...WORKSPACE_ITEMS.filter((item) => allowed(me, item))];
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
