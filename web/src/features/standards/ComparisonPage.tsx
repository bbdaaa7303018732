import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { PeerLinks } from "./PeerLinks";
import { useComparison } from "./peers.api";

/** "Perbandingan LPSE": this LPSE's latest signed-off result next to each peer's, standard by standard. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const comparison = useComparison();
  const data = comparison.data;
  return (
    <Stack maw={1200}>
      <div>
        <Title order={1}>{t("peers.comparisonTitle")}</Title>
        <Text c="dimmed" size="sm">
          {t("peers.comparisonIntro")}
        </Text>
      </div>
      <PeerLinks />
      {comparison.isPending && <PageLoader />}
      {comparison.isError && <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />}
      {data && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder aria-label={t("peers.comparisonTitle")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("peers.standard")}</Table.Th>
                {data.lpses.map((l) => (
                  <Table.Th scope="col" key={l.id}>
                    <div>{l.name}</div>
                    <Text size="sm" fw={700}>
                      {l.metCount === null ? t("peers.noResult") : t("peers.score", { met: l.metCount, total: l.standardCount })}
                    </Text>
                    {l.period && (
                      <Text size="xs" c="dimmed">
                        {t("peers.period", { period: l.period })}
                        {l.own ? ` · ${t("peers.own")}` : ""}
                      </Text>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.standards.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Th scope="row">
                    {s.number}. {s.name[language]}
                  </Table.Th>
                  {data.lpses.map((l) => {
                    const met = l.met[s.code];
                    return (
                      <Table.Td key={l.id}>
                        {met === undefined ? "—" : <Badge color={met ? "green" : "red"} variant="light">{met ? t("peers.met") : t("peers.notMet")}</Badge>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
