import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { LEVELS, type StaffTicketInput, TICKET_CHANNELS, TICKET_TYPES, USER_GROUPS, useStaffTicket } from "./helpdesk.api";

const FIELDS = { channel: "channel", name: "name", email: "email", phone: "phone", subject: "subject", description: "description" } as const;

/** /app/helpdesk/baru: a ticket entered by staff for a phone call, an email or a visit. */
export function TicketCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useStaffTicket();
  const problem = useFormProblem(create.error, FIELDS);
  const [form, setForm] = useState({ channel: "phone", name: "", email: "", phone: "", subject: "", description: "", type: "request", technical: false, userGroup: "vendor", urgency: "medium", impact: "medium" });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const options = (values: readonly string[], prefix: "channels" | "types" | "groups" | "levels") => values.map((v) => ({ value: v, label: t(`helpdesk.${prefix}.${v}` as "helpdesk.levels.low") }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...form,
      email: form.email.trim() || undefined,
      phone: form.phone.trim() || undefined,
    } as StaffTicketInput;
    create.mutate(input, { onSuccess: (ticket) => void navigate(`/app/helpdesk/tiket/${ticket.id}`) });
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t("helpdesk.createTitle")}
          </Title>
          <NativeSelect label={t("helpdesk.channel")} value={form.channel} onChange={set("channel")} data={options(TICKET_CHANNELS, "channels")} />
          <TextInput label={t("helpdesk.name")} required value={form.name} onChange={set("name")} error={problem.fields.name} />
          <Group grow>
            <TextInput label={t("helpdesk.email")} type="email" value={form.email} onChange={set("email")} error={problem.fields.email} />
            <TextInput label={t("helpdesk.phone")} type="tel" value={form.phone} onChange={set("phone")} error={problem.fields.phone} />
          </Group>
          <TextInput label={t("helpdesk.subject")} required value={form.subject} onChange={set("subject")} error={problem.fields.subject} />
          <Textarea label={t("helpdesk.description")} required autosize minRows={3} value={form.description} onChange={set("description")} error={problem.fields.description} />
          <Group grow>
            <NativeSelect label={t("helpdesk.type")} value={form.type} onChange={set("type")} data={options(TICKET_TYPES, "types")} />
            <NativeSelect label={t("helpdesk.userGroup")} value={form.userGroup} onChange={set("userGroup")} data={options(USER_GROUPS, "groups")} />
          </Group>
          <Group grow>
            <NativeSelect label={t("helpdesk.urgency")} value={form.urgency} onChange={set("urgency")} data={options(LEVELS, "levels")} />
            <NativeSelect label={t("helpdesk.impact")} value={form.impact} onChange={set("impact")} data={options(LEVELS, "levels")} />
          </Group>
          <Checkbox label={t("helpdesk.technical")} checked={form.technical} onChange={(e) => setForm({ ...form, technical: e.currentTarget.checked })} />
          <FormAlert message={problem.general} />
          <Button type="submit" loading={create.isPending}>
            {t("helpdesk.createSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
