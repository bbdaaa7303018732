import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api, resetCsrfToken } from "../../lib/api";
import { MeSchema, meQueryKey } from "./auth.api";

const AcceptedSchema = z.object({ ok: z.literal(true) });

/** Step 1 of a password reset: the server answers the same for every address (202). */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post("/api/v1/auth/password-reset", AcceptedSchema, { email }) });
}

/** Step 2, from the emailed link: the new password; every session of the account ends. */
export function useCompletePasswordReset() {
  return useMutation({ mutationFn: (input: { token: string; password: string }) => api.send("POST", "/api/v1/auth/password-reset/complete", input) });
}

/** The second step with a recovery code instead of the authenticator. */
export function useRecoveryLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post("/api/v1/auth/totp/recovery", z.object({ status: z.literal("ok"), user: MeSchema }), { code }),
    onSuccess: (result) => {
      resetCsrfToken();
      queryClient.setQueryData(meQueryKey, result.user);
    },
  });
}

const SessionSchema = z.object({
  ref: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  current: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

const sessionsKey = ["account", "sessions"] as const;
const recoveryKey = ["account", "recovery-codes"] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: async () => (await api.get("/api/v1/auth/sessions", z.object({ items: z.array(SessionSchema) }))).items });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) => api.send("DELETE", `/api/v1/auth/sessions/${ref}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/v1/auth/sessions/revoke-others", z.object({ revoked: z.number() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRecoveryCodeStatus() {
  return useQuery({ queryKey: recoveryKey, queryFn: () => api.get("/api/v1/auth/recovery-codes", z.object({ enrolled: z.boolean(), remaining: z.number() })) });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post("/api/v1/auth/recovery-codes", z.object({ codes: z.array(z.string()) }))).codes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recoveryKey }),
  });
}
