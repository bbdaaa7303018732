import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { COMPETENCES, MAX_LEVEL, MIN_LEVEL } from "../../../../src/modules/staff/staff-enums.js";
import { api } from "../../lib/api";
import { TIME_ZONE_CODES } from "../../lib/format";

export { COMPETENCES, MAX_LEVEL, MIN_LEVEL };
export type Competence = (typeof COMPETENCES)[number];

const base = "/api/v1/operations";

const Cell = z.object({ competence: z.enum(COMPETENCES), requiredLevel: z.number(), currentLevel: z.number(), gap: z.number() });
const StaffSchema = z.object({
  id: z.string(),
  name: z.string(),
  nip: z.nullable(z.string()),
  position: z.string(),
  serviceRole: z.string(),
  ndaSignedOn: z.nullable(z.string()),
  contractEndsOn: z.nullable(z.string()),
  contractEnded: z.boolean(),
  competences: z.array(Cell),
  trainingNeeds: z.array(Cell),
});
export type StaffMember = z.infer<typeof StaffSchema>;
export interface StaffInput {
  name: string;
  nip: string | null;
  position: string;
  serviceRole: string;
  ndaSignedOn: string | null;
  contractEndsOn: string | null;
}
const GapsSchema = z.object({
  items: z.array(
    z.object({
      competence: z.enum(COMPETENCES),
      staffAssessed: z.number(),
      staffWithGap: z.number(),
      totalGap: z.number(),
      people: z.array(z.object({ staffId: z.string(), name: z.string(), requiredLevel: z.number(), currentLevel: z.number(), gap: z.number() })),
    }),
  ),
});
const CertificateSchema = z.object({
  id: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  issuer: z.string(),
  number: z.string(),
  validUntil: z.nullable(z.string()),
  expiry: z.object({ state: z.enum(["none", "ok", "expiring", "expired"]), daysLeft: z.nullable(z.number()) }),
});
export type Certificate = z.infer<typeof CertificateSchema>;
const TrainingSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  competence: z.enum(COMPETENCES),
  levelAwarded: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  attendance: z.array(
    z.object({ id: z.string(), staff: z.object({ id: z.string(), name: z.string() }), passed: z.boolean(), result: z.string(), levelBefore: z.nullable(z.number()), levelAfter: z.nullable(z.number()), recordedAt: z.string() }),
  ),
});
export type Training = z.infer<typeof TrainingSchema>;

const person = z.object({ id: z.string(), name: z.string() });
const PermitSchema = z.object({
  id: z.string(),
  person: z.string(),
  organisation: z.string(),
  purpose: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  requestedBy: person,
  requestedAt: z.string(),
  approvedBy: z.nullable(person),
  approvedAt: z.nullable(z.string()),
  approvalNote: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  revokedReason: z.nullable(z.string()),
  status: z.enum(["pending", "scheduled", "active", "expired", "revoked"]),
});
export type Permit = z.infer<typeof PermitSchema>;
const Device = z.object({ id: z.string(), description: z.string(), serialNumber: z.string(), direction: z.enum(["in", "out"]), recordedAt: z.string() });
const VisitSchema = z.object({
  id: z.string(),
  permit: z.object({ id: z.string(), person: z.string(), organisation: z.string(), purpose: z.string() }),
  escort: z.string(),
  badgeNumber: z.string(),
  enteredAt: z.string(),
  exitedAt: z.nullable(z.string()),
  open: z.boolean(),
  devices: z.array(Device),
});
export type Visit = z.infer<typeof VisitSchema>;
export interface DeviceInput {
  description: string;
  serialNumber: string;
  direction: "in" | "out";
}

export function useStaff() {
  return useQuery({ queryKey: ["people", "staff"], queryFn: () => api.get(`${base}/staff`, z.object({ items: z.array(StaffSchema), today: z.string(), can: z.object({ manage: z.boolean() }) })) });
}
export function useGapReport() {
  return useQuery({ queryKey: ["people", "gaps"], queryFn: async () => (await api.get(`${base}/competences/gaps`, GapsSchema)).items });
}
export function useCertificates() {
  return useQuery({ queryKey: ["people", "certificates"], queryFn: () => api.get(`${base}/certificates`, z.object({ items: z.array(CertificateSchema), alertDays: z.number(), alerts: z.number() })) });
}
export function useTrainings() {
  return useQuery({ queryKey: ["people", "trainings"], queryFn: async () => (await api.get(`${base}/trainings`, z.object({ items: z.array(TrainingSchema) }))).items });
}
export function usePermits() {
  return useQuery({
    queryKey: ["people", "permits"],
    queryFn: () => api.get(`${base}/server-room/permits`, z.object({ items: z.array(PermitSchema), timeZone: z.enum(TIME_ZONE_CODES), can: z.object({ manage: z.boolean(), approve: z.boolean(), revoke: z.boolean() }) })),
  });
}
export function useVisits() {
  return useQuery({ queryKey: ["people", "visits"], queryFn: () => api.get(`${base}/server-room/visits`, z.object({ items: z.array(VisitSchema), open: z.number(), timeZone: z.enum(TIME_ZONE_CODES) })) });
}

function usePeopleMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["people"] }) });
}

export const useRecordStaff = () => usePeopleMutation((input: StaffInput) => api.post(`${base}/staff`, StaffSchema, input));
export const useSetCompetence = () =>
  usePeopleMutation(({ staffId, ...input }: { staffId: string; competence: Competence; requiredLevel: number; currentLevel: number }) => api.put(`${base}/staff/${staffId}/competences`, StaffSchema, input));
export const useRecordCertificate = () =>
  usePeopleMutation((input: { staffId: string; name: string; issuer: string; number: string; validUntil: string | null }) => api.post(`${base}/certificates`, CertificateSchema, input));
export const useRecordTraining = () =>
  usePeopleMutation((input: { title: string; provider: string; competence: Competence; levelAwarded: number; startsOn: string; endsOn: string; hours: number }) => api.post(`${base}/trainings`, TrainingSchema, input));
export const useRecordAttendance = () =>
  usePeopleMutation(({ trainingId, ...input }: { trainingId: string; staffId: string; passed: boolean; result: string }) => api.post(`${base}/trainings/${trainingId}/attendance`, TrainingSchema, input));
export const useRequestPermit = () =>
  usePeopleMutation((input: { person: string; organisation: string; purpose: string; validFrom: string; validUntil: string }) => api.post(`${base}/server-room/permits`, PermitSchema, input));
export const useApprovePermit = () => usePeopleMutation(({ id, note }: { id: string; note: string }) => api.post(`${base}/server-room/permits/${id}/approve`, PermitSchema, { note }));
export const useRevokePermit = () => usePeopleMutation(({ id, reason }: { id: string; reason: string }) => api.post(`${base}/server-room/permits/${id}/revoke`, PermitSchema, { reason }));
export const useRecordVisit = () =>
  usePeopleMutation((input: { permitId: string; escort: string; badgeNumber: string; enteredAt: string; devices: DeviceInput[] }) => api.post(`${base}/server-room/visits`, VisitSchema, input));
export const useRecordExit = () => usePeopleMutation(({ id, ...input }: { id: string; exitedAt: string; devices: DeviceInput[] }) => api.post(`${base}/server-room/visits/${id}/exit`, VisitSchema, input));
