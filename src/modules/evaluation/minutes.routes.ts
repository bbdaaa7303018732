import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { TenderParamsSchema } from "../tenders/participation.schemas.js";
import { MINUTES_KINDS } from "./minutes.document.js";
import { issueMinutes, minutesHtml, minutesStatus } from "./minutes.service.js";

const MinutesParams = TenderParamsSchema.extend({ kind: z.enum(MINUTES_KINDS).describe("evaluasi: Berita Acara Evaluasi Penawaran; hasil_pemilihan: Berita Acara Hasil Pemilihan") });
const IssuedSchema = z.object({ tenderCode: z.string(), kind: z.enum(MINUTES_KINDS), sha256: z.string(), issuedAt: z.string() }).meta({ id: "IssuedMinutes" });
const MinutesStatusSchema = z.object({ items: z.array(z.object({ kind: z.enum(MINUTES_KINDS), sha256: z.string(), issuedAt: z.string() })) }).meta({ id: "MinutesStatus" });

/** No script, no outside resource: the document is text and its own print styles. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The committee's minutes: Berita Acara Evaluasi Penawaran and Berita Acara Hasil Pemilihan, print-ready HTML. */
export function minutesRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/v1/tenders/:tenderCode/minutes",
    { schema: { tags: ["evaluation"], summary: "Which minutes the committee has issued, with their SHA-256 (committee, the agency's PPK and PA/KPA, auditors)", params: TenderParamsSchema, response: { 200: MinutesStatusSchema } } },
    async (request) => minutesStatus(db, requireActor(request), request.params.tenderCode),
  );

  app.get(
    "/api/v1/tenders/:tenderCode/minutes/:kind",
    {
      schema: {
        tags: ["evaluation"],
        summary: "The minutes as print-ready HTML in Indonesian (A4): the issued version with its SHA-256, or a draft until issued (committee, the agency's PPK and PA/KPA, auditors; after the opening, the BAHP after the winner is named)",
        params: MinutesParams,
        response: { 200: z.string().describe("text/html") },
      },
    },
    async (request, reply) => {
      const { html, sha256 } = await minutesHtml(db, requireActor(request), request.params.tenderCode, request.params.kind, deps.clock.now());
      if (sha256) reply.header("x-document-sha256", sha256);
      return reply.type("text/html; charset=utf-8").header("content-security-policy", DOCUMENT_CSP).header("cache-control", "no-store").serializer((s: unknown) => String(s)).send(html);
    },
  );

  app.post(
    "/api/v1/tenders/:tenderCode/minutes/:kind",
    {
      schema: {
        tags: ["evaluation"],
        summary: "Issue the final minutes: stored as they are, their SHA-256 logged (committee; the BA Evaluasi once the evaluation is over, the BAHP once the winner is named; once)",
        params: MinutesParams,
        response: { 201: IssuedSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await issueMinutes(db, requireActor(request), request.params.tenderCode, request.params.kind, deps.clock.now())),
  );
}
