import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { HeatMap } from "./HeatMap";
import { LevelBadge } from "./LevelBadge";
import { RISK_TREATMENTS, type RiskInput, useAssets, useRisks, useSaveRisk } from "./registers.api";

const FIELDS = { assetId: "assetId", title: "title", description: "description", owner: "owner" } as const;
const EMPTY = { assetId: "", title: "", description: "", impact: "2", threat: "2", vulnerability: "2", exposure: "2", treatment: "mitigate", owner: "" };

/** /app/register/risiko: the risk register (standard 4) with its heat map. */
export function RisksPage() {
  const { t } = useTranslation();
  const risks = useRisks();
  const assets = useAssets();
  const save = useSaveRisk();
  const problem = useFormProblem(save.error, FIELDS);
  const [form, setForm] = useState<typeof EMPTY | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => form && setForm({ ...form, [key]: e.currentTarget.value });
  const factor = ["1", "2", "3", "4"].map((v) => ({ value: v, label: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const input: RiskInput = {
      assetId: form.assetId, title: form.title, description: form.description, impact: Number(form.impact), threat: Number(form.threat),
      vulnerability: Number(form.vulnerability), exposure: Number(form.exposure), treatment: form.treatment as RiskInput["treatment"], owner: form.owner,
    };
    save.mutate({ id: null, input }, { onSuccess: () => setForm(null) });
  };
  const data = risks.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t("registers.risksTitle")}</Title>
        <Text c="dimmed">{t("registers.risksIntro", { low: data?.thresholds.riskLowMax ?? 24, medium: data?.thresholds.riskMediumMax ?? 64 })}</Text>
      </div>
      {risks.isPending && <PageLoader />}
      {risks.isError && <QueryError error={risks.error} onRetry={() => void risks.refetch()} />}
      {data?.can.manage && !form && (
        <Group>
          <Button onClick={() => { save.reset(); setForm({ ...EMPTY, assetId: assets.data?.items[0]?.id ?? "" }); }}>{t("registers.newRisk")}</Button>
        </Group>
      )}
      {form && (
        <Paper withBorder p="md" radius="md" maw={760}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">{t("registers.newRisk")}</Title>
              <NativeSelect label={t("registers.asset")} value={form.assetId} onChange={set("assetId")} error={problem.fields.assetId}
                data={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))} />
              <TextInput label={t("registers.title")} required value={form.title} onChange={set("title")} error={problem.fields.title} />
              <Textarea label={t("registers.description")} required autosize minRows={2} value={form.description} onChange={set("description")} error={problem.fields.description} />
              <Group grow>
                <NativeSelect label={t("registers.impact")} value={form.impact} onChange={set("impact")} data={factor} />
                <NativeSelect label={t("registers.threat")} value={form.threat} onChange={set("threat")} data={factor} />
                <NativeSelect label={t("registers.vulnerability")} value={form.vulnerability} onChange={set("vulnerability")} data={factor} />
                <NativeSelect label={t("registers.exposure")} value={form.exposure} onChange={set("exposure")} data={factor} />
              </Group>
              <Group grow>
                <NativeSelect label={t("registers.treatment")} value={form.treatment} onChange={set("treatment")} data={RISK_TREATMENTS.map((v) => ({ value: v, label: t(`registers.treatments.${v}`) }))} />
                <TextInput label={t("registers.owner")} required value={form.owner} onChange={set("owner")} error={problem.fields.owner} />
              </Group>
              <FormAlert message={problem.general} />
              <Group>
                <Button type="submit" loading={save.isPending}>{t("registers.save")}</Button>
                <Button variant="default" onClick={() => setForm(null)}>{t("registers.cancel")}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {data && (
        <section aria-labelledby="heat-map-title">
          <Title order={2} size="h3" id="heat-map-title">{t("registers.heatMapTitle")}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t("registers.heatMapIntro")}</Text>
          <HeatMap cells={data.heatMap} />
        </section>
      )}
      {data && data.items.length === 0 && <Text c="dimmed">{t("registers.empty")}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("registers.title")}</Table.Th>
                <Table.Th scope="col">{t("registers.asset")}</Table.Th>
                <Table.Th scope="col">D × A × K × P</Table.Th>
                <Table.Th scope="col">{t("registers.score")}</Table.Th>
                <Table.Th scope="col">{t("registers.level")}</Table.Th>
                <Table.Th scope="col">{t("registers.likelihood")}</Table.Th>
                <Table.Th scope="col">{t("registers.openTasks")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/register/risiko/${r.id}`}>{r.title}</Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{r.asset.code}</Table.Td>
                  <Table.Td>{r.impact} × {r.threat} × {r.vulnerability} × {r.exposure}</Table.Td>
                  <Table.Td fw={700}>{r.score}</Table.Td>
                  <Table.Td><LevelBadge level={r.level} /></Table.Td>
                  <Table.Td>{r.likelihood}</Table.Td>
                  <Table.Td>{r.openTasks}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
