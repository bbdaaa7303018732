import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { PeerLinks } from "./PeerLinks";
import { useComparison, useImportSummary, usePeers } from "./peers.api";

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
      <ImportForm />
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

/** The Kepala LPSE or Admin PPE pastes a peer's signed summary; a refusal names what failed (signature, key, counts). */
function ImportForm() {
  const { t } = useTranslation();
  const peers = usePeers();
  const importSummary = useImportSummary();
  const [text, setText] = useState("");
  const [notJson, setNotJson] = useState(false);
  // Every refusal names its field in the message ("body.signature: …"), so the whole message is shown.
  const problem = useFormProblem(importSummary.error, {});
  if (!peers.data?.mayImport) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setNotJson(true);
      return;
    }
    setNotJson(false);
    importSummary.mutate(parsed, {
      onSuccess: (r) => {
        notifySuccess(t("peers.imported", { name: r.peer.name }));
        setText("");
      },
    });
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} noValidate aria-label={t("peers.importSummary")}>
      <Stack>
        <Title order={2} size="h4">
          {t("peers.importSummary")}
        </Title>
        <Textarea label={t("peers.signedSummary")} description={t("peers.signedSummaryHint")} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} maxRows={10} error={notJson ? t("peers.notJson") : undefined} />
        <FormAlert message={problem.general} />
        <Group>
          <Button type="submit" loading={importSummary.isPending} disabled={!text.trim()}>
            {t("peers.import")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
