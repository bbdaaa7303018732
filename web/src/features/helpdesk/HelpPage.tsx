import { Accordion, Alert, Anchor, Button, Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { useMe } from "../auth/auth.api";
import { type PublicTicketInput, type TrackedTicket, USER_GROUPS, useArticles, useFileTicket, useMyTickets, useSubmitterReply, useTrackTicket } from "./helpdesk.api";
import { StatusBadge } from "./SlaTimerText";

/** /bantuan: the public Help page: FAQ, the ticket form and tracking by code and email. */
export function HelpPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t("helpdesk.publicTitle")}</Title>
        <Text c="dimmed">{t("helpdesk.publicIntro")}</Text>
      </div>
      <FaqSection />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <TicketForm defaultName={me.data?.name ?? ""} defaultEmail={me.data?.email ?? ""} />
        <TrackSection />
      </SimpleGrid>
      {me.data && <MyTickets />}
    </Stack>
  );
}

function FaqSection() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const articles = useArticles({ q: q.trim() });
  return (
    <section aria-labelledby="faq-title">
      <Stack>
        <Title order={2} id="faq-title">
          {t("helpdesk.faqTitle")}
        </Title>
        <TextInput label={t("helpdesk.faqSearch")} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={480} />
        {articles.data && articles.data.length === 0 && <Text c="dimmed">{t("helpdesk.faqEmpty")}</Text>}
        {articles.data && articles.data.length > 0 && (
          <Accordion variant="separated">
            {articles.data.map((a) => (
              <Accordion.Item key={a.id} value={a.id}>
                <Accordion.Control>
                  <Text fw={500}>{a.title}</Text>
                  <Text size="xs" c="dimmed">
                    {a.category}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text style={{ whiteSpace: "pre-wrap" }}>{a.body}</Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </section>
  );
}

const FORM_FIELDS = { name: "name", email: "email", subject: "subject", description: "description", userGroup: "userGroup" } as const;

function TicketForm({ defaultName, defaultEmail }: { defaultName: string; defaultEmail: string }) {
  const { t } = useTranslation();
  const file = useFileTicket();
  const problem = useFormProblem(file.error, FORM_FIELDS);
  const empty: PublicTicketInput = { name: defaultName, email: defaultEmail, subject: "", description: "", userGroup: "vendor" };
  const [form, setForm] = useState<PublicTicketInput>(empty);
  const [filed, setFiled] = useState<{ code: string; email: string } | null>(null);
  const set = (key: keyof PublicTicketInput) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(form, { onSuccess: (r) => setFiled({ code: r.code, email: form.email.trim() }) });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-form-title">
      <Title order={2} size="h3" id="ticket-form-title" mb="sm">
        {t("helpdesk.formTitle")}
      </Title>
      {filed ? (
        <Stack role="status">
          <Alert color="teal" title={t("helpdesk.filedTitle")}>
            {t("helpdesk.filedBody", { code: filed.code, email: filed.email })}
          </Alert>
          <Anchor component="button" type="button" ta="left" onClick={() => { setFiled(null); setForm(empty); file.reset(); }}>
            {t("helpdesk.fileAnother")}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t("helpdesk.name")} required value={form.name} onChange={set("name")} error={problem.fields.name} autoComplete="name" />
            <TextInput label={t("helpdesk.email")} type="email" required value={form.email} onChange={set("email")} error={problem.fields.email} autoComplete="email" />
            <NativeSelect label={t("helpdesk.userGroup")} value={form.userGroup} onChange={set("userGroup")} data={USER_GROUPS.map((g) => ({ value: g, label: t(`helpdesk.groups.${g}`) }))} error={problem.fields.userGroup} />
            <TextInput label={t("helpdesk.subject")} required value={form.subject} onChange={set("subject")} error={problem.fields.subject} />
            <Textarea label={t("helpdesk.description")} required autosize minRows={4} value={form.description} onChange={set("description")} error={problem.fields.description} />
            <FormAlert message={problem.general} />
            <Button type="submit" loading={file.isPending}>
              {t("helpdesk.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

const TRACK_FIELDS = { code: "code", email: "email", body: "body" } as const;

function TrackSection() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("kode") ?? "");
  const [email, setEmail] = useState("");
  const track = useTrackTicket();
  const problem = useFormProblem(track.error, TRACK_FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    track.mutate({ code: code.trim(), email: email.trim() });
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="track-title">
      <Title order={2} size="h3" id="track-title" mb="sm">
        {t("helpdesk.trackTitle")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("helpdesk.trackCode")} required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={problem.fields.code} placeholder="HD-XXXXXXXX" />
          <TextInput label={t("helpdesk.trackEmail")} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={problem.fields.email} />
          <FormAlert message={problem.general} />
          <Button type="submit" variant="light" loading={track.isPending}>
            {t("helpdesk.track")}
          </Button>
        </Stack>
      </form>
      {track.data && <TrackedView ticket={track.data} email={email.trim()} onReplied={(next) => track.mutate({ code: next.code, email: email.trim() })} />}
    </Paper>
  );
}

function TrackedView({ ticket, email, onReplied }: { ticket: TrackedTicket; email?: string; onReplied?: (t: TrackedTicket) => void }) {
  const { t } = useTranslation();
  const reply = useSubmitterReply();
  const [body, setBody] = useState("");
  const problem = useFormProblem(reply.error, TRACK_FIELDS);
  return (
    <Card withBorder mt="md" aria-label={ticket.code}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} ff="monospace">
            {ticket.code}
          </Text>
          <StatusBadge status={ticket.status} />
        </Group>
        <Text fw={500}>{ticket.subject}</Text>
        <Text size="sm" c="dimmed">
          {t("helpdesk.filedAt")}: <DateTime value={ticket.createdAt} seconds={false} />
        </Text>
        {ticket.outcome && (
          <Alert color="teal" title={t("helpdesk.outcome")}>
            <Text style={{ whiteSpace: "pre-wrap" }}>{ticket.outcome}</Text>
            {ticket.resolvedAt && (
              <Text size="xs" c="dimmed">
                {t("helpdesk.resolvedAt")}: <DateTime value={ticket.resolvedAt} seconds={false} />
              </Text>
            )}
          </Alert>
        )}
        <Text fw={600} size="sm">
          {t("helpdesk.replies")}
        </Text>
        {ticket.replies.length === 0 && <Text size="sm" c="dimmed">{t("helpdesk.noReplies")}</Text>}
        {ticket.replies.map((r, i) => (
          <Card key={i} withBorder padding="xs" bg={r.fromStaff ? "var(--mantine-color-blue-light)" : undefined}>
            <Text size="xs" c="dimmed">
              {r.authorName} · <DateTime value={r.createdAt} seconds={false} />
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.body}
            </Text>
          </Card>
        ))}
        {email && onReplied && ticket.status !== "closed" && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              reply.mutate({ code: ticket.code, email, body }, { onSuccess: (next) => { setBody(""); onReplied(next); } });
            }}
            noValidate
          >
            <Stack gap="xs">
              <Textarea label={t("helpdesk.yourReply")} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={problem.fields.body} />
              <FormAlert message={problem.general} />
              <Button type="submit" variant="default" size="xs" loading={reply.isPending}>
                {t("helpdesk.sendReply")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function MyTickets() {
  const { t } = useTranslation();
  const mine = useMyTickets(true);
  return (
    <section aria-labelledby="my-tickets-title">
      <Title order={2} id="my-tickets-title">
        {t("helpdesk.myTickets")}
      </Title>
      {mine.data && mine.data.length === 0 && <Text c="dimmed">{t("helpdesk.myTicketsEmpty")}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {mine.data?.map((ticket) => <TrackedView key={ticket.code} ticket={ticket} />)}
      </SimpleGrid>
    </section>
  );
}
