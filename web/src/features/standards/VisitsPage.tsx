import { Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { PeerLinks } from "./PeerLinks";
import { useComparison, usePeers, useRecordVisit, useVisits } from "./peers.api";
import { useCycle, useCycles } from "./standards.api";

/** The log of study visits between this LPSE and its peers, with the follow-up actions linked to findings. */
export function VisitsPage() {
  const { t } = useTranslation();
  const visits = useVisits();
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1}>{t("peers.visitsTitle")}</Title>
        <Text c="dimmed" size="sm">
          {t("peers.visitsIntro")}
        </Text>
      </div>
      <PeerLinks />
      {visits.data?.mayRecord && <VisitForm />}
      {visits.isPending && <PageLoader />}
      {visits.isError && <QueryError error={visits.error} onRetry={() => void visits.refetch()} />}
      {visits.data?.items.length === 0 && <Text c="dimmed">{t("peers.noVisits")}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("peers.visitList")}>
        {visits.data?.items.map((v) => (
          <Card component="li" key={v.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{t(`peers.direction.${v.direction}`, { name: v.peer.name })}</Text>
              <Text size="sm">{v.visitedOn}</Text>
            </Group>
            <Text size="sm">{v.participants}</Text>
            <Group gap={4}>
              {v.standards.map((s) => (
                <Badge key={s} variant="light">
                  {s}
                </Badge>
              ))}
            </Group>
            {v.notes && (
              <Text size="sm" c="dimmed">
                {v.notes}
              </Text>
            )}
            {v.actions.length > 0 && (
              <Stack component="ul" gap={2} mt="xs" aria-label={t("peers.followUps")}>
                {v.actions.map((a) => (
                  <Text component="li" size="sm" key={a.id}>
                    {a.description}
                    {a.finding && ` — ${t("peers.linkedFinding", { number: a.finding.number, standard: a.finding.standardCode, status: t(`peers.findingStatus.${a.finding.status}`) })}`}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function VisitForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const peers = usePeers();
  const comparison = useComparison();
  const cycles = useCycles();
  const openCycle = cycles.data?.items.find((c) => c.status === "open");
  const record = useRecordVisit();
  const [peerId, setPeerId] = useState("");
  const [direction, setDirection] = useState<"outgoing" | "incoming">("outgoing");
  const [visitedOn, setVisitedOn] = useState("");
  const [participants, setParticipants] = useState("");
  const [standards, setStandards] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [action, setAction] = useState("");
  const [findingId, setFindingId] = useState("");
  const problem = useFormProblem(record.error, { peerId: "peerId", visitedOn: "visitedOn", participants: "participants", standards: "standards", "actions.0.description": "action", "actions.0.findingId": "findingId" });
  const chosenPeer = peerId || peers.data?.items[0]?.id || "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const actions = action.trim() ? [{ description: action.trim(), ...(findingId ? { findingId } : {}) }] : [];
    record.mutate(
      { peerId: chosenPeer, direction, visitedOn, participants: participants.trim(), standards, notes: notes.trim(), actions },
      {
        onSuccess: () => {
          notifySuccess(t("peers.visitRecorded"));
          setParticipants("");
          setStandards([]);
          setNotes("");
          setAction("");
          setFindingId("");
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} noValidate aria-label={t("peers.recordVisit")}>
      <Stack>
        <Title order={2} size="h4">
          {t("peers.recordVisit")}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect label={t("peers.peer")} value={chosenPeer} onChange={(e) => setPeerId(e.currentTarget.value)} data={(peers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} error={problem.fields.peerId} />
          <NativeSelect
            label={t("peers.directionLabel")}
            value={direction}
            onChange={(e) => setDirection(e.currentTarget.value as "outgoing" | "incoming")}
            data={[
              { value: "outgoing", label: t("peers.directionOutgoing") },
              { value: "incoming", label: t("peers.directionIncoming") },
            ]}
          />
          <TextInput type="date" label={t("peers.visitedOn")} required value={visitedOn} onChange={(e) => setVisitedOn(e.currentTarget.value)} error={problem.fields.visitedOn} />
        </Group>
        <TextInput label={t("peers.participants")} required value={participants} onChange={(e) => setParticipants(e.currentTarget.value)} error={problem.fields.participants} />
        <Checkbox.Group label={t("peers.studied")} value={standards} onChange={setStandards} error={problem.fields.standards}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
            {(comparison.data?.standards ?? []).map((s) => (
              <Checkbox key={s.code} value={s.code} label={`${s.number}. ${s.name[language]}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t("peers.notes")} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <TextInput label={t("peers.followUp")} value={action} onChange={(e) => setAction(e.currentTarget.value)} error={problem.fields.action} />
        {openCycle && <FindingSelect cycleId={openCycle.id} value={findingId} onChange={setFindingId} error={problem.fields.findingId} />}
        <FormAlert message={problem.general} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t("peers.saveVisit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FindingSelect({ cycleId, value, onChange, error }: { cycleId: string; value: string; onChange: (id: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const cycle = useCycle(cycleId);
  const findings = cycle.data?.findings ?? [];
  return (
    <NativeSelect
      label={t("peers.linkFinding")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data={[{ value: "", label: t("peers.noFinding") }, ...findings.map((f) => ({ value: f.id, label: t("peers.findingOption", { number: f.number, standard: f.standardCode, description: f.description }) }))]}
    />
  );
}
