import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { api } from "../../lib/api";

/** The server's BUSINESS_FORMS (src/modules/vendors/vendors.schemas.ts), in its order. */
export const BUSINESS_FORMS = ["PT", "CV", "Firma", "Koperasi", "Perorangan", "Persekutuan Perdata", "Yayasan", "BUMN", "BUMD", "Lainnya"] as const;
export type BusinessForm = (typeof BUSINESS_FORMS)[number];
export const LICENCE_KINDS = ["NIB", "SIUP", "IUJK", "SBU", "SIUJK", "Lainnya"] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];
export const VENDOR_STATUSES = ["draft", "submitted", "verified", "rejected"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export function isBusinessForm(value: string): value is BusinessForm {
  return (BUSINESS_FORMS as readonly string[]).includes(value);
}
export function isLicenceKind(value: string): value is LicenceKind {
  return (LICENCE_KINDS as readonly string[]).includes(value);
}

const LicenceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  number: z.string(),
  issuer: z.string(),
  kbliCodes: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.nullable(z.string()),
  expired: z.boolean(),
});
export type Licence = z.infer<typeof LicenceSchema>;

export const VendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  businessForm: z.string(),
  npwp: z.string(),
  npwpFormatted: z.string(),
  nib: z.nullable(z.string()),
  pkp: z.nullable(z.boolean()),
  address: z.nullable(z.object({ street: z.string(), city: z.string(), province: z.string(), postalCode: z.string() })),
  phone: z.nullable(z.string()),
  contactEmail: z.nullable(z.string()),
  website: z.nullable(z.string()),
  status: z.enum(VENDOR_STATUSES),
  submittedAt: z.nullable(z.string()),
  verifiedAt: z.nullable(z.string()),
  rejectionReason: z.nullable(z.string()),
  licences: z.array(LicenceSchema),
});
export type Vendor = z.infer<typeof VendorSchema>;

const VerificationRecordSchema = z.object({
  id: z.string(),
  decision: z.enum(["approved", "rejected"]),
  mode: z.enum(["in_person", "video_call"]),
  reason: z.string(),
  verifierName: z.string(),
  createdAt: z.string(),
});
export type VerificationRecord = z.infer<typeof VerificationRecordSchema>;

/** One of the vendor's user accounts (one company, several colleagues). */
const VendorUserSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), status: z.string() });
export type VendorUser = z.infer<typeof VendorUserSchema>;

export interface ProfileInput {
  name: string;
  businessForm: BusinessForm;
  npwp: string;
  nib: string | null;
  pkp: boolean;
  address: { street: string; city: string; province: string; postalCode: string };
  phone: string;
  contactEmail: string;
  website: string | null;
}

export interface LicenceInput {
  kind: LicenceKind;
  number: string;
  issuer: string;
  kbliCodes: string[];
  validFrom: string;
  validUntil: string | null;
}

/** Everything about one vendor lives under this key: profile, history, changes. */
export const vendorKey = (vendorId: string) => ["vendors", vendorId] as const;
const path = (vendorId: string) => `/api/v1/vendors/${encodeURIComponent(vendorId)}`;

export function useVendor(vendorId: string) {
  return useQuery({ queryKey: [...vendorKey(vendorId), "profile"], queryFn: () => api.get(path(vendorId), VendorSchema) });
}

export function useVerificationHistory(vendorId: string) {
  return useQuery({
    queryKey: [...vendorKey(vendorId), "verifications"],
    queryFn: async () => (await api.get(`${path(vendorId)}/verifications`, z.object({ items: z.array(VerificationRecordSchema) }))).items,
  });
}

export function useSaveProfile(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.put(`${path(vendorId)}/profile`, VendorSchema, input),
    onSuccess: (saved) => {
      queryClient.setQueryData([...vendorKey(vendorId), "profile"], saved);
      return queryClient.invalidateQueries({ queryKey: [...vendorKey(vendorId), "changes"] });
    },
  });
}

export function useAddLicence(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LicenceInput) => api.post(`${path(vendorId)}/licences`, LicenceSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorKey(vendorId) }),
  });
}

export function useRemoveLicence(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (licenceId: string) => api.send("DELETE", `${path(vendorId)}/licences/${encodeURIComponent(licenceId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorKey(vendorId) }),
  });
}

/** The company's user accounts. */
export function useVendorUsers(vendorId: string) {
  return useQuery({
    queryKey: [...vendorKey(vendorId), "users"],
    queryFn: async () => (await api.get(`${path(vendorId)}/users`, z.object({ items: z.array(VendorUserSchema) }))).items,
  });
}

/** Adds a colleague's account to the company. */
export function useAddVendorUser(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; email: string; password: string }) => api.post(`${path(vendorId)}/users`, VendorUserSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...vendorKey(vendorId), "users"] }),
  });
}

export function useSubmitVendor(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${path(vendorId)}/submit`, VendorSchema),
    onSuccess: (saved) => queryClient.setQueryData([...vendorKey(vendorId), "profile"], saved),
  });
}
