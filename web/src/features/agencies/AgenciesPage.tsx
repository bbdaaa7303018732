import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useAgencies } from "./agencies.api";

export function AgenciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencies();

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t("agencies.title")}</Title>
        {/* A button, not a link: its name must not match a search for the "Instansi" navigation link. */}
        <Button onClick={() => void navigate("/app/agencies/new")}>{t("agencies.add")}</Button>
      </Group>
      {agencies.isPending && <PageLoader />}
      {agencies.isError && <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && agencies.data.length === 0 && <Text c="dimmed">{t("agencies.empty")}</Text>}
      {agencies.data && agencies.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("agencies.code")}</Table.Th>
                <Table.Th scope="col">{t("agencies.name")}</Table.Th>
                <Table.Th scope="col">{t("agencies.kind")}</Table.Th>
                <Table.Th scope="col">{t("agencies.status")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("agencies.workUnitCount")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agencies.data.map((agency) => (
                <Table.Tr key={agency.id}>
                  <Table.Td ff="monospace">{agency.code}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/agencies/${agency.id}`}>
                      {agency.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`agencies.kinds.${agency.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={agency.active ? "teal" : "gray"} variant="light">
                      {agency.active ? t("agencies.statusActive") : t("agencies.statusInactive")}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{agency.workUnitCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
