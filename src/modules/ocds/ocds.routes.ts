import type { FastifyReply } from "fastify";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { OcidParamsSchema, OcdsPageQuerySchema, RecordPackageSchema, ReleasePackageSchema, ReleaseParamsSchema } from "./ocds.schemas.js";
import { recordPage, releasePage, singleRecord, singleRelease } from "./ocds.service.js";

/** Open data: any web page may read it (no cookies are involved). */
function openData(reply: FastifyReply): void {
  reply.header("access-control-allow-origin", "*");
}

/**
 * OCDS 1.1 open data, public and without login, following the OCDS hosting guidance: release and
 * record packages, seek-paginated with `links.next`, and one release or record by its id.
 */
export function ocdsRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  // The services that write releases inside their transactions read the ocid prefix from here.
  const info = () => ({ publicUrl: deps.config.publicUrl, now: deps.clock.now() });

  app.get(
    "/api/v1/ocds/releases",
    { schema: { tags: ["open data"], summary: "OCDS release package: every release in publication order (seek pagination with links.next)", querystring: OcdsPageQuerySchema, response: { 200: ReleasePackageSchema } } },
    async (request, reply) => (openData(reply), releasePage(db, info(), request.query)),
  );

  app.get(
    "/api/v1/ocds/releases/:releaseId",
    { schema: { tags: ["open data"], summary: "One OCDS release, in a release package", params: ReleaseParamsSchema, response: { 200: ReleasePackageSchema } } },
    async (request, reply) => (openData(reply), singleRelease(db, info(), request.params.releaseId)),
  );

  app.get(
    "/api/v1/ocds/records",
    { schema: { tags: ["open data"], summary: "OCDS record package: one record per contracting process with its compiled release (seek pagination with links.next)", querystring: OcdsPageQuerySchema, response: { 200: RecordPackageSchema } } },
    async (request, reply) => (openData(reply), recordPage(db, info(), request.query)),
  );

  app.get(
    "/api/v1/ocds/records/:ocid",
    { schema: { tags: ["open data"], summary: "The OCDS record of one contracting process, in a record package", params: OcidParamsSchema, response: { 200: RecordPackageSchema } } },
    async (request, reply) => (openData(reply), singleRecord(db, info(), request.params.ocid)),
  );
}
