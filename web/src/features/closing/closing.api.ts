import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { FAILURE_REASONS, type FailureReason } from "../../../../src/modules/award/award-enums.js";
import { api } from "../../lib/api";
import type { Tender } from "../tenders/tenders.api";
import { orNull } from "../evaluation/evaluation.api";

/* The end of a tender: the failed tender and its re-tender, sanggah banding, the contract record. */

const FailureSchema = z.object({
  tenderCode: z.string(),
  reason: z.enum(FAILURE_REASONS),
  reasonName: z.object({ id: z.string(), en: z.string() }),
  text: z.string(),
  declaredAt: z.string(),
});
export type Failure = z.infer<typeof FailureSchema>;

const AppealSchema = z.object({
  id: z.string(),
  objectionId: z.string(),
  vendorName: z.string(),
  text: z.string(),
  guarantee: z.object({ number: z.string(), issuer: z.string(), amount: z.string() }),
  filedAt: z.string(),
  answerDueAt: z.string(),
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(z.string()),
});
export type Appeal = z.infer<typeof AppealSchema>;

const ContractSchema = z.object({
  tenderCode: z.string(),
  contractNumber: z.string(),
  vendorName: z.string(),
  value: z.string(),
  signedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type Contract = z.infer<typeof ContractSchema>;

export interface AppealInput {
  text: string;
  guarantee: { number: string; issuer: string; amount: string };
}

export interface ContractInput {
  contractNumber: string;
  value: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
}

const failureKey = (code: string) => ["public", "tender", code, "failure"] as const;
const appealsKey = (code: string) => ["public", "tender", code, "appeals"] as const;
const contractKey = (code: string) => ["public", "tender", code, "contract"] as const;
const publicPath = (code: string) => `/api/v1/public/tenders/${encodeURIComponent(code)}`;
const actionPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

/** When the bid opening starts (File I under prequalification): from then on a tender may be declared failed. */
export function openingStart(tender: Tender): string | null {
  return tender.schedule.find((w) => w.stage === "pembukaan" || w.stage === "pembukaan_file_1")?.startsAt ?? null;
}

/** The failure notice once declared, or null (404: the tender has not failed). */
export function useFailure(code: string, enabled: boolean) {
  return useQuery({ queryKey: failureKey(code), queryFn: () => orNull(() => api.get(`${publicPath(code)}/failure`, FailureSchema)), enabled });
}

/** The committee declares the tender failed; the announcement's stage and the rest follow from it. */
export function useDeclareFailure(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: FailureReason; text: string }) => api.post(`${actionPath(code)}/failure`, FailureSchema, input),
    onSuccess: (failure) => queryClient.setQueryData(failureKey(code), failure),
  });
}

/** The PPK starts the re-tender: a new draft package with the failed tender's lines. */
export function useRetender(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${actionPath(code)}/retender`, z.object({ packageId: z.string(), retenderOf: z.string(), status: z.string() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["packages"] }),
  });
}

const AppealListSchema = z.object({ fileBy: z.nullable(z.string()), guaranteeMinimum: z.string(), items: z.array(AppealSchema) });
export type AppealList = z.infer<typeof AppealListSchema>;

/** Every sanggah banding of the tender with its guarantee and answer, the filing deadline and the smallest guarantee (public). */
export function useAppeals(code: string, enabled: boolean) {
  return useQuery({ queryKey: appealsKey(code), queryFn: () => api.get(`${publicPath(code)}/appeals`, AppealListSchema), enabled });
}

export function useFileAppeal(code: string, objectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AppealInput) => api.post(`${actionPath(code)}/objections/${encodeURIComponent(objectionId)}/appeal`, z.object({ id: z.string() }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appealsKey(code) }),
  });
}

export function useAnswerAppeal(code: string, appealId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => api.send("POST", `${actionPath(code)}/appeals/${encodeURIComponent(appealId)}/answer`, { answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appealsKey(code) }),
  });
}

/** The contract once recorded, or null before. */
export function useContract(code: string, enabled: boolean) {
  return useQuery({ queryKey: contractKey(code), queryFn: () => orNull(() => api.get(`${publicPath(code)}/contract`, ContractSchema)), enabled });
}

export function useRecordContract(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContractInput) => api.post(`${actionPath(code)}/contract`, ContractSchema, input),
    onSuccess: (contract) => queryClient.setQueryData(contractKey(code), contract),
  });
}
