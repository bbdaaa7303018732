import { Alert, Anchor, Badge, Group, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useAgencies } from "./agencies.api";
import { AgencyEditForm } from "./AgencyEditForm";
import { WorkUnitsSection } from "./WorkUnitsSection";

export function AgencyDetailPage() {
  const { t } = useTranslation();
  const { agencyId = "" } = useParams();
  // There is no single-agency endpoint; the list is small and usually cached already.
  const agencies = useAgencies();
  if (agencies.isPending) return <PageLoader />;
  if (agencies.isError) return <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />;
  const agency = agencies.data.find((a) => a.id === agencyId);

  return (
    <Stack>
      <Anchor component={Link} to="/app/agencies" size="sm">
        ← {t("common.back")}
      </Anchor>
      {!agency ? (
        <Alert color="red">{t("agencies.notFound")}</Alert>
      ) : (
        <>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={1}>{agency.name}</Title>
            <Badge variant="outline" ff="monospace">
              {agency.code}
            </Badge>
          </Group>
          <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={720}>
            <Stack>
              <Title order={2} size="h3">
                {t("agencies.editTitle")}
              </Title>
              {/* Keyed by the saved values so the form resets when the agency changes underneath. */}
              <AgencyEditForm key={`${agency.id}:${agency.name}:${agency.kind}:${String(agency.active)}`} agency={agency} />
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={720}>
            <WorkUnitsSection agencyId={agency.id} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
