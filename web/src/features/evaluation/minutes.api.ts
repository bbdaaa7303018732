import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

/*
 * The committee's minutes (Berita Acara Evaluasi Penawaran, Berita Acara Hasil Pemilihan), printed from the
 * HTML the server makes, and the proposal of the winner that the PA/KPA decides above the ceilings.
 */

export const MINUTES_KINDS = ["evaluasi", "hasil_pemilihan"] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

const tenderPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

/** The print-ready document, opened in a new tab (the session cookie goes with it). */
export const minutesUrl = (code: string, kind: MinutesKind) => `${tenderPath(code)}/minutes/${kind}`;

const MinutesStatusSchema = z.object({ items: z.array(z.object({ kind: z.enum(MINUTES_KINDS), sha256: z.string(), issuedAt: z.string() })) });
export type MinutesStatus = z.infer<typeof MinutesStatusSchema>["items"][number];

const minutesKey = (code: string) => ["tenders", code, "minutes"] as const;
export const proposalsKey = (code: string) => ["tenders", code, "winner", "proposals"] as const;

/** Which minutes are issued, with their SHA-256. */
export function useMinutesStatus(code: string, enabled: boolean) {
  return useQuery({ queryKey: minutesKey(code), queryFn: async () => (await api.get(`${tenderPath(code)}/minutes`, MinutesStatusSchema)).items, enabled });
}

/** The committee issues the final minutes; the server logs their SHA-256. */
export function useIssueMinutes(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: MinutesKind) => api.post(minutesUrl(code, kind), z.object({ kind: z.enum(MINUTES_KINDS), sha256: z.string(), issuedAt: z.string() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: minutesKey(code) }),
  });
}

const ProposalsSchema = z.object({
  tenderCode: z.string(),
  authority: z.enum(["pokja", "pa_kpa"]),
  pagu: z.string(),
  canDecide: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      vendorId: z.string(),
      vendorName: z.string(),
      corrected: z.string(),
      proposedAt: z.string(),
      decision: z.nullable(z.enum(["named", "returned"])),
      reason: z.nullable(z.string()),
      decidedAt: z.nullable(z.string()),
    }),
  ),
});
export type WinnerProposals = z.infer<typeof ProposalsSchema>;

/** Who names the winner, and the committee's proposals with the PA/KPA's decisions. */
export function useWinnerProposals(code: string, enabled: boolean) {
  return useQuery({ queryKey: proposalsKey(code), queryFn: () => api.get(`${tenderPath(code)}/winner/proposals`, ProposalsSchema), enabled });
}

/** The PA/KPA names the proposed winner or returns the proposal with a reason. */
export function useDecideWinner(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: "named" | "returned"; reason: string }) => api.post(`${tenderPath(code)}/winner/decision`, ProposalsSchema, input),
    onSuccess: (proposals) => {
      queryClient.setQueryData(proposalsKey(code), proposals);
      return queryClient.invalidateQueries({ queryKey: ["public", "tender", code] });
    },
  });
}
