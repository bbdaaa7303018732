import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { TIME_ZONE_CODES } from "../../lib/format";
import { type Ceremony, tenderKeyForPublication } from "../opening/opening.api";
import {
  CATEGORIES,
  CONTRACT_TYPES,
  EVALUATION_METHODS,
  FUNDING_SOURCES,
  METHODS,
  PACKAGE_DOCUMENT_KINDS,
  QUALIFICATIONS,
  SCORED_EVALUATION_METHODS,
  WEIGHTED_EVALUATION_METHODS,
} from "../../../../src/modules/packages/package-enums.js";

/** The package vocabularies, shared with the server (src/modules/packages/package-enums.ts). */
export { CATEGORIES, CONTRACT_TYPES, EVALUATION_METHODS, FUNDING_SOURCES, METHODS, PACKAGE_DOCUMENT_KINDS, QUALIFICATIONS, SCORED_EVALUATION_METHODS, WEIGHTED_EVALUATION_METHODS };
/** Who runs the selection (AssignmentInputSchema in src/modules/packages/packages.schemas.ts). */
export const COMMITTEE_KINDS = ["pokja", "pejabat_pengadaan"] as const;
/** Reasons the regulation accepts for a schedule change after publication (src/modules/tenders/tenders.schemas.ts). */
export const SCHEDULE_CHANGE_REASONS = ["force_majeure", "technical_failure", "document_change"] as const;

export type Category = (typeof CATEGORIES)[number];
export type Method = (typeof METHODS)[number];
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
export type Qualification = (typeof QUALIFICATIONS)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export type ScheduleChangeReason = (typeof SCHEDULE_CHANGE_REASONS)[number];
export type PackageDocumentKind = (typeof PACKAGE_DOCUMENT_KINDS)[number];

/**
 * Consultancy is selected by Seleksi and evaluated on quality; everything else by Tender on price
 * (src/modules/packages/packages.rules.ts). The form only uses this to preselect a fitting pair when the
 * category changes; the server remains the judge.
 */
export function fittingChoices(category: Category, method: Method, evaluationMethod: EvaluationMethod): { method: Method; evaluationMethod: EvaluationMethod } {
  const consultancy = category === "jasa_konsultansi";
  const consultancyEvaluation: readonly EvaluationMethod[] = ["kualitas_biaya", "kualitas", "pagu_anggaran", "biaya_terendah"];
  const methodFits = consultancy ? method !== "tender" && method !== "tender_cepat" : method !== "seleksi";
  const evaluationFits = consultancyEvaluation.includes(evaluationMethod) === consultancy;
  return {
    method: methodFits ? method : consultancy ? "seleksi" : "tender",
    evaluationMethod: evaluationFits ? evaluationMethod : consultancy ? "kualitas_biaya" : "gugur_harga_terendah",
  };
}

/** Sistem nilai and kualitas dan biaya weigh the technical score against price, by the package's weight. */
export function isWeighted(method: EvaluationMethod): boolean {
  return isOneOf(WEIGHTED_EVALUATION_METHODS, method);
}

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The committee a method needs: Pengadaan Langsung has a Pejabat Pengadaan, every other method a Pokja. */
export function committeeKindFor(method: Method): CommitteeKind {
  return method === "pengadaan_langsung" ? "pejabat_pengadaan" : "pokja";
}

const HpsItemSchema = z.object({
  position: z.number(),
  description: z.string(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  total: z.string(),
});
export type HpsItem = z.infer<typeof HpsItemSchema>;

const AssignmentSchema = z.object({
  kind: z.enum(COMMITTEE_KINDS),
  decreeNumber: z.string(),
  assignedAt: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

const PackageSummarySchema = z.object({
  id: z.string(),
  rupCode: z.string(),
  name: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  workUnitId: z.string(),
  workUnitName: z.string(),
  ppkId: z.string(),
  fiscalYear: z.number(),
  fundingSource: z.string(),
  pagu: z.string(),
  hps: z.string(),
  category: z.enum(CATEGORIES),
  method: z.enum(METHODS),
  evaluationMethod: z.enum(EVALUATION_METHODS),
  technicalWeight: z.nullable(z.number()),
  qualification: z.enum(QUALIFICATIONS),
  contractType: z.enum(CONTRACT_TYPES),
  kbliCodes: z.array(z.string()),
  status: z.enum(["draft", "published"]),
  tenderCode: z.nullable(z.string()),
  /** The failed tender this package re-tenders (tender ulang). */
  retenderOf: z.nullable(z.object({ packageId: z.string(), tenderCode: z.nullable(z.string()) })),
  publishedAt: z.nullable(z.string()),
  hpsSetAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

const PackageSchema = z.extend(PackageSummarySchema, {
  qualificationRequirements: z.string(),
  hpsItems: z.array(HpsItemSchema),
  assignment: z.nullable(AssignmentSchema),
});
export type Package = z.infer<typeof PackageSchema>;

export interface PackageInput {
  rupCode: string;
  name: string;
  workUnitId: string;
  fiscalYear: number;
  fundingSource: FundingSource;
  pagu: string;
  category: Category;
  method: Method;
  evaluationMethod: EvaluationMethod;
  /** Sistem nilai and kualitas dan biaya only. */
  technicalWeight?: number;
  qualification: Qualification;
  contractType: ContractType;
  kbliCodes: string[];
  qualificationRequirements: string;
  hpsItems: { description: string; unit: string; quantity: string; unitPrice: string }[];
}

const MemberSchema = z.object({ id: z.string(), name: z.string(), agencyName: z.nullable(z.string()) });
export type AssignableMember = z.infer<typeof MemberSchema>;

const StageWindowSchema = z.object({ stage: z.string(), startsAt: z.string(), endsAt: z.string() });
export type StageWindow = z.infer<typeof StageWindowSchema>;

const ScheduleChangeSchema = z.object({ changedAt: z.string(), reasonKind: z.string(), reasonText: z.string() });
export type ScheduleChange = z.infer<typeof ScheduleChangeSchema>;

const ScheduleSchema = z.object({
  stages: z.array(StageWindowSchema),
  current: z.object({ stage: z.string(), next: z.nullable(z.string()) }),
  serverTime: z.string(),
  timeZone: z.enum(TIME_ZONE_CODES),
  changes: z.array(ScheduleChangeSchema),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/** A file of the package (KAK, draft contract, drawings); the same shape on the tender's side. */
export const PackageFileSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type PackageFile = z.infer<typeof PackageFileSchema>;

export interface ScheduleInput {
  stages: StageWindow[];
  reason?: { kind: ScheduleChangeReason; text: string };
}

const packagesKey = ["packages"] as const;
const packageKey = (id: string) => ["packages", id] as const;
const path = (id: string) => `/api/v1/packages/${encodeURIComponent(id)}`;

/** The packages the caller may see: its agency's, its committee's, or all (LPSE administrator, auditor). */
export function usePackages(enabled = true) {
  return useQuery({
    queryKey: [...packagesKey, "list"],
    queryFn: async () => (await api.get("/api/v1/packages", z.object({ items: z.array(PackageSummarySchema) }))).items,
    enabled,
  });
}

export function usePackage(id: string) {
  return useQuery({ queryKey: [...packageKey(id), "detail"], queryFn: () => api.get(path(id), PackageSchema) });
}

/** Announcements show packages too: after a change the public pages are asked again. */
function useRefreshAfterSave() {
  const queryClient = useQueryClient();
  return async (saved: Package) => {
    queryClient.setQueryData([...packageKey(saved.id), "detail"], saved);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...packagesKey, "list"] }),
      queryClient.invalidateQueries({ queryKey: ["public", "tenders"] }),
      queryClient.invalidateQueries({ queryKey: ["public", "tender"] }),
    ]);
  };
}

export function useCreatePackage() {
  const refresh = useRefreshAfterSave();
  return useMutation({ mutationFn: (input: PackageInput) => api.post("/api/v1/packages", PackageSchema, input), onSuccess: refresh });
}

export function useUpdatePackage(id: string) {
  const refresh = useRefreshAfterSave();
  return useMutation({ mutationFn: (input: PackageInput) => api.put(path(id), PackageSchema, input), onSuccess: refresh });
}

export function useAssignableMembers(id: string, kind: CommitteeKind, enabled: boolean) {
  return useQuery({
    queryKey: [...packageKey(id), "assignable", kind],
    queryFn: async () => (await api.get(`${path(id)}/assignable-members`, z.object({ items: z.array(MemberSchema) }), { kind })).items,
    enabled,
  });
}

export function useAssignCommittee(id: string) {
  const refresh = useRefreshAfterSave();
  return useMutation({
    mutationFn: (input: { kind: CommitteeKind; memberIds: string[]; decreeNumber: string }) => api.put(`${path(id)}/assignment`, PackageSchema, input),
    onSuccess: refresh,
  });
}

export function useSchedule(id: string) {
  return useQuery({ queryKey: [...packageKey(id), "schedule"], queryFn: () => api.get(`${path(id)}/schedule`, ScheduleSchema) });
}

/** A valid schedule from a date (YYYY-MM-DD): fetched when asked for, so it is an action rather than a query. */
export function useScheduleProposal(id: string) {
  return useMutation({
    mutationFn: async (start: string) => (await api.get(`${path(id)}/schedule/proposal`, z.object({ stages: z.array(StageWindowSchema) }), { start })).stages,
  });
}

export function useSaveSchedule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => api.put(`${path(id)}/schedule`, ScheduleSchema, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...packageKey(id), "schedule"], saved);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["public", "tenders"] }), queryClient.invalidateQueries({ queryKey: ["public", "tender"] })]);
    },
  });
}

/** Methods whose bids are sealed to a tender key, made at publication (as the server's SEALED_BID_METHODS). */
export const SEALED_BID_METHODS: readonly string[] = ["tender", "tender_cepat", "seleksi"];

export function usePublishTender(id: string) {
  const refresh = useRefreshAfterSave();
  const queryClient = useQueryClient();
  return useMutation({
    /** With the holders the member saw for a sealed-bid tender, the key ceremony runs first, in this browser. */
    mutationFn: async (ceremony: Ceremony | null) => api.post(`${path(id)}/publish`, PackageSchema, ceremony ? { tenderKey: await tenderKeyForPublication(id, ceremony) } : {}),
    onSuccess: async (saved) => {
      await refresh(saved);
      await queryClient.invalidateQueries({ queryKey: [...packageKey(id), "schedule"] });
    },
  });
}

/** The package's files, for everyone who sees the package. */
export function usePackageDocuments(id: string) {
  return useQuery({
    queryKey: [...packageKey(id), "documents"],
    queryFn: async () => (await api.get(`${path(id)}/documents`, z.object({ items: z.array(PackageFileSchema) }))).items,
  });
}

/** Where the browser downloads a package file (the session cookie goes along; the server names the file). */
export function packageFileHref(packageId: string, fileId: string): string {
  return `${path(packageId)}/documents/${encodeURIComponent(fileId)}/content`;
}

/** The PPK uploads one file as the raw body; the server reads its type from the content. */
export function useUploadPackageDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: PackageDocumentKind; name: string; file: File }) =>
      api.upload(`${path(id)}/documents`, PackageFileSchema, input.file, { kind: input.kind, name: input.name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...packageKey(id), "documents"] }),
  });
}
