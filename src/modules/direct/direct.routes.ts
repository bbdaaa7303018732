import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { bilingual } from "../../server/validation.js";
import { requireActor } from "../auth/session.hook.js";
import { MoneySchema, PackageParamsSchema } from "../packages/packages.schemas.js";
import { publicationContext } from "../tenders/publication-context.js";
import { decide, directView, invite, listInvitations, negotiate, publicDirectResults, quote } from "./direct.service.js";

const DirectSchema = z
  .object({
    packageName: z.string(),
    hps: z.string(),
    vendorId: z.string(),
    vendorName: z.string(),
    status: z.enum(["invited", "quoted", "negotiated", "awarded", "failed"]),
    invitedAt: z.string(),
    quotationDue: z.string(),
    quotation: z.string().nullable(),
    quotedAt: z.string().nullable(),
    negotiated: z.string().nullable(),
    negotiationNotes: z.string().nullable(),
    negotiatedAt: z.string().nullable(),
    resultReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    items: z.array(z.object({ id: z.string(), position: z.number().int(), description: z.string(), unit: z.string(), quantity: z.string(), quotedUnitPrice: z.string().nullable() })),
  })
  .meta({ id: "DirectProcurement" });

const InvitationSchema = z
  .object({ packageId: z.string(), packageName: z.string(), status: DirectSchema.shape.status, quotationDue: z.string(), invitedAt: z.string() })
  .meta({ id: "DirectInvitation" });

const DirectResultSchema = z
  .object({
    packageId: z.string(),
    rupCode: z.string(),
    name: z.string(),
    category: z.string(),
    fiscalYear: z.number().int(),
    agencyName: z.string(),
    hps: MoneySchema,
    status: z.enum(["awarded", "failed"]),
    /** The vendor and the agreed price, when awarded. */
    vendorName: z.string().nullable(),
    price: MoneySchema.nullable(),
    /** Why it failed, when it did. */
    reason: z.string().nullable(),
    decidedAt: z.string(),
  })
  .meta({ id: "DirectResult" });

const DirectResultQuerySchema = z.strictObject({
  agencyId: z.uuid().optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const RESULTS_PER_PAGE = 20;

const instant = z.iso.datetime({ offset: true, message: bilingual("waktu ISO 8601 dengan zona", "an ISO 8601 time with its zone") });

/** Pengadaan Langsung: invitation, quotation, clarification and negotiation, result. */
export function directRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const path = "/api/v1/packages/:packageId/direct";

  app.get(
    "/api/v1/direct/invitations",
    { schema: { tags: ["direct"], summary: "The vendor's invitations to direct procurements", response: { 200: z.object({ items: z.array(InvitationSchema) }) } } },
    async (request) => ({ items: await listInvitations(db, requireActor(request)) }),
  );

  app.get(
    "/api/v1/public/direct-results",
    {
      schema: {
        tags: ["public"],
        summary: "Decided direct procurements (Pengadaan Langsung): package, agency, HPS, the vendor and agreed price or the reason it failed; newest first",
        querystring: DirectResultQuerySchema,
        response: { 200: z.object({ total: z.number().int(), page: z.number().int(), perPage: z.number().int(), items: z.array(DirectResultSchema) }) },
      },
    },
    async (request) => {
      const { page, ...filter } = request.query;
      const result = await publicDirectResults(db, { ...filter, limit: RESULTS_PER_PAGE, offset: (page - 1) * RESULTS_PER_PAGE });
      return { ...result, page, perPage: RESULTS_PER_PAGE };
    },
  );

  app.get(path, { schema: { tags: ["direct"], summary: "The direct procurement of a package (its Pejabat Pengadaan, or the invited vendor)", params: PackageParamsSchema, response: { 200: DirectSchema } } }, async (request) =>
    directView(db, requireActor(request), request.params.packageId),
  );

  app.post(
    `${path}/invitation`,
    {
      schema: {
        tags: ["direct"],
        summary: "Invite one verified vendor to quote by a due time (the package's Pejabat Pengadaan)",
        params: PackageParamsSchema,
        body: z.strictObject({ vendorId: z.uuid(), quotationDue: instant }),
        response: { 201: DirectSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await invite(db, requireActor(request), request.params.packageId, request.body, deps.clock.now(), publicationContext(deps.config))),
  );

  app.put(
    `${path}/quotation`,
    {
      schema: {
        tags: ["direct"],
        summary: "The invited vendor's quotation: a unit price per line of the bill of quantities, before the due time",
        params: PackageParamsSchema,
        body: z.strictObject({ items: z.array(z.strictObject({ hpsItemId: z.uuid(), unitPrice: MoneySchema })).min(1).max(500) }),
        response: { 200: DirectSchema },
      },
    },
    async (request) => quote(db, requireActor(request), request.params.packageId, request.body.items, deps.clock.now()),
  );

  app.post(
    `${path}/negotiation`,
    {
      schema: {
        tags: ["direct"],
        summary: "Record the clarification and negotiation: the agreed price (at most the quotation and the HPS) and the minutes",
        params: PackageParamsSchema,
        body: z.strictObject({ price: MoneySchema, notes: z.string().trim().min(20).max(10_000) }),
        response: { 200: DirectSchema },
      },
    },
    async (request) => negotiate(db, requireActor(request), request.params.packageId, request.body, deps.clock.now()),
  );

  app.post(
    `${path}/result`,
    {
      schema: {
        tags: ["direct"],
        summary: "Decide: awarded at the negotiated price, or failed with the reason",
        params: PackageParamsSchema,
        body: z.strictObject({ decision: z.enum(["awarded", "failed"]), reason: z.string().trim().min(10).max(5_000) }),
        response: { 200: DirectSchema },
      },
    },
    async (request) => decide(db, requireActor(request), request.params.packageId, request.body, deps.clock.now()),
  );
}
