import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../lib/DateTime";
import { formatCount } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { type Notification, useInbox, useMarkAllRead, useMarkRead } from "./notifications.api";

/** The inbox: title and body in the current language, unread ones bold, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const inbox = useInbox();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = inbox.data?.pages[0]?.unreadCount ?? 0;

  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => notifySuccess(t("notifications.allRead")),
      onError: (error) => notifyError(errorText(error, language, t)),
    });

  return (
    <Stack maw={840}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={1}>{t("notifications.title")}</Title>
          {inbox.data && (
            <Text c="dimmed" size="sm" data-testid="inbox-unread">
              {t("notifications.unreadCount", { count: formatCount(unreadCount, language) })}
            </Text>
          )}
        </div>
        <Button variant="light" onClick={onMarkAll} loading={markAll.isPending} disabled={unreadCount === 0}>
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      {inbox.isPending && <PageLoader />}
      {inbox.isError && <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && items.length === 0 && <Text c="dimmed">{t("notifications.empty")}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {inbox.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t("notifications.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function NotificationItem({ item }: { item: Notification }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  const title = item.title[language];

  const onMarkRead = () => markRead.mutate(item.id, { onError: (error) => notifyError(errorText(error, language, t)) });

  return (
    <Paper component="li" withBorder radius="md" p="md" bg={unread ? "var(--mantine-color-blue-light)" : undefined} data-unread={unread || undefined}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Text component="h2" fz="md" fw={unread ? 700 : 400} m={0}>
              {title}
            </Text>
            {unread && (
              <Badge size="sm" color="blue" variant="filled">
                {t("notifications.unread")}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <DateTime value={item.createdAt} />
          </Text>
        </Group>
        <Text size="sm" fw={unread ? 600 : 400}>
          {item.body[language]}
        </Text>
        <Group gap="sm">
          {item.link && (
            <Anchor component={Link} to={item.link} size="sm" aria-label={t("notifications.openNamed", { title })} onClick={() => unread && markRead.mutate(item.id)}>
              {t("notifications.open")}
            </Anchor>
          )}
          {unread && (
            <Button size="compact-sm" variant="default" onClick={onMarkRead} loading={markRead.isPending} aria-label={t("notifications.markReadNamed", { title })}>
              {t("notifications.markRead")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
