import { z } from "zod";
import { bilingual } from "../../server/validation.js";

/** Kinds of regional government units (perangkat daerah) an LPSE serves. */
export const AGENCY_KINDS = ["dinas", "badan", "kantor", "sekretariat", "kecamatan", "rsud", "lainnya"] as const;

const code = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, bilingual("hanya huruf, angka, titik, garis bawah dan tanda hubung", "letters, digits, dots, underscores and hyphens only"));

export const AgencySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(AGENCY_KINDS),
    active: z.boolean(),
    workUnitCount: z.number().int(),
  })
  .meta({ id: "Agency" });
export type AgencyView = z.infer<typeof AgencySchema>;

export const CreateAgencySchema = z.strictObject({
  code,
  name: z.string().trim().min(3).max(200),
  kind: z.enum(AGENCY_KINDS),
});

export const UpdateAgencySchema = z
  .strictObject({
    name: z.string().trim().min(3).max(200).optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: bilingual("tidak ada yang diubah", "nothing to change") });

export const AgencyParamsSchema = z.strictObject({ agencyId: z.uuid() });

export const WorkUnitSchema = z
  .object({ id: z.string(), agencyId: z.string(), code: z.string(), name: z.string() })
  .meta({ id: "WorkUnit" });

export const CreateWorkUnitSchema = z.strictObject({ code, name: z.string().trim().min(3).max(200) });

export const AgencyListSchema = z.object({ items: z.array(AgencySchema) });
export const WorkUnitListSchema = z.object({ items: z.array(WorkUnitSchema) });
