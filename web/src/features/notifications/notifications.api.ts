import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

const TextSchema = z.object({ id: z.string(), en: z.string() });

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: TextSchema,
  body: TextSchema,
  link: z.nullable(z.string()),
  createdAt: z.string(),
  readAt: z.nullable(z.string()),
});
export type Notification = z.infer<typeof NotificationSchema>;

const ListSchema = z.object({ items: z.array(NotificationSchema), unreadCount: z.number() });

/** One inbox page; the server allows up to 100. */
const PAGE_SIZE = 30;
/** The header badge asks again this often, so news arrives without a reload. */
const UNREAD_POLL_MS = 60_000;

const notificationsKey = ["notifications"] as const;

/** The count of unread notifications for the header badge (one row is fetched; the count covers all). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, "unread-count"],
    queryFn: async () => (await api.get("/api/v1/notifications", ListSchema, { limit: 1 })).unreadCount,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** The inbox, newest first, a page at a time ("load older" passes the last id as `before`). */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, "inbox"],
    queryFn: ({ pageParam }) => api.get("/api/v1/notifications", ListSchema, { limit: PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length === PAGE_SIZE ? last.items.at(-1)?.id : undefined),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => api.post(`/api/v1/notifications/${encodeURIComponent(notificationId)}/read`, NotificationSchema),
    // Inbox and badge together.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/v1/notifications/read-all", z.object({ updated: z.number() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
