import { Button, Checkbox, Group, List, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "../tenders/Section";
import { useProcurementLabels } from "./labels";
import { COMMITTEE_KINDS, type CommitteeKind, committeeKindFor, isOneOf, type Package, useAssignableMembers, useAssignCommittee } from "./packages.api";

/** Who runs the selection; the Admin Agency of the package's agency assigns them while it is a draft. */
export function AssignmentSection({ pkg, canAssign }: { pkg: Package; canAssign: boolean }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const assignment = pkg.assignment;
  return (
    <Section id="assignment-title" title={t("packages.assignmentTitle")} testId="assignment">
      {assignment === null ? (
        <Text c="dimmed">{t("packages.notAssigned")}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            <Text span fw={600}>
              {labels.committeeKind(assignment.kind)}
            </Text>
            {" · "}
            {t("packages.decreeNumber")} <Text span ff="monospace" fz="inherit">{assignment.decreeNumber}</Text>
          </Text>
          <List size="sm" data-testid="committee-members">
            {assignment.members.map((m) => (
              <List.Item key={m.id}>{m.name}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t("packages.assignedAt")} <DateTime value={assignment.assignedAt} />
          </Text>
        </Stack>
      )}
      {canAssign && <AssignmentForm key={JSON.stringify(assignment)} pkg={pkg} />}
    </Section>
  );
}

const FIELD_PATHS: Record<string, "kind" | "memberIds" | "decreeNumber"> = {
  kind: "kind",
  memberIds: "memberIds",
  decreeNumber: "decreeNumber",
  ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`memberIds.${i}`, "memberIds" as const])),
};

function AssignmentForm({ pkg }: { pkg: Package }) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const [kind, setKind] = useState<CommitteeKind>(pkg.assignment?.kind ?? committeeKindFor(pkg.method));
  const [memberIds, setMemberIds] = useState<string[]>(pkg.assignment?.members.map((m) => m.id) ?? []);
  const [decreeNumber, setDecreeNumber] = useState(pkg.assignment?.decreeNumber ?? "");
  const members = useAssignableMembers(pkg.id, kind, true);
  const assign = useAssignCommittee(pkg.id);
  const problem = useFormProblem(assign.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ kind, memberIds, decreeNumber: decreeNumber.trim() }, { onSuccess: () => notifySuccess(t("packages.assignmentSaved")) });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assignment-form-title">
      <Stack gap="sm" mt="sm">
        <Title order={3} size="h4" id="assignment-form-title">
          {pkg.assignment ? t("packages.changeAssignment") : t("packages.assign")}
        </Title>
        <NativeSelect
          label={t("packages.assignmentKind")}
          required
          value={kind}
          error={problem.fields.kind}
          data={COMMITTEE_KINDS.map((k) => ({ value: k, label: labels.committeeKind(k) }))}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isOneOf(COMMITTEE_KINDS, next)) {
              setKind(next);
              setMemberIds([]);
            }
          }}
        />
        {members.isPending && <PageLoader />}
        {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
        {members.data && (
          <Checkbox.Group
            label={t("packages.members")}
            description={`${kind === "pokja" ? t("packages.membersHintPokja") : t("packages.membersHintOfficial")} ${t("packages.selected", { count: memberIds.length })}`}
            value={memberIds}
            onChange={setMemberIds}
            error={problem.fields.memberIds}
          >
            {members.data.length === 0 ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t("packages.membersEmpty")}
              </Text>
            ) : (
              <Stack gap="xs" mt="xs">
                {members.data.map((m) => (
                  <Checkbox key={m.id} value={m.id} label={m.name} description={m.agencyName ?? undefined} />
                ))}
              </Stack>
            )}
          </Checkbox.Group>
        )}
        <TextInput
          label={t("packages.decreeNumber")}
          description={t("packages.decreeHint")}
          required
          maxLength={100}
          value={decreeNumber}
          onChange={(e) => setDecreeNumber(e.currentTarget.value)}
          error={problem.fields.decreeNumber}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={assign.isPending}>
            {t("packages.saveAssignment")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
