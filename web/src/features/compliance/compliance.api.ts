import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { EXPIRY_STATES, LICENCE_TYPES, REGULATION_KINDS, REGULATION_STATUSES } from "../../../../src/modules/compliance/compliance-enums.js";
import { api } from "../../lib/api";

export { LICENCE_TYPES, REGULATION_KINDS, REGULATION_STATUSES };

const base = "/api/v1/compliance";
const Expiry = z.object({ state: z.enum(EXPIRY_STATES), daysLeft: z.nullable(z.number()) });

const RegulationSchema = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string(),
  kind: z.enum(REGULATION_KINDS),
  issuedOn: z.string(),
  validUntil: z.nullable(z.string()),
  reviewOn: z.nullable(z.string()),
  status: z.enum(REGULATION_STATUSES),
  replacedBy: z.nullable(z.string()),
  link: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  expiry: Expiry,
  reviewDue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Regulation = z.infer<typeof RegulationSchema>;
const RegulationListSchema = z.object({ items: z.array(RegulationSchema), alertDays: z.number(), alerts: z.number(), today: z.string(), can: z.object({ manage: z.boolean() }) });

/** The body of POST/PUT /compliance/regulations (RegulationInputSchema on the server). */
export interface RegulationInput {
  title: string;
  number: string;
  kind: (typeof REGULATION_KINDS)[number];
  issuedOn: string;
  validUntil: string | null;
  reviewOn: string | null;
  status: (typeof REGULATION_STATUSES)[number];
  replacedBy: string | null;
  link: string | null;
  notes: string | null;
}

const LicenceSchema = z.object({
  id: z.string(),
  product: z.string(),
  vendor: z.string(),
  licenceType: z.enum(LICENCE_TYPES),
  seats: z.nullable(z.number()),
  seatsUsed: z.number(),
  overUse: z.boolean(),
  validUntil: z.nullable(z.string()),
  expiry: Expiry,
  cost: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  installations: z.array(z.object({ id: z.string(), asset: z.object({ id: z.string(), code: z.string(), name: z.string() }), installedOn: z.nullable(z.string()), notes: z.nullable(z.string()) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Licence = z.infer<typeof LicenceSchema>;
const LicenceListSchema = z.object({
  items: z.array(LicenceSchema),
  alertDays: z.number(),
  expiryAlerts: z.number(),
  overUsed: z.number(),
  today: z.string(),
  can: z.object({ manage: z.boolean() }),
});

/** The body of POST/PUT /compliance/licences (LicenceInputSchema on the server). */
export interface LicenceInput {
  product: string;
  vendor: string;
  licenceType: (typeof LICENCE_TYPES)[number];
  /** null: unlimited; text that is not a whole number is sent as typed for the server to refuse. */
  seats: number | string | null;
  validUntil: string | null;
  cost: string | null;
  notes: string | null;
}

/** The body of POST /compliance/licences/{id}/installations. */
export interface InstallationInput {
  assetId: string;
  installedOn: string | null;
  notes: string | null;
}

export function useRegulations() {
  return useQuery({ queryKey: ["compliance", "regulations"], queryFn: () => api.get(`${base}/regulations`, RegulationListSchema) });
}

export function useSaveRegulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RegulationInput }) =>
      id ? api.put(`${base}/regulations/${id}`, RegulationSchema, input) : api.post(`${base}/regulations`, RegulationSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["compliance", "regulations"] }),
  });
}

export function useLicences() {
  return useQuery({ queryKey: ["compliance", "licences"], queryFn: () => api.get(`${base}/licences`, LicenceListSchema) });
}

export function useSaveLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: LicenceInput }) => (id ? api.put(`${base}/licences/${id}`, LicenceSchema, input) : api.post(`${base}/licences`, LicenceSchema, input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["compliance", "licences"] }),
  });
}

export function useInstallLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ licenceId, input }: { licenceId: string; input: InstallationInput }) => api.post(`${base}/licences/${licenceId}/installations`, LicenceSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["compliance", "licences"] }),
  });
}

export function useUninstallLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ licenceId, installationId }: { licenceId: string; installationId: string }) => api.delete(`${base}/licences/${licenceId}/installations/${installationId}`, LicenceSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["compliance", "licences"] }),
  });
}
