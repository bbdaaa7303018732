import { z } from "zod";

export const TenderParamsSchema = z.strictObject({ tenderCode: z.string().regex(/^\d{9,12}$/) });
export const QuestionParamsSchema = TenderParamsSchema.extend({ questionId: z.uuid() });

export const QuestionInputSchema = z.strictObject({ question: z.string().trim().min(10).max(4000) });
export const AnswerInputSchema = z.strictObject({ answer: z.string().trim().min(2).max(8000) });
export const AddendumInputSchema = z.strictObject({ title: z.string().trim().min(5).max(300), content: z.string().trim().min(10).max(50_000) });

export const ParticipantListSchema = z.object({ items: z.array(z.object({ name: z.string(), joinedAt: z.string() })) });

export const QuestionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      askedAt: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
      /** True for the vendor who asked; nobody else learns who asked. */
      mine: z.boolean(),
    }),
  ),
});

export const DocumentListSchema = z.object({
  items: z.array(z.object({ id: z.string(), version: z.number().int(), kind: z.enum(["dokumen_pemilihan", "adendum"]), title: z.string(), content: z.string(), publishedAt: z.string() })),
});
