import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import { ROLES, type Role } from "../../lib/roles";

const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  agencyId: z.nullable(z.string()),
  agencyName: z.nullable(z.string()),
  status: z.enum(["active", "disabled"]),
  totpEnrolled: z.boolean(),
  lockedUntil: z.nullable(z.string()),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export interface UserFilters {
  role: Role | "";
  agencyId: string;
}

export interface CreateUserInput {
  name: string;
  email: string;
  role: Role;
  agencyId?: string;
  password: string;
}

export type UserAction = "disable" | "enable" | "reset-second-factor" | "revoke-sessions";

const usersKey = ["users"] as const;

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, filters],
    queryFn: async () =>
      (await api.get("/api/v1/users", z.object({ items: z.array(UserSchema) }), { role: filters.role, agencyId: filters.agencyId })).items,
    // Keep the table on screen while a new filter loads.
    placeholderData: (previous) => previous,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post("/api/v1/users", UserSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: UserAction }) =>
      api.post(`/api/v1/users/${encodeURIComponent(userId)}/${action}`, UserSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
