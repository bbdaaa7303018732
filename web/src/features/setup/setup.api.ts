import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import type { TimeZoneCode } from "../../lib/format";
import { publicLpseQueryKey } from "../public/public.api";

export interface SetupInput {
  lpseName: string;
  region: string;
  timeZone: TimeZoneCode;
  admin: { name: string; email: string; password: string };
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post("/api/v1/setup", z.object({ ok: z.literal(true) }), input),
    // The name and "setup needed" shown everywhere come from the public LPSE info.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicLpseQueryKey }),
  });
}
