import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { orNull } from "./evaluation.api";

/* Sanggah (objections to the winner) with the committee's answers, and the SPPBJ (award letter). */

const ObjectionSchema = z.object({ id: z.string(), vendorName: z.string(), text: z.string(), filedAt: z.string(), answer: z.nullable(z.string()), answeredAt: z.nullable(z.string()), mine: z.boolean() });
export type Objection = z.infer<typeof ObjectionSchema>;

const AwardSchema = z.object({ tenderCode: z.string(), letterNumber: z.string(), vendorName: z.string(), value: z.string(), issuedAt: z.string() });
export type Award = z.infer<typeof AwardSchema>;

const objectionsKey = (code: string) => ["public", "tender", code, "objections"] as const;
const awardKey = (code: string) => ["public", "tender", code, "award"] as const;
const publicPath = (code: string) => `/api/v1/public/tenders/${encodeURIComponent(code)}`;
const actionPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

/** Every sanggah of the tender with its answer (public); `mine` depends on who asks, so the user is part of the key. */
export function useObjections(code: string, userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...objectionsKey(code), userId ?? "anonymous"],
    queryFn: async () => (await api.get(`${publicPath(code)}/objections`, z.object({ items: z.array(ObjectionSchema) }))).items,
    enabled,
  });
}

export function useFileObjection(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post(`${actionPath(code)}/objections`, z.object({ id: z.string() }), { text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: objectionsKey(code) }),
  });
}

export function useAnswerObjection(code: string, objectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) => api.send("POST", `${actionPath(code)}/objections/${encodeURIComponent(objectionId)}/answer`, { answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: objectionsKey(code) }),
  });
}

/** The SPPBJ once issued, or null before. */
export function useAward(code: string, enabled: boolean) {
  return useQuery({
    queryKey: awardKey(code),
    queryFn: () => orNull(() => api.get(`${publicPath(code)}/award`, AwardSchema)),
    enabled,
    refetchInterval: (query) => (query.state.data ? false : 60_000),
  });
}

/** The PPK issues the SPPBJ to the winner. */
export function useIssueAward(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (letterNumber: string) => api.post(`${actionPath(code)}/award`, AwardSchema, { letterNumber }),
    onSuccess: (award) => queryClient.setQueryData(awardKey(code), award),
  });
}
