import { Anchor, AppShell, Burger, Button, Group, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useNavigate } from "react-router";
import { useLogout, useMe } from "../features/auth/auth.api";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { usePublicLpse } from "../features/public/public.api";
import { notifySuccess } from "../lib/notify";
import { LanguageSwitch } from "./LanguageSwitch";
import { Navigation } from "./Navigation";
import classes from "./Shell.module.css";
import { UserCard } from "./UserCard";

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const lpse = usePublicLpse();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = me.data ?? null;

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifySuccess(t("auth.loggedOut"));
        void navigate("/", { replace: true });
      },
    });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <a href="#main" className={classes.skipLink}>
        {t("app.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: "xs", sm: "md" }} gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} aria-expanded={opened} />
            <Anchor component={Link} to="/" underline="never" c="inherit" style={{ minWidth: 0 }} onClick={close}>
              <Text fw={700} truncate="end" fz={{ base: "sm", sm: "lg" }}>
                {lpse.data?.name ?? t("app.name")}
              </Text>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitch />
            {user && <NotificationBell onNavigate={close} />}
            {user && (
              <Button variant="default" size="xs" onClick={onLogout} loading={logout.isPending}>
                {t("auth.logout")}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar} data-collapsed={opened ? undefined : true} aria-label={t("nav.main")}>
        <AppShell.Section grow component={ScrollArea}>
          <Navigation me={user} onNavigate={close} />
        </AppShell.Section>
        {user && (
          <AppShell.Section pt="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
            <UserCard me={user} />
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
