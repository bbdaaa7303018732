import { ActionIcon, Badge, Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatCount } from "../../lib/format";
import { useLanguage } from "../../lib/useLanguage";
import { useUnreadCount } from "./notifications.api";

/**
 * The header's link to the inbox, with the unread count. Named "Kotak masuk" / "Inbox" (plus the count),
 * not "Notifikasi", so it never matches a search for the navigation link of that name.
 */
export function NotificationBell({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  const label = count > 0 ? t("notifications.headerLinkUnread", { count: formatCount(count, language) }) : t("notifications.headerLink");
  return (
    <Box pos="relative">
      <ActionIcon component={Link} to="/app/notifikasi" variant="default" size="lg" aria-label={label} title={label} onClick={onNavigate}>
        <BellIcon />
      </ActionIcon>
      {/* Drawn over the button's corner; the link's name already says the count, so it is hidden from screen readers. */}
      {count > 0 && (
        <Badge
          aria-hidden="true"
          data-testid="unread-badge"
          size="xs"
          color="red"
          variant="filled"
          pos="absolute"
          top={-6}
          right={-8}
          miw={18}
          px={4}
          style={{ pointerEvents: "none", border: "2px solid var(--mantine-color-body)", boxSizing: "content-box" }}
        >
          {count > 99 ? "99+" : formatCount(count, language)}
        </Badge>
      )}
    </Box>
  );
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
