import { Anchor, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The pages of the comparison between LPSEs, linked from each other and from the standards page. */
export function PeerLinks() {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t("peers.linksLabel")} gap="md">
      <Anchor component={NavLink} to="/app/standar/perbandingan">
        {t("peers.comparisonTitle")}
      </Anchor>
      <Anchor component={NavLink} to="/app/standar/templat">
        {t("peers.templatesTitle")}
      </Anchor>
      <Anchor component={NavLink} to="/app/standar/kunjungan">
        {t("peers.visitsTitle")}
      </Anchor>
    </Group>
  );
}
