import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { VENDOR_STATUSES, type VendorStatus, VendorSchema, vendorKey } from "../vendors/vendors.api";

const QueueItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  businessForm: z.string(),
  npwpFormatted: z.string(),
  status: z.enum(VENDOR_STATUSES),
  submittedAt: z.nullable(z.string()),
  verifiedAt: z.nullable(z.string()),
  changesSinceVerification: z.number(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/**
 * One entry of GET /vendors/:id/changes. `changes` is the logged event's whole payload, whose shape
 * depends on `type`: see VendorChanges.tsx and recordChanges.ts.
 */
const ChangeEventSchema = z.object({ index: z.number(), time: z.string(), type: z.string(), actorId: z.nullable(z.string()), changes: z.unknown() });
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

export type Decision = "approve" | "reject";
export type VerificationMode = "in_person" | "video_call";

const queueKey = ["verification-queue"] as const;

export function useVerificationQueue(status: VendorStatus) {
  return useQuery({
    queryKey: [...queueKey, status],
    queryFn: async () => (await api.get("/api/v1/verification/queue", z.object({ items: z.array(QueueItemSchema) }), { status })).items,
    placeholderData: (previous) => previous,
  });
}

export function useVendorChanges(vendorId: string) {
  return useQuery({
    queryKey: [...vendorKey(vendorId), "changes"],
    queryFn: async () => (await api.get(`/api/v1/vendors/${encodeURIComponent(vendorId)}/changes`, z.object({ items: z.array(ChangeEventSchema) }))).items,
  });
}

export function useDecideVerification(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: Decision; mode: VerificationMode; reason: string }) =>
      api.post(`/api/v1/vendors/${encodeURIComponent(vendorId)}/verification`, VendorSchema, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...vendorKey(vendorId), "profile"], saved);
      // History and changes (now counted from the new verification) and the queue all moved.
      await Promise.all([queryClient.invalidateQueries({ queryKey: vendorKey(vendorId) }), queryClient.invalidateQueries({ queryKey: queueKey })]);
    },
  });
}
