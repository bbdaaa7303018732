import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { settingsRateLimit } from "../../server/rate-limits.js";
import { requireActor } from "../auth/session.hook.js";
import { completeRegistration, startRegistration } from "./registration.service.js";
import { loadEditableVendor, loadVisibleVendor } from "./vendor-access.js";
import { formatNpwp } from "./identifiers.js";
import { canListVerifiedVendors, canVerifyVendors } from "./vendors.policy.js";
import { presentLicence, presentVendor } from "./vendors.presenter.js";
import { listLicences, listVerifiedVendors } from "./vendors.repository.js";
import {
  CompleteRegistrationSchema,
  LicenceInputSchema,
  LicenceSchema,
  QueueItemSchema,
  QueueQuerySchema,
  StartRegistrationSchema,
  VendorChangeSchema,
  VendorParamsSchema,
  VendorProfileInputSchema,
  VendorSchema,
  VerificationDecisionSchema,
  VerificationRecordSchema,
  VerifiedVendorSchema,
} from "./vendors.schemas.js";
import * as service from "./vendors.service.js";
import { decideVerification, vendorChanges, verificationHistory, verificationQueue } from "./verification.service.js";

/** Enough for a picker; a longer list is narrowed by typing part of the name. */
const VERIFIED_LIST_LIMIT = 100;

export function vendorRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  // Sign-ups per client address (a setting): each one sends an email.
  const registrationLimit = settingsRateLimit(deps, "registration");
  const today = () => deps.clock.now().toISOString().slice(0, 10);
  const present = async (row: Awaited<ReturnType<typeof service.getVendorRow>>) => presentVendor(row, await listLicences(db, row.id), today());

  const visibleVendor = (actor: ReturnType<typeof requireActor>, vendorId: string) => loadVisibleVendor(db, actor, vendorId);

  app.post(
    "/api/v1/vendor-registrations",
    { config: { rateLimit: registrationLimit }, schema: { tags: ["vendors"], summary: "Start a vendor registration: a confirmation link is emailed", body: StartRegistrationSchema, response: { 202: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      await startRegistration(deps, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    "/api/v1/vendor-registrations/complete",
    { config: { rateLimit: registrationLimit }, schema: { tags: ["vendors"], summary: "Finish registration from the emailed link: company and first user", body: CompleteRegistrationSchema, response: { 201: z.object({ vendorId: z.string(), email: z.string() }) } } },
    async (request, reply) => reply.status(201).send(await completeRegistration(deps, request.body)),
  );

  app.get("/api/v1/vendors/:vendorId", { schema: { tags: ["vendors"], summary: "A vendor's profile and licences", params: VendorParamsSchema, response: { 200: VendorSchema } } }, async (request) => {
    return present(await visibleVendor(requireActor(request), request.params.vendorId));
  });

  app.put(
    "/api/v1/vendors/:vendorId/profile",
    { schema: { tags: ["vendors"], summary: "Save the company profile (changes are tracked)", params: VendorParamsSchema, body: VendorProfileInputSchema, response: { 200: VendorSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await loadEditableVendor(db, actor, request.params.vendorId);
      return present(await service.updateProfile(db, actor, request.params.vendorId, request.body, deps.clock.now()));
    },
  );

  app.post(
    "/api/v1/vendors/:vendorId/licences",
    { schema: { tags: ["vendors"], summary: "Add a business licence with its KBLI codes", params: VendorParamsSchema, body: LicenceInputSchema, response: { 201: LicenceSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await loadEditableVendor(db, actor, request.params.vendorId);
      const row = await service.addLicence(db, actor, request.params.vendorId, request.body, deps.clock.now());
      return reply.status(201).send(presentLicence(row, today()));
    },
  );

  app.delete(
    "/api/v1/vendors/:vendorId/licences/:licenceId",
    { schema: { tags: ["vendors"], summary: "Remove a business licence", params: VendorParamsSchema.extend({ licenceId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await loadEditableVendor(db, actor, request.params.vendorId);
      await service.removeLicence(db, actor, request.params.vendorId, request.params.licenceId, deps.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/v1/vendors/:vendorId/submit",
    { schema: { tags: ["vendors"], summary: "Send the profile to the Verifikator", params: VendorParamsSchema, response: { 200: VendorSchema } } },
    async (request) => {
      const actor = requireActor(request);
      await loadEditableVendor(db, actor, request.params.vendorId);
      return present(await service.submitForVerification(db, actor, request.params.vendorId, deps.clock.now()));
    },
  );

  app.get(
    "/api/v1/vendors/verified",
    {
      schema: {
        tags: ["vendors"],
        summary: "Verified vendors by name, for the committees (e.g. the Pejabat Pengadaan's invitation)",
        querystring: z.strictObject({ q: z.string().max(100).default("") }),
        response: { 200: z.object({ items: z.array(VerifiedVendorSchema) }) },
      },
    },
    async (request) => {
      authorize(canListVerifiedVendors(requireActor(request)));
      const rows = await listVerifiedVendors(db, request.query.q, VERIFIED_LIST_LIMIT);
      return { items: rows.map((v) => ({ id: v.id, name: v.name, npwpFormatted: formatNpwp(v.npwp) })) };
    },
  );

  app.get(
    "/api/v1/verification/queue",
    { schema: { tags: ["verification"], summary: "The Verifikator's queue", querystring: QueueQuerySchema, response: { 200: z.object({ items: z.array(QueueItemSchema) }) } } },
    async (request) => {
      authorize(canVerifyVendors(requireActor(request)));
      return { items: await verificationQueue(deps, request.query.status) };
    },
  );

  app.post(
    "/api/v1/vendors/:vendorId/verification",
    { schema: { tags: ["verification"], summary: "Approve or reject a submitted vendor", params: VendorParamsSchema, body: VerificationDecisionSchema, response: { 200: VendorSchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canVerifyVendors(actor));
      return present(await decideVerification(deps, actor, request.params.vendorId, request.body));
    },
  );

  app.get(
    "/api/v1/vendors/:vendorId/verifications",
    { schema: { tags: ["verification"], summary: "Verification history of a vendor", params: VendorParamsSchema, response: { 200: z.object({ items: z.array(VerificationRecordSchema) }) } } },
    async (request) => {
      await visibleVendor(requireActor(request), request.params.vendorId);
      return { items: await verificationHistory(deps, request.params.vendorId) };
    },
  );

  app.get(
    "/api/v1/vendors/:vendorId/changes",
    { schema: { tags: ["verification"], summary: "Changes to the vendor's data since its last verification", params: VendorParamsSchema, response: { 200: z.object({ items: z.array(VendorChangeSchema) }) } } },
    async (request) => {
      await visibleVendor(requireActor(request), request.params.vendorId);
      return { items: await vendorChanges(deps, request.params.vendorId) };
    },
  );
}
