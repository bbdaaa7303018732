import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api, isApiError, resetCsrfToken } from "../../lib/api";
import { ROLES } from "../../lib/roles";

export const MeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  agencyId: z.nullable(z.string()),
  agencyName: z.nullable(z.string()),
  vendorId: z.nullable(z.string()),
  permissions: z.object({
    manageAgencies: z.boolean(),
    manageUsers: z.boolean(),
    manageSettings: z.boolean(),
    viewEventLog: z.boolean(),
  }),
});
export type Me = z.infer<typeof MeSchema>;
export type Permission = keyof Me["permissions"];

const EnrollmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type Enrollment = z.infer<typeof EnrollmentSchema>;

const LoginResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), user: MeSchema }),
  z.object({ status: z.literal("totp_required") }),
  z.object({ status: z.literal("totp_enrollment_required"), enrollment: EnrollmentSchema }),
]);
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** After enrolment the server adds the recovery codes, shown once. */
const AuthOkSchema = z.object({ status: z.literal("ok"), user: MeSchema, recoveryCodes: z.optional(z.array(z.string())) });

export const meQueryKey = ["auth", "me"] as const;

/** The logged-in user, or null: a 401 here just means "not logged in" (or second factor still pending). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get("/api/v1/auth/me", MeSchema);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** After any change of session the CSRF token is fetched again and the user's data is replaced. */
function useSessionChanged() {
  const queryClient = useQueryClient();
  return (user: Me | null) => {
    resetCsrfToken();
    if (user) {
      queryClient.setQueryData(meQueryKey, user);
    } else {
      // Nothing of the previous user may stay in the cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "public" });
      queryClient.setQueryData(meQueryKey, null);
    }
  };
}

export function useLogin() {
  const sessionChanged = useSessionChanged();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post("/api/v1/auth/login", LoginResponseSchema, input),
    onSuccess: (result) => {
      // A pending (second-factor) session also replaces the cookie, so the token is refreshed either way.
      resetCsrfToken();
      if (result.status === "ok") sessionChanged(result.user);
    },
  });
}

export function useTotp(kind: "verify" | "enroll") {
  const sessionChanged = useSessionChanged();
  const path = kind === "verify" ? "/api/v1/auth/totp" : "/api/v1/auth/totp/enroll";
  return useMutation({
    mutationFn: (code: string) => api.post(path, AuthOkSchema, { code }),
    onSuccess: (result) => sessionChanged(result.user),
  });
}

export function useLogout() {
  const sessionChanged = useSessionChanged();
  return useMutation({
    mutationFn: () => api.send("POST", "/api/v1/auth/logout"),
    // Even if the server call failed the user asked to leave: forget the session locally.
    onSettled: () => sessionChanged(null),
  });
}
