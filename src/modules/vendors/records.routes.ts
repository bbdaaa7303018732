import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import type { Actor } from "../../server/actor.js";
import { requireActor } from "../auth/session.hook.js";
import { listUsers } from "../users/users.repository.js";
import { createUser } from "../users/users.service.js";
import { listRecords } from "./records.repository.js";
import { RECORD_KIND_NAMES, RECORD_KINDS, RecordMetaSchema } from "./records.schemas.js";
import { addRecord, presentRecord, removeRecord, replaceRecord } from "./records.service.js";
import { loadEditableVendor, loadVisibleVendor } from "./vendor-access.js";
import { VendorParamsSchema } from "./vendors.schemas.js";

const VendorUserInputSchema = z.strictObject({ name: z.string().trim().min(3).max(200), email: z.email().max(254), password: z.string().max(256) });
const VendorUserSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), status: z.string() });

/** Deeds, owners, managers, experts, equipment, experience and tax reports; and the vendor's own users. */
export function vendorRecordRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  const visibleVendor = (actor: Actor, vendorId: string) => loadVisibleVendor(db, actor, vendorId);
  const editor = (actor: Actor, vendorId: string) => loadEditableVendor(db, actor, vendorId);

  for (const kind of RECORD_KIND_NAMES) {
    const { schema, title } = RECORD_KINDS[kind];
    const item = RecordMetaSchema.extend(schema.shape);
    const recordParams = VendorParamsSchema.extend({ recordId: z.uuid() });

    app.get(
      `/api/v1/vendors/:vendorId/${kind}`,
      { schema: { tags: ["vendors"], summary: `${title.en} (${title.id}) of a vendor`, params: VendorParamsSchema, response: { 200: z.object({ items: z.array(item) }) } } },
      async (request) => {
        await visibleVendor(requireActor(request), request.params.vendorId);
        return { items: (await listRecords(db, request.params.vendorId, kind)).map(presentRecord) as z.infer<typeof item>[] };
      },
    );

    app.post(
      `/api/v1/vendors/:vendorId/${kind}`,
      { schema: { tags: ["vendors"], summary: `Add to ${title.en.toLowerCase()} (${title.id})`, params: VendorParamsSchema, body: schema, response: { 201: item } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await editor(actor, request.params.vendorId);
        const row = await addRecord(db, actor, request.params.vendorId, kind, request.body, deps.clock.now());
        return reply.status(201).send(presentRecord(row) as z.infer<typeof item>);
      },
    );

    app.put(
      `/api/v1/vendors/:vendorId/${kind}/:recordId`,
      { schema: { tags: ["vendors"], summary: `Replace one of the ${title.en.toLowerCase()}`, params: recordParams, body: schema, response: { 200: item } } },
      async (request) => {
        const actor = requireActor(request);
        await editor(actor, request.params.vendorId);
        const row = await replaceRecord(db, actor, request.params.vendorId, kind, request.params.recordId, request.body, deps.clock.now());
        return presentRecord(row) as z.infer<typeof item>;
      },
    );

    app.delete(
      `/api/v1/vendors/:vendorId/${kind}/:recordId`,
      { schema: { tags: ["vendors"], summary: `Remove one of the ${title.en.toLowerCase()}`, params: recordParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await editor(actor, request.params.vendorId);
        await removeRecord(db, actor, request.params.vendorId, kind, request.params.recordId, deps.clock.now());
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    "/api/v1/vendors/:vendorId/users",
    { schema: { tags: ["vendors"], summary: "The vendor's user accounts", params: VendorParamsSchema, response: { 200: z.object({ items: z.array(VendorUserSchema) }) } } },
    async (request) => {
      await visibleVendor(requireActor(request), request.params.vendorId);
      const users = await listUsers(db, { role: "vendor", vendorId: request.params.vendorId });
      return { items: users.map((u) => ({ id: u.id, name: u.name, email: u.email, status: u.status })) };
    },
  );

  app.post(
    "/api/v1/vendors/:vendorId/users",
    { schema: { tags: ["vendors"], summary: "Add a colleague's account to the vendor (one vendor, several users)", params: VendorParamsSchema, body: VendorUserInputSchema, response: { 201: VendorUserSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await editor(actor, request.params.vendorId);
      const user = await createUser(db, actor, { ...request.body, role: "vendor", vendorId: request.params.vendorId }, deps.clock.now());
      return reply.status(201).send({ id: user.id, name: user.name, email: user.email, status: user.status });
    },
  );
}
