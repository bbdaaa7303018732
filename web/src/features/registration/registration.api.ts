import { useMutation } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";
import type { BusinessForm } from "../vendors/vendors.api";

export interface CompleteRegistrationInput {
  token: string;
  company: { name: string; businessForm: BusinessForm; npwp: string };
  user: { name: string; password: string };
}

/** Step 1: the server emails a link (202, the same answer for known and unknown addresses). */
export function useStartRegistration() {
  return useMutation({ mutationFn: (email: string) => api.post("/api/v1/vendor-registrations", z.object({ ok: z.literal(true) }), { email }) });
}

/** Step 2, from the emailed link: the company (as a draft vendor) and its first user. */
export function useCompleteRegistration() {
  return useMutation({
    mutationFn: (input: CompleteRegistrationInput) => api.post("/api/v1/vendor-registrations/complete", z.object({ vendorId: z.string(), email: z.string() }), input),
  });
}
