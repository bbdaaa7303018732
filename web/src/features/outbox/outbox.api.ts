import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const MailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
});
export type OutboxMail = z.infer<typeof MailSchema>;

/** Only these go back in the queue (the server refuses the others with 409). */
export function canRetry(mail: OutboxMail): boolean {
  return mail.status === "failed" || mail.status === "pending";
}

const outboxKey = ["mail-outbox"] as const;

export function useOutbox(status: MailStatus | "") {
  return useQuery({
    queryKey: [...outboxKey, status],
    queryFn: async () => (await api.get("/api/v1/admin/mail-outbox", z.object({ items: z.array(MailSchema) }), { status })).items,
    placeholderData: (previous) => previous,
  });
}

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailId: string) => api.post(`/api/v1/admin/mail-outbox/${encodeURIComponent(mailId)}/retry`, MailSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}
