import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import type { RecordKind } from "./recordFields";
import { vendorKey } from "./vendors.api";

/** One record of any kind: its own fields (see recordFields.ts) besides the id and times. */
const VendorRecordSchema = z.catchall(z.object({ id: z.string(), createdAt: z.string(), updatedAt: z.string() }), z.union([z.string(), z.number(), z.null()]));
export type VendorRecord = z.infer<typeof VendorRecordSchema>;
export type RecordInput = Record<string, string | number | null>;

const recordsKey = (vendorId: string, kind: RecordKind) => [...vendorKey(vendorId), "records", kind] as const;
const path = (vendorId: string, kind: RecordKind) => `/api/v1/vendors/${encodeURIComponent(vendorId)}/${kind}`;

/** The vendor's records of one kind, oldest first. */
export function useRecords(vendorId: string, kind: RecordKind) {
  return useQuery({
    queryKey: recordsKey(vendorId, kind),
    queryFn: async () => (await api.get(path(vendorId, kind), z.object({ items: z.array(VendorRecordSchema) }))).items,
  });
}

/** Adds (no `recordId`) or replaces a record; the list and the Verifikator's changes are fetched again. */
export function useSaveRecord(vendorId: string, kind: RecordKind, recordId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordInput) =>
      recordId === null ? api.post(path(vendorId, kind), VendorRecordSchema, input) : api.put(`${path(vendorId, kind)}/${encodeURIComponent(recordId)}`, VendorRecordSchema, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: recordsKey(vendorId, kind) }), queryClient.invalidateQueries({ queryKey: [...vendorKey(vendorId), "changes"] })]),
  });
}

/** Removes a record (the server logs what it held, for the Verifikator). */
export function useRemoveRecord(vendorId: string, kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordId: string) => api.send("DELETE", `${path(vendorId, kind)}/${encodeURIComponent(recordId)}`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: recordsKey(vendorId, kind) }), queryClient.invalidateQueries({ queryKey: [...vendorKey(vendorId), "changes"] })]),
  });
}
