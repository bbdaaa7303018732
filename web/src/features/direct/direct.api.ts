import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { orNull } from "../evaluation/evaluation.api";

/*
 * Pengadaan Langsung: the Pejabat Pengadaan invites one verified vendor, which quotes a unit price per line
 * before the due time; afterwards the official records the negotiation and the result.
 */

export const DIRECT_STATUSES = ["invited", "quoted", "negotiated", "awarded", "failed"] as const;
export type DirectStatus = (typeof DIRECT_STATUSES)[number];

/** The server's limits on the negotiation minutes and the result's reason. */
export const MIN_NEGOTIATION_NOTES = 20;
export const MIN_RESULT_REASON = 10;

const DirectSchema = z.object({
  packageName: z.string(),
  hps: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  status: z.enum(DIRECT_STATUSES),
  invitedAt: z.string(),
  quotationDue: z.string(),
  quotation: z.nullable(z.string()),
  quotedAt: z.nullable(z.string()),
  negotiated: z.nullable(z.string()),
  negotiationNotes: z.nullable(z.string()),
  negotiatedAt: z.nullable(z.string()),
  resultReason: z.nullable(z.string()),
  decidedAt: z.nullable(z.string()),
  items: z.array(z.object({ id: z.string(), position: z.number(), description: z.string(), unit: z.string(), quantity: z.string(), quotedUnitPrice: z.nullable(z.string()) })),
});
export type Direct = z.infer<typeof DirectSchema>;
export type DirectItem = Direct["items"][number];

const InvitationSchema = z.object({ packageId: z.string(), packageName: z.string(), status: z.enum(DIRECT_STATUSES), quotationDue: z.string(), invitedAt: z.string() });
export type Invitation = z.infer<typeof InvitationSchema>;

const VerifiedVendorSchema = z.object({ id: z.string(), name: z.string(), npwpFormatted: z.string() });
export type VerifiedVendor = z.infer<typeof VerifiedVendorSchema>;

const directKey = (packageId: string) => ["direct", packageId] as const;
const invitationsKey = ["direct", "invitations"] as const;
const path = (packageId: string) => `/api/v1/packages/${encodeURIComponent(packageId)}/direct`;

/** The package's direct procurement, or null before the invitation (a 404 means "not yet"). */
export function useDirect(packageId: string, enabled = true) {
  return useQuery({ queryKey: directKey(packageId), queryFn: () => orNull(() => api.get(path(packageId), DirectSchema)), enabled });
}

/** The vendor's invitations. */
export function useInvitations() {
  return useQuery({ queryKey: invitationsKey, queryFn: async () => (await api.get("/api/v1/direct/invitations", z.object({ items: z.array(InvitationSchema) }))).items });
}

/** Verified vendors whose name contains the text (for the official's invitation). */
export function useVerifiedVendors(text: string) {
  return useQuery({
    queryKey: ["vendors", "verified", text],
    queryFn: async () => (await api.get("/api/v1/vendors/verified", z.object({ items: z.array(VerifiedVendorSchema) }), { q: text })).items,
    placeholderData: (previous) => previous,
  });
}

function useDirectMutation<I>(packageId: string, send: (input: I) => Promise<Direct>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      queryClient.setQueryData(directKey(packageId), saved);
      return queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
  });
}

export function useInvite(packageId: string) {
  return useDirectMutation(packageId, (input: { vendorId: string; quotationDue: string }) => api.post(`${path(packageId)}/invitation`, DirectSchema, input));
}

export function useQuote(packageId: string) {
  return useDirectMutation(packageId, (items: { hpsItemId: string; unitPrice: string }[]) => api.put(`${path(packageId)}/quotation`, DirectSchema, { items }));
}

export function useNegotiate(packageId: string) {
  return useDirectMutation(packageId, (input: { price: string; notes: string }) => api.post(`${path(packageId)}/negotiation`, DirectSchema, input));
}

export function useDecide(packageId: string) {
  return useDirectMutation(packageId, (input: { decision: "awarded" | "failed"; reason: string }) => api.post(`${path(packageId)}/result`, DirectSchema, input));
}

const DirectResultSchema = z.object({
  packageId: z.string(),
  rupCode: z.string(),
  name: z.string(),
  category: z.string(),
  fiscalYear: z.number(),
  agencyName: z.string(),
  hps: z.string(),
  status: z.enum(["awarded", "failed"]),
  vendorName: z.nullable(z.string()),
  price: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  decidedAt: z.string(),
});
export type DirectResult = z.infer<typeof DirectResultSchema>;

const DirectResultsSchema = z.object({ total: z.number(), page: z.number(), perPage: z.number(), items: z.array(DirectResultSchema) });

/** The decided direct procurements, public; filtered by agency, one page at a time. */
export function useDirectResults(filter: { agencyId: string; page: number }) {
  const query = new URLSearchParams({ page: String(filter.page), ...(filter.agencyId !== "" && { agencyId: filter.agencyId }) });
  return useQuery({
    queryKey: ["public", "direct-results", filter],
    queryFn: () => api.get(`/api/v1/public/direct-results?${query.toString()}`, DirectResultsSchema),
  });
}
