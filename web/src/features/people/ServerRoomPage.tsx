import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import type { TimeZoneCode } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { fromZonedInput, toZonedInput } from "../../lib/zonedTime";
import { type DeviceInput, type Permit, usePermits, useApprovePermit, useRecordExit, useRecordVisit, useRequestPermit, useRevokePermit, useVisits, type Visit } from "./people.api";

const STATUS_COLOURS = { pending: "yellow", scheduled: "gray", active: "green", expired: "orange", revoked: "red" } as const;
const HOUR_MS = 3_600_000;

/** The LPSE's wall clock `hours` from now, for a datetime input; a minute back so rounding up never lands in the future. */
const wallClock = (zone: TimeZoneCode, hours = 0) => toZonedInput(new Date(Date.now() - 60_000 + hours * HOUR_MS).toISOString(), zone);

/** /app/ruang-server: server-room permits approved by the Kepala LPSE and the visit log with devices in and out (standard 9). */
export function ServerRoomPage() {
  const { t } = useTranslation();
  const permits = usePermits();
  const visits = useVisits();
  const zone = permits.data?.timeZone ?? "WIB";
  return (
    <Stack>
      <Title order={1}>{t("people.serverRoomTitle")}</Title>
      <Text c="dimmed">{t("people.timesInZone", { zone })}</Text>
      {permits.isPending && <PageLoader />}
      {permits.isError && <QueryError error={permits.error} onRetry={() => void permits.refetch()} />}
      {permits.data && (
        <>
          <Title order={2} size="h3">
            {t("people.permits")}
          </Title>
          {permits.data.items.length === 0 ? <Text c="dimmed">{t("people.noPermits")}</Text> : <PermitTable permits={permits.data.items} canApprove={permits.data.can.approve} />}
          {permits.data.can.manage && <PermitForm zone={zone} />}
          {permits.data.can.revoke && <RevokeForm permits={permits.data.items.filter((p) => p.status !== "revoked" && p.status !== "expired")} />}
        </>
      )}
      {visits.data && (
        <>
          <Title order={2} size="h3">
            {t("people.visits")}
          </Title>
          <Text>{t("people.openVisits", { n: visits.data.open })}</Text>
          {visits.data.items.length > 0 && <VisitTable visits={visits.data.items} />}
          {permits.data?.can.manage && <VisitForm zone={zone} permits={permits.data.items.filter((p) => p.status === "active")} />}
          {permits.data?.can.manage && <ExitForm zone={zone} visits={visits.data.items.filter((v) => v.open)} />}
        </>
      )}
    </Stack>
  );
}

function PermitTable({ permits, canApprove }: { permits: Permit[]; canApprove: boolean }) {
  const { t } = useTranslation();
  const at = useDateTimeFormat();
  const approve = useApprovePermit();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder aria-label={t("people.permits")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.visitor")}</Table.Th>
            <Table.Th scope="col">{t("people.purpose")}</Table.Th>
            <Table.Th scope="col">{t("people.validity")}</Table.Th>
            <Table.Th scope="col">{t("people.requestedBy")}</Table.Th>
            <Table.Th scope="col">{t("people.approvedBy")}</Table.Th>
            <Table.Th scope="col">{t("people.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {permits.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row">
                {p.person}
                <Text size="xs" c="dimmed">
                  {p.organisation}
                </Text>
              </Table.Th>
              <Table.Td>{p.purpose}</Table.Td>
              <Table.Td>
                {at(p.validFrom)} – {at(p.validUntil)}
              </Table.Td>
              <Table.Td>{p.requestedBy.name}</Table.Td>
              <Table.Td>
                {p.approvedBy ? `${p.approvedBy.name}, ${at(p.approvedAt ?? "")}` : "—"}
                {canApprove && p.status === "pending" && (
                  <Button size="xs" loading={approve.isPending} onClick={() => approve.mutate({ id: p.id, note: "" }, { onSuccess: () => notifySuccess(t("people.permitApproved")) })}>
                    {t("people.approveFor", { person: p.person })}
                  </Button>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[p.status]}>{t(`people.permitStatus.${p.status}`)}</Badge>
                {p.revokedReason && <Text size="xs">{p.revokedReason}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PermitForm({ zone }: { zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const request = useRequestPermit();
  const problem = useFormProblem(request.error, { person: "person", organisation: "organisation", purpose: "purpose", validFrom: "validFrom", validUntil: "validUntil" } as const);
  const empty = () => ({ person: "", organisation: "", purpose: "", validFrom: wallClock(zone), validUntil: wallClock(zone, 8) });
  const [form, setForm] = useState(empty);
  const set = (key: keyof ReturnType<typeof empty>) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...form, validFrom: fromZonedInput(form.validFrom, zone) ?? form.validFrom, validUntil: fromZonedInput(form.validUntil, zone) ?? form.validUntil };
    request.mutate(input, { onSuccess: () => (notifySuccess(t("people.permitSaved")), setForm(empty())) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("people.newPermit")}
          </Title>
          <Group grow>
            <TextInput label={t("people.visitor")} required value={form.person} onChange={set("person")} error={problem.fields.person} />
            <TextInput label={t("people.organisation")} required value={form.organisation} onChange={set("organisation")} error={problem.fields.organisation} />
          </Group>
          <Textarea label={t("people.purpose")} required autosize minRows={2} value={form.purpose} onChange={set("purpose")} error={problem.fields.purpose} />
          <Group grow>
            <TextInput label={t("people.validFrom", { zone })} type="datetime-local" required value={form.validFrom} onChange={set("validFrom")} error={problem.fields.validFrom} />
            <TextInput label={t("people.validUntil", { zone })} type="datetime-local" required value={form.validUntil} onChange={set("validUntil")} error={problem.fields.validUntil} />
          </Group>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={request.isPending}>
            {t("people.savePermit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function RevokeForm({ permits }: { permits: Permit[] }) {
  const { t } = useTranslation();
  const revoke = useRevokePermit();
  const problem = useFormProblem(revoke.error, { reason: "reason" } as const);
  const [form, setForm] = useState({ id: "", reason: "" });
  if (permits.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    revoke.mutate(form, { onSuccess: () => (notifySuccess(t("people.permitRevoked")), setForm({ id: "", reason: "" })) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("people.revokePermit")}
          </Title>
          <NativeSelect label={t("people.permitToRevoke")} value={form.id} onChange={(e) => setForm({ ...form, id: e.currentTarget.value })} data={[{ value: "", label: "—" }, ...permits.map((p) => ({ value: p.id, label: `${p.person} — ${p.organisation}` }))]} />
          <Textarea label={t("people.revokeReason")} required autosize minRows={2} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} error={problem.fields.reason} />
          <FormAlert message={problem.general} />
          <Button type="submit" color="red" disabled={form.id === ""} loading={revoke.isPending}>
            {t("people.revokeSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function VisitTable({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  const at = useDateTimeFormat();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder aria-label={t("people.visits")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("people.visitor")}</Table.Th>
            <Table.Th scope="col">{t("people.escort")}</Table.Th>
            <Table.Th scope="col">{t("people.badge")}</Table.Th>
            <Table.Th scope="col">{t("people.enteredAt")}</Table.Th>
            <Table.Th scope="col">{t("people.exitedAt")}</Table.Th>
            <Table.Th scope="col">{t("people.devices")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visits.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Th scope="row">
                {v.permit.person}
                <Text size="xs" c="dimmed">
                  {v.permit.organisation}
                </Text>
              </Table.Th>
              <Table.Td>{v.escort}</Table.Td>
              <Table.Td>{v.badgeNumber}</Table.Td>
              <Table.Td>{at(v.enteredAt)}</Table.Td>
              <Table.Td>{v.exitedAt ? at(v.exitedAt) : <Badge color="yellow">{t("people.stillInside")}</Badge>}</Table.Td>
              <Table.Td>
                {v.devices.map((d) => (
                  <Text key={d.id} size="xs">
                    {t(`people.direction.${d.direction}`)}: {d.description} (SN {d.serialNumber})
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One optional device row: left empty, no device is recorded. */
function DeviceFields({ value, onChange, direction }: { value: DeviceInput; onChange: (d: DeviceInput) => void; direction: "in" | "out" }) {
  const { t } = useTranslation();
  return (
    <Group grow>
      <TextInput label={t(`people.deviceDescription.${direction}`)} value={value.description} onChange={(e) => onChange({ ...value, description: e.currentTarget.value })} />
      <TextInput label={t(`people.deviceSerial.${direction}`)} value={value.serialNumber} onChange={(e) => onChange({ ...value, serialNumber: e.currentTarget.value })} />
    </Group>
  );
}

const devicesOf = (d: DeviceInput) => (d.description.trim() === "" && d.serialNumber.trim() === "" ? [] : [d]);

function VisitForm({ zone, permits }: { zone: TimeZoneCode; permits: Permit[] }) {
  const { t } = useTranslation();
  const record = useRecordVisit();
  const problem = useFormProblem(record.error, { permitId: "permitId", escort: "escort", badgeNumber: "badgeNumber", enteredAt: "enteredAt", devices: "devices" } as const);
  const empty = () => ({ permitId: "", escort: "", badgeNumber: "", enteredAt: wallClock(zone), device: { description: "", serialNumber: "", direction: "in" as const } as DeviceInput });
  const [form, setForm] = useState(empty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { device, ...rest } = form;
    record.mutate({ ...rest, enteredAt: fromZonedInput(form.enteredAt, zone) ?? form.enteredAt, devices: devicesOf(device) }, { onSuccess: () => (notifySuccess(t("people.visitSaved")), setForm(empty())) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("people.newVisit")}
          </Title>
          <NativeSelect label={t("people.visitPermit")} value={form.permitId} onChange={(e) => setForm({ ...form, permitId: e.currentTarget.value })} error={problem.fields.permitId} data={[{ value: "", label: "—" }, ...permits.map((p) => ({ value: p.id, label: `${p.person} — ${p.organisation}` }))]} />
          <Group grow>
            <TextInput label={t("people.escort")} required value={form.escort} onChange={(e) => setForm({ ...form, escort: e.currentTarget.value })} error={problem.fields.escort} />
            <TextInput label={t("people.badge")} required value={form.badgeNumber} onChange={(e) => setForm({ ...form, badgeNumber: e.currentTarget.value })} error={problem.fields.badgeNumber} />
          </Group>
          <TextInput label={t("people.enteredAtInput", { zone })} type="datetime-local" required value={form.enteredAt} onChange={(e) => setForm({ ...form, enteredAt: e.currentTarget.value })} error={problem.fields.enteredAt} />
          <DeviceFields direction="in" value={form.device} onChange={(device) => setForm({ ...form, device })} />
          <FormAlert message={problem.fields.devices ?? problem.general} />
          <Button type="submit" disabled={form.permitId === ""} loading={record.isPending}>
            {t("people.saveVisit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ExitForm({ zone, visits }: { zone: TimeZoneCode; visits: Visit[] }) {
  const { t } = useTranslation();
  const record = useRecordExit();
  const problem = useFormProblem(record.error, { exitedAt: "exitedAt", devices: "devices" } as const);
  const empty = () => ({ id: "", exitedAt: wallClock(zone), device: { description: "", serialNumber: "", direction: "out" as const } as DeviceInput });
  const [form, setForm] = useState(empty);
  if (visits.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ id: form.id, exitedAt: fromZonedInput(form.exitedAt, zone) ?? form.exitedAt, devices: devicesOf(form.device) }, { onSuccess: () => (notifySuccess(t("people.exitSaved")), setForm(empty())) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t("people.recordExit")}
          </Title>
          <NativeSelect label={t("people.openVisit")} value={form.id} onChange={(e) => setForm({ ...form, id: e.currentTarget.value })} data={[{ value: "", label: "—" }, ...visits.map((v) => ({ value: v.id, label: `${v.permit.person} — ${v.badgeNumber}` }))]} />
          <TextInput label={t("people.exitedAtInput", { zone })} type="datetime-local" required value={form.exitedAt} onChange={(e) => setForm({ ...form, exitedAt: e.currentTarget.value })} error={problem.fields.exitedAt} />
          <DeviceFields direction="out" value={form.device} onChange={(device) => setForm({ ...form, device })} />
          <FormAlert message={problem.fields.devices ?? problem.general} />
          <Button type="submit" disabled={form.id === ""} loading={record.isPending}>
            {t("people.saveExit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
