import { z } from "zod";
import { MoneySchema } from "../packages/packages.schemas.js";
import { CalendarDateSchema } from "../settings/settings.schemas.js";
import { FAILURE_REASONS } from "./award-enums.js";

/** Requests and responses of the end of a tender: failure and re-tender, sanggah banding, contract. */
export const FailureInputSchema = z.strictObject({ reason: z.enum(FAILURE_REASONS), text: z.string().trim().min(20).max(10_000) });
export const FailureSchema = z
  .object({ tenderCode: z.string(), reason: z.enum(FAILURE_REASONS), reasonName: z.object({ id: z.string(), en: z.string() }), text: z.string(), declaredAt: z.string() })
  .meta({ id: "TenderFailure" });
export const RetenderSchema = z.object({ packageId: z.string(), retenderOf: z.string(), status: z.string() }).meta({ id: "Retender" });

export const AppealInputSchema = z
  .strictObject({
    text: z.string().trim().min(20).max(10_000),
    guarantee: z.strictObject({ number: z.string().trim().min(3).max(100), issuer: z.string().trim().min(3).max(200), amount: MoneySchema }),
  });
export const AppealListSchema = z
  .object({
    /** The last moment to file one (end of the sanggah answer period + `appealDays`); null without a Masa Sanggah. */
    fileBy: z.string().nullable(),
    /** The smallest guarantee: 1 % of the HPS, in Rupiah. */
    guaranteeMinimum: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        objectionId: z.string(),
        vendorName: z.string(),
        text: z.string(),
        guarantee: z.object({ number: z.string(), issuer: z.string(), amount: z.string() }),
        filedAt: z.string(),
        /** The PA/KPA answers by then (`appealAnswerDays` after filing). */
        answerDueAt: z.string(),
        answer: z.string().nullable(),
        answeredAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Appeals" });

export const ContractInputSchema = z
  .strictObject({ contractNumber: z.string().trim().min(3).max(100), value: MoneySchema, signedOn: CalendarDateSchema, startsOn: CalendarDateSchema, endsOn: CalendarDateSchema })
  ;
export const ContractSchema = z
  .object({ tenderCode: z.string(), contractNumber: z.string(), vendorName: z.string(), value: z.string(), signedOn: z.string(), startsOn: z.string(), endsOn: z.string() })
  .meta({ id: "Contract" });
