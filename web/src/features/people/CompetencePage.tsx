import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Certificate, COMPETENCES, type Competence, MAX_LEVEL, MIN_LEVEL, type StaffMember, useCertificates, useGapReport, useRecordCertificate, useRecordStaff, useSetCompetence, useStaff } from "./people.api";

const LEVELS = Array.from({ length: MAX_LEVEL - MIN_LEVEL + 1 }, (_, i) => String(MIN_LEVEL + i));
const EXPIRY_COLOURS = { none: "gray", ok: "green", expiring: "orange", expired: "red" } as const;

/** /app/kompetensi: LPSE staff, the competence matrix with training needs and the gap report, and certificates (standard 8). */
export function CompetencePage() {
  const { t } = useTranslation();
  const staff = useStaff();
  return (
    <Stack>
      <Title order={1}>{t("people.competenceTitle")}</Title>
      <Text c="dimmed">{t("people.levelsHint")}</Text>
      {staff.isPending && <PageLoader />}
      {staff.isError && <QueryError error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && (
        <>
          {staff.data.items.length === 0 ? <Text c="dimmed">{t("people.noStaff")}</Text> : <Matrix staff={staff.data.items} />}
          <TrainingNeeds staff={staff.data.items} />
          <GapReport />
          {staff.data.can.manage && <StaffForm />}
          {staff.data.can.manage && staff.data.items.length > 0 && <CompetenceForm staff={staff.data.items} />}
          <Certificates staff={staff.data.items} manage={staff.data.can.manage} />
        </>
      )}
    </Stack>
  );
}

function Matrix({ staff }: { staff: StaffMember[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder aria-label={t("people.matrixTable")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.name")}</Table.Th>
            <Table.Th scope="col">{t("people.serviceRole")}</Table.Th>
            {COMPETENCES.map((c) => (
              <Table.Th key={c} scope="col">
                {t(`people.competences.${c}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t("people.contract")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row">
                {s.name}
                <Text size="xs" c="dimmed">
                  {s.position}
                  {s.nip && ` · NIP ${s.nip}`}
                </Text>
              </Table.Th>
              <Table.Td>{s.serviceRole}</Table.Td>
              {COMPETENCES.map((c) => {
                const cell = s.competences.find((x) => x.competence === c);
                return (
                  <Table.Td key={c}>
                    {cell ? t("people.cell", { current: cell.currentLevel, required: cell.requiredLevel }) : "—"} {cell && cell.gap > 0 && <Badge color="orange">{t("people.gap", { gap: cell.gap })}</Badge>}
                  </Table.Td>
                );
              })}
              <Table.Td>
                <Text size="xs">
                  {t("people.nda")}: {s.ndaSignedOn ? <CalendarDate value={s.ndaSignedOn} /> : t("people.none")}
                </Text>
                <Text size="xs">
                  {t("people.contractEnds")}: {s.contractEndsOn ? <CalendarDate value={s.contractEndsOn} /> : t("people.none")} {s.contractEnded && <Badge color="red">{t("people.contractEnded")}</Badge>}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrainingNeeds({ staff }: { staff: StaffMember[] }) {
  const { t } = useTranslation();
  const needs = staff.flatMap((s) => s.trainingNeeds.map((n) => ({ ...n, staff: s })));
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t("people.trainingNeeds")}
      </Title>
      {needs.length === 0 ? (
        <Text c="dimmed">{t("people.noNeeds")}</Text>
      ) : (
        <Table withTableBorder aria-label={t("people.trainingNeeds")} maw={800}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("people.name")}</Table.Th>
              <Table.Th scope="col">{t("people.competence")}</Table.Th>
              <Table.Th scope="col">{t("people.levels")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {needs.map((n) => (
              <Table.Tr key={`${n.staff.id}-${n.competence}`}>
                <Table.Th scope="row">{n.staff.name}</Table.Th>
                <Table.Td>{t(`people.competences.${n.competence}`)}</Table.Td>
                <Table.Td>{t("people.cell", { current: n.currentLevel, required: n.requiredLevel })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function GapReport() {
  const { t } = useTranslation();
  const gaps = useGapReport();
  if (!gaps.data) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t("people.gapReport")}
      </Title>
      <Table withTableBorder aria-label={t("people.gapReport")} maw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.competence")}</Table.Th>
            <Table.Th scope="col">{t("people.assessed")}</Table.Th>
            <Table.Th scope="col">{t("people.withGap")}</Table.Th>
            <Table.Th scope="col">{t("people.totalGap")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaps.data.map((g) => (
            <Table.Tr key={g.competence}>
              <Table.Th scope="row">{t(`people.competences.${g.competence}`)}</Table.Th>
              <Table.Td>{g.staffAssessed}</Table.Td>
              <Table.Td>{g.people.map((p) => `${p.name} (${p.currentLevel}/${p.requiredLevel})`).join(", ") || "0"}</Table.Td>
              <Table.Td>{g.totalGap}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const STAFF_FIELDS = { name: "name", nip: "nip", position: "position", serviceRole: "serviceRole", ndaSignedOn: "ndaSignedOn", contractEndsOn: "contractEndsOn" } as const;

function StaffForm() {
  const { t } = useTranslation();
  const record = useRecordStaff();
  const problem = useFormProblem(record.error, STAFF_FIELDS);
  const empty = { name: "", nip: "", position: "", serviceRole: "", ndaSignedOn: "", contractEndsOn: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...form, nip: form.nip || null, ndaSignedOn: form.ndaSignedOn || null, contractEndsOn: form.contractEndsOn || null };
    record.mutate(input, { onSuccess: () => (notifySuccess(t("people.staffSaved")), setForm(empty)) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("people.newStaff")}
          </Title>
          <Group grow>
            <TextInput label={t("people.name")} required value={form.name} onChange={set("name")} error={problem.fields.name} />
            <TextInput label={t("people.nip")} value={form.nip} onChange={set("nip")} error={problem.fields.nip} />
          </Group>
          <Group grow>
            <TextInput label={t("people.position")} required value={form.position} onChange={set("position")} error={problem.fields.position} />
            <TextInput label={t("people.serviceRole")} required value={form.serviceRole} onChange={set("serviceRole")} error={problem.fields.serviceRole} />
          </Group>
          <Group grow>
            <TextInput label={t("people.nda")} type="date" value={form.ndaSignedOn} onChange={set("ndaSignedOn")} error={problem.fields.ndaSignedOn} />
            <TextInput label={t("people.contractEnds")} type="date" value={form.contractEndsOn} onChange={set("contractEndsOn")} error={problem.fields.contractEndsOn} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("people.saveStaff")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function CompetenceForm({ staff }: { staff: StaffMember[] }) {
  const { t } = useTranslation();
  const save = useSetCompetence();
  const problem = useFormProblem(save.error, { competence: "competence", requiredLevel: "requiredLevel", currentLevel: "currentLevel" } as const);
  const [form, setForm] = useState({ staffId: "", competence: COMPETENCES[0] as Competence, requiredLevel: "3", currentLevel: "1" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ ...form, requiredLevel: Number(form.requiredLevel), currentLevel: Number(form.currentLevel) }, { onSuccess: () => notifySuccess(t("people.competenceSaved")) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t("people.setCompetence")}
          </Title>
          <Group grow>
            <NativeSelect label={t("people.assessedStaff")} value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.currentTarget.value })} data={[{ value: "", label: "—" }, ...staff.map((s) => ({ value: s.id, label: s.name }))]} />
            <NativeSelect label={t("people.competence")} value={form.competence} onChange={(e) => setForm({ ...form, competence: e.currentTarget.value as Competence })} data={COMPETENCES.map((c) => ({ value: c, label: t(`people.competences.${c}`) }))} />
          </Group>
          <Group grow>
            <NativeSelect label={t("people.requiredLevel")} value={form.requiredLevel} onChange={(e) => setForm({ ...form, requiredLevel: e.currentTarget.value })} data={LEVELS} error={problem.fields.requiredLevel} />
            <NativeSelect label={t("people.currentLevel")} value={form.currentLevel} onChange={(e) => setForm({ ...form, currentLevel: e.currentTarget.value })} data={LEVELS} error={problem.fields.currentLevel} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" disabled={form.staffId === ""} loading={save.isPending}>
            {t("people.saveCompetence")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Certificates({ staff, manage }: { staff: StaffMember[]; manage: boolean }) {
  const { t } = useTranslation();
  const certificates = useCertificates();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t("people.certificates")}
      </Title>
      {certificates.data && <Text c="dimmed">{t("people.certificateAlerts", { n: certificates.data.alerts, days: certificates.data.alertDays })}</Text>}
      {certificates.data && certificates.data.items.length > 0 && <CertificateTable items={certificates.data.items} />}
      {manage && staff.length > 0 && <CertificateForm staff={staff} />}
    </Stack>
  );
}

function CertificateTable({ items }: { items: Certificate[] }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder aria-label={t("people.certificates")} maw={1000}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("people.certificateName")}</Table.Th>
          <Table.Th scope="col">{t("people.holder")}</Table.Th>
          <Table.Th scope="col">{t("people.issuer")}</Table.Th>
          <Table.Th scope="col">{t("people.number")}</Table.Th>
          <Table.Th scope="col">{t("people.certValidUntil")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Th scope="row">{c.name}</Table.Th>
            <Table.Td>{c.staff.name}</Table.Td>
            <Table.Td>{c.issuer}</Table.Td>
            <Table.Td>{c.number}</Table.Td>
            <Table.Td>
              {c.validUntil ? <CalendarDate value={c.validUntil} /> : t("people.none")} <Badge color={EXPIRY_COLOURS[c.expiry.state]}>{t(`people.expiry.${c.expiry.state}`)}</Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CertificateForm({ staff }: { staff: StaffMember[] }) {
  const { t } = useTranslation();
  const record = useRecordCertificate();
  const problem = useFormProblem(record.error, { staffId: "staffId", name: "name", issuer: "issuer", number: "number", validUntil: "validUntil" } as const);
  const empty = { staffId: "", name: "", issuer: "", number: "", validUntil: "" };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ ...form, validUntil: form.validUntil || null }, { onSuccess: () => (notifySuccess(t("people.certificateSaved")), setForm(empty)) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("people.newCertificate")}
          </Title>
          <NativeSelect label={t("people.holder")} value={form.staffId} onChange={set("staffId")} error={problem.fields.staffId} data={[{ value: "", label: "—" }, ...staff.map((s) => ({ value: s.id, label: s.name }))]} />
          <Group grow>
            <TextInput label={t("people.certificateName")} required value={form.name} onChange={set("name")} error={problem.fields.name} />
            <TextInput label={t("people.issuer")} required value={form.issuer} onChange={set("issuer")} error={problem.fields.issuer} />
          </Group>
          <Group grow>
            <TextInput label={t("people.number")} required value={form.number} onChange={set("number")} error={problem.fields.number} />
            <TextInput label={t("people.certValidUntil")} type="date" value={form.validUntil} onChange={set("validUntil")} error={problem.fields.validUntil} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={record.isPending}>
            {t("people.saveCertificate")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
