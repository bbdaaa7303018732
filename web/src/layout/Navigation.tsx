import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Me } from "../features/auth/auth.api";
import { isActive, navItemsFor } from "./navItems";

export function Navigation({ me, onNavigate }: { me: Me | null | undefined; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {navItemsFor(me).map((item) => {
        const active = isActive(item, pathname);
        return (
          <li key={item.to}>
            <NavLink
              component={Link}
              to={item.to}
              label={t(`nav.${item.label}`)}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </Stack>
  );
}
