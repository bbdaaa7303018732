import { randomUUID } from "node:crypto";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { Queryable } from "../../db/database.js";
import { appendEvent } from "../../log/event-log.js";
import type { AppDeps } from "../../server/app.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import { authorize, type Api } from "../../server/http.js";
import { safeFileName, storeCheckedDocument, uploadStream } from "../../storage/checked-upload.js";
import { requireActor } from "../auth/session.hook.js";
import { DEFAULT_UPLOAD_LIMITS } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { findParticipant } from "../tenders/participation.repository.js";
import { loadTender } from "../tenders/participation.service.js";
import { isCommitteeMember } from "./assignment.repository.js";
import { loadVisiblePackage } from "./package-access.js";
import { PACKAGE_DOCUMENT_KINDS } from "./package-enums.js";
import { canEditPackage } from "./packages.policy.js";
import { assertNotUnderWay } from "../direct/direct.service.js";
import { PackageParamsSchema } from "./packages.schemas.js";

const UploadQuerySchema = z.strictObject({ kind: z.enum(PACKAGE_DOCUMENT_KINDS), name: z.string().trim().min(3).max(200) });
const FileSchema = z.object({ id: z.string(), kind: z.enum(PACKAGE_DOCUMENT_KINDS), name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() });
const FileListSchema = z.object({ items: z.array(FileSchema) });
const TenderCodeParams = z.strictObject({ tenderCode: z.string().regex(/^\d{9,12}$/) });

function listFiles(db: Queryable, packageId: string) {
  return db.selectFrom("package_documents").selectAll().where("package_id", "=", packageId).orderBy("uploaded_at").orderBy("id").execute();
}

function findFile(db: Queryable, packageId: string, id: string) {
  return db.selectFrom("package_documents").selectAll().where("package_id", "=", packageId).where("id", "=", id).executeTakeFirst();
}

type FileRow = Awaited<ReturnType<typeof listFiles>>[number];
const present = (d: FileRow) => ({ id: d.id, kind: d.kind as (typeof PACKAGE_DOCUMENT_KINDS)[number], name: d.original_name, contentType: d.content_type, size: d.size, sha256: d.sha256, uploadedAt: d.uploaded_at });

/** Package files: the PPK uploads while the package is a draft; after publication, participants download them. */
export function packageDocumentRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  const sendFile = async (reply: FastifyReply, row: FileRow) =>
    reply.type(row.content_type).header("content-disposition", `attachment; filename="${safeFileName(row.original_name)}"`).header("content-length", String(row.size)).send(deps.fileStore.open(row.sha256));

  app.post(
    "/api/v1/packages/:packageId/documents",
    { schema: { tags: ["packages"], summary: "Upload a package document (PDF or image; the raw file is the body; its type is read from the content)", params: PackageParamsSchema, querystring: UploadQuerySchema, response: { 201: FileSchema } } },
    async (request, reply) => {
      const actor: Actor = requireActor(request);
      const { row } = await loadVisiblePackage(db, actor, request.params.packageId);
      authorize(canEditPackage(actor, { ppkId: row.ppk_id, status: row.status }));
      await assertNotUnderWay(db, row.id);
      const limits = (await getSettings(db)).uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
      const stored = await storeCheckedDocument(deps.fileStore, request.query.name, uploadStream(request.body, ["application/pdf", "image/png", "image/jpeg"]), limits.vendorDocumentMegabytes);
      const now = deps.clock.now();
      const file = { id: randomUUID(), package_id: row.id, kind: request.query.kind, original_name: request.query.name, content_type: stored.contentType, size: stored.size, sha256: stored.sha256, uploaded_by: actor.id, uploaded_at: now.toISOString() };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("package_documents").values(file).execute();
        await appendEvent(trx, { actorId: actor.id, type: "package.document_uploaded", subject: { type: "package", id: row.id }, payload: { documentId: file.id, kind: file.kind, name: file.original_name, sha256: file.sha256, size: file.size } }, now);
      });
      return reply.status(201).send(present(file));
    },
  );

  app.get(
    "/api/v1/packages/:packageId/documents",
    { schema: { tags: ["packages"], summary: "A package's documents", params: PackageParamsSchema, response: { 200: FileListSchema } } },
    async (request) => {
      const { row } = await loadVisiblePackage(db, requireActor(request), request.params.packageId);
      return { items: (await listFiles(db, row.id)).map(present) };
    },
  );

  app.get(
    "/api/v1/packages/:packageId/documents/:documentId/content",
    { schema: { tags: ["packages"], summary: "Download a package document", params: PackageParamsSchema.extend({ documentId: z.uuid() }) } },
    async (request, reply) => {
      const { row } = await loadVisiblePackage(db, requireActor(request), request.params.packageId);
      const file = await findFile(db, row.id, request.params.documentId);
      if (!file) throw new AppError("NOT_FOUND", { id: "Dokumen tidak ditemukan", en: "Document not found" });
      return sendFile(reply, file);
    },
  );

  /** Participants and the committee download the tender's files once it is published. */
  const tenderReader = async (actor: Actor, tenderCode: string) => {
    const tender = await loadTender(db, tenderCode);
    const participant = actor.vendorId !== null && (await findParticipant(db, tender.id, actor.vendorId)) !== undefined;
    if (!participant && !(await isCommitteeMember(db, tender.id, actor.id)) && !["admin_ppe", "auditor"].includes(actor.role)) {
      throw new AppError("FORBIDDEN", { id: "Dokumen tender untuk peserta: daftar sebagai peserta terlebih dahulu", en: "Tender documents are for participants: join the tender first" });
    }
    return tender;
  };

  app.get(
    "/api/v1/tenders/:tenderCode/files",
    { schema: { tags: ["tenders"], summary: "The tender's files (participants and the committee)", params: TenderCodeParams, response: { 200: FileListSchema } } },
    async (request) => {
      const tender = await tenderReader(requireActor(request), request.params.tenderCode);
      return { items: (await listFiles(db, tender.id)).map(present) };
    },
  );

  app.get(
    "/api/v1/tenders/:tenderCode/files/:documentId/content",
    { schema: { tags: ["tenders"], summary: "Download a tender file (participants and the committee)", params: TenderCodeParams.extend({ documentId: z.uuid() }) } },
    async (request, reply) => {
      const tender = await tenderReader(requireActor(request), request.params.tenderCode);
      const file = await findFile(db, tender.id, request.params.documentId);
      if (!file) throw new AppError("NOT_FOUND", { id: "Dokumen tidak ditemukan", en: "Document not found" });
      return sendFile(reply, file);
    },
  );
}
