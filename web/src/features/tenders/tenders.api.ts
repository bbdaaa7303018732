import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api, isApiError } from "../../lib/api";
import { TIME_ZONE_CODES } from "../../lib/format";
import { PackageFileSchema } from "../packages/packages.api";

const SummarySchema = z.object({
  tenderCode: z.string(),
  name: z.string(),
  agencyName: z.string(),
  workUnitName: z.string(),
  category: z.string(),
  method: z.string(),
  fiscalYear: z.number(),
  pagu: z.string(),
  hps: z.string(),
  publishedAt: z.string(),
  /** A stage key, "belum_dimulai" before the first stage or "selesai" after the last. */
  stage: z.string(),
  /** False between two windows (overnight, say): `stage` is the one that opens next. */
  stageOpen: z.boolean(),
});
export type TenderSummary = z.infer<typeof SummarySchema>;

const SearchResultSchema = z.object({
  items: z.array(SummarySchema),
  /** A lower bound when `totalExact` is false: the server stops counting 1,000 matches past the page. */
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  serverTime: z.string(),
});

const WindowSchema = z.object({ stage: z.string(), startsAt: z.string(), endsAt: z.string() });

const TenderSchema = z.extend(SummarySchema, {
  rupCode: z.string(),
  fundingSource: z.string(),
  evaluationMethod: z.string(),
  qualification: z.string(),
  contractType: z.string(),
  kbliCodes: z.array(z.string()),
  qualificationRequirements: z.string(),
  /** The bill of quantities bids are priced against (no HPS unit prices: only the total is public). */
  items: z.array(z.object({ id: z.string(), description: z.string(), unit: z.string(), quantity: z.string() })),
  schedule: z.array(WindowSchema),
  scheduleChanges: z.array(z.object({ changedAt: z.string(), reasonKind: z.string(), reasonText: z.string() })),
  /** Tender ulang: the failed tender this one repeats; the published tender that repeats this one. */
  retenderOf: z.nullable(z.string()),
  retenderedAs: z.nullable(z.string()),
  next: z.nullable(z.string()),
  stageOpensAt: z.nullable(z.string()),
  serverTime: z.string(),
  timeZone: z.enum(TIME_ZONE_CODES),
});
export type Tender = z.infer<typeof TenderSchema>;

const ParticipantsSchema = z.object({ items: z.array(z.object({ name: z.string(), joinedAt: z.string() })) });

const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  askedAt: z.string(),
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(z.string()),
  mine: z.boolean(),
});
export type Question = z.infer<typeof QuestionSchema>;

const DocumentSchema = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.enum(["dokumen_pemilihan", "adendum"]),
  title: z.string(),
  content: z.string(),
  publishedAt: z.string(),
});
export type TenderDocument = z.infer<typeof DocumentSchema>;

/** The search as the address bar holds it: every value a string, empty when unset. */
export interface SearchParams {
  q: string;
  agencyId: string;
  category: string;
  method: string;
  stage: string;
  fiscalYear: string;
  minHps: string;
  maxHps: string;
  page: number;
}

export const PAGE_SIZE = 10;

/**
 * Whether one of the stages is open at `nowMs` (the server's clock, ticking in the browser between
 * refetches): actions follow the windows, as the server's own stage checks do.
 */
export function isOpen(tender: Tender, stages: readonly string[], nowMs: number): boolean {
  return tender.schedule.some((w) => stages.includes(w.stage) && Date.parse(w.startsAt) <= nowMs && nowMs < Date.parse(w.endsAt));
}

/** "public" first: public data stays cached across logout (see auth.api.ts). */
const tenderKey = (code: string) => ["public", "tender", code] as const;
const tenderPath = (code: string) => `/api/v1/public/tenders/${encodeURIComponent(code)}`;
const actionPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

export function useTenderSearch(params: SearchParams) {
  return useQuery({
    queryKey: ["public", "tenders", params],
    queryFn: () => api.get("/api/v1/public/tenders", SearchResultSchema, { ...params, pageSize: PAGE_SIZE }),
    // The previous page stays on screen while the next one loads.
    placeholderData: (previous) => previous,
  });
}

/** The announcement; asked again every minute so the current stage follows the clock. */
export function useTender(code: string) {
  return useQuery({ queryKey: [...tenderKey(code), "announcement"], queryFn: () => api.get(tenderPath(code), TenderSchema), refetchInterval: 60_000 });
}

export function useParticipants(code: string) {
  return useQuery({ queryKey: [...tenderKey(code), "participants"], queryFn: async () => (await api.get(`${tenderPath(code)}/participants`, ParticipantsSchema)).items });
}

/** Questions depend on who asks (`mine`), so the user is part of the key. */
export function useQuestions(code: string, userId: string | null) {
  return useQuery({
    queryKey: [...tenderKey(code), "questions", userId ?? "anonymous"],
    queryFn: async () => (await api.get(`${tenderPath(code)}/questions`, z.object({ items: z.array(QuestionSchema) }))).items,
  });
}

/**
 * Document versions and addenda, for participants and the committee. A vendor who has not joined is
 * refused (403): that is an answer here, not an error, and says the vendor is no participant yet.
 */
export function useDocuments(code: string, userId: string | null) {
  return useQuery({
    queryKey: ["tenders", code, "documents", userId],
    queryFn: async (): Promise<{ allowed: true; items: TenderDocument[] } | { allowed: false }> => {
      try {
        return { allowed: true, items: (await api.get(`${actionPath(code)}/documents`, z.object({ items: z.array(DocumentSchema) }))).items };
      } catch (error) {
        if (isApiError(error) && error.status === 403) return { allowed: false };
        throw error;
      }
    },
    enabled: userId !== null,
  });
}

/** The caller's place in the tender: participant (a vendor who joined), committee member. */
export function useViewer(code: string, userId: string | null) {
  return useQuery({
    queryKey: ["tenders", code, "viewer", userId],
    queryFn: () => api.get(`${actionPath(code)}/viewer`, z.object({ participant: z.boolean(), committee: z.boolean(), escrowHolder: z.boolean() })),
    enabled: userId !== null,
  });
}

/** The package's files (KAK, draft contract, drawings) as participants and the committee download them. */
export function useTenderFiles(code: string) {
  return useQuery({
    queryKey: ["tenders", code, "files"],
    queryFn: async () => (await api.get(`${actionPath(code)}/files`, z.object({ items: z.array(PackageFileSchema) }))).items,
  });
}

/** Where a participant's browser downloads a tender file. */
export function tenderFileHref(code: string, fileId: string): string {
  return `${actionPath(code)}/files/${encodeURIComponent(fileId)}/content`;
}

export function useJoinTender(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${actionPath(code)}/participation`, z.object({ joined: z.boolean() })),
    // Documents, files and the caller's place in the tender change with joining.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["tenders", code] }), queryClient.invalidateQueries({ queryKey: [...tenderKey(code), "participants"] })]),
  });
}

export function useAskQuestion(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: string) => api.post(`${actionPath(code)}/questions`, z.object({ id: z.string() }), { question }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...tenderKey(code), "questions"] }),
  });
}

export function useAnswerQuestion(code: string, questionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => api.send("POST", `${actionPath(code)}/questions/${encodeURIComponent(questionId)}/answer`, { answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...tenderKey(code), "questions"] }),
  });
}

export function usePublishAddendum(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; content: string }) => api.post(`${actionPath(code)}/addenda`, z.object({ id: z.string(), version: z.number() }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tenders", code, "documents"] }),
  });
}
