import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { mayOpenRolePage } from "../../layout/navItems";
import { useMe } from "../auth/auth.api";
import { PRIORITIES, TICKET_STATUSES, useTickets } from "./helpdesk.api";
import { PriorityBadge, SlaTimerText, StatusBadge } from "./SlaTimerText";

/** /app/helpdesk: the queue, by priority then age, with live SLA timers. */
export function TicketQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [status, setStatus] = useState("open");
  const [priority, setPriority] = useState("");
  const [q, setQ] = useState("");
  const tickets = useTickets({ status, priority, q: q.trim() });
  const manage = me.data ? mayOpenRolePage(me.data, "helpdeskManage") : false;
  return (
    <Stack>
      <div>
        <Title order={1}>{t("helpdesk.queueTitle")}</Title>
        <Text c="dimmed">{t("helpdesk.queueIntro")}</Text>
      </div>
      <Group>
        {manage && (
          <Button component={Link} to="/app/helpdesk/baru">
            {t("helpdesk.newTicket")}
          </Button>
        )}
        {manage && (
          <Button component={Link} to="/app/helpdesk/faq" variant="light">
            {t("helpdesk.faqEditor")}
          </Button>
        )}
        <Button component={Link} to="/app/helpdesk/laporan" variant="light">
          {t("helpdesk.report")}
        </Button>
      </Group>
      <Group align="end">
        <NativeSelect
          label={t("helpdesk.status")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[{ value: "open", label: t("helpdesk.open") }, { value: "", label: t("helpdesk.all") }, ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`helpdesk.statuses.${s}`) }))]}
        />
        <NativeSelect label={t("helpdesk.priority")} value={priority} onChange={(e) => setPriority(e.currentTarget.value)} data={[{ value: "", label: t("helpdesk.all") }, ...PRIORITIES]} />
        <TextInput label={t("helpdesk.search")} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </Group>
      {tickets.isPending && <PageLoader />}
      {tickets.isError && <QueryError error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.data && tickets.data.items.length === 0 && <Text c="dimmed">{t("helpdesk.queueEmpty")}</Text>}
      {tickets.data && tickets.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("helpdesk.code")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.subject")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.priority")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.status")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.assignee")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.firstResponse")}</Table.Th>
                <Table.Th scope="col">{t("helpdesk.resolution")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.data.items.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/helpdesk/tiket/${ticket.id}`} ff="monospace">
                      {ticket.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ticket.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {ticket.submitterName} · {t(`helpdesk.groups.${ticket.userGroup}`)} · {t(`helpdesk.channels.${ticket.channel}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={ticket.priority} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>{ticket.assignee?.name ?? t("common.none")}</Table.Td>
                  <Table.Td>
                    <SlaTimerText timer={ticket.sla.firstResponse} />
                  </Table.Td>
                  <Table.Td>
                    <SlaTimerText timer={ticket.sla.resolution} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
