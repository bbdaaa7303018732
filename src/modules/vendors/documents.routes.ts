import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import type { Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { safeFileName, uploadStream } from "../../storage/checked-upload.js";
import { uploadVendorDocument } from "./documents.service.js";
import { loadEditableVendor, loadVisibleVendor } from "./vendor-access.js";
import { DOCUMENT_KINDS } from "./vendor-enums.js";
import { findDocument, listDocuments } from "./vendors.repository.js";
import { VendorParamsSchema } from "./vendors.schemas.js";

/** Raw upload bodies: handed over as a stream, never buffered (the file store enforces the size limit). */
const UPLOAD_TYPES = ["application/pdf", "image/png", "image/jpeg", "application/octet-stream"];

const UploadQuerySchema = z.strictObject({ kind: z.enum(DOCUMENT_KINDS), name: z.string().trim().min(3).max(200) });
const DocumentSchema = z.object({ id: z.string(), kind: z.string(), name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export function vendorDocumentRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  const visibleVendor = (actor: ReturnType<typeof requireActor>, vendorId: string) => loadVisibleVendor(db, actor, vendorId);

  app.post(
    "/api/v1/vendors/:vendorId/documents",
    {
      schema: {
        tags: ["vendors"],
        summary: "Upload a document (PDF, PNG or JPEG; the raw file is the request body; its type is read from the content)",
        params: VendorParamsSchema,
        querystring: UploadQuerySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await loadEditableVendor(db, actor, request.params.vendorId);
      const id = await uploadVendorDocument(deps, actor, request.params.vendorId, { ...request.query, body: uploadStream(request.body, UPLOAD_TYPES) });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/v1/vendors/:vendorId/documents",
    { schema: { tags: ["vendors"], summary: "A vendor's documents", params: VendorParamsSchema, response: { 200: z.object({ items: z.array(DocumentSchema) }) } } },
    async (request) => {
      await visibleVendor(requireActor(request), request.params.vendorId);
      const rows = await listDocuments(db, request.params.vendorId);
      return { items: rows.map((d) => ({ id: d.id, kind: d.kind, name: d.original_name, contentType: d.content_type, size: d.size, sha256: d.sha256, uploadedAt: d.uploaded_at })) };
    },
  );

  app.get(
    "/api/v1/vendors/:vendorId/documents/:documentId/content",
    { schema: { tags: ["vendors"], summary: "Download a document", params: VendorParamsSchema.extend({ documentId: z.uuid() }) } },
    async (request, reply) => {
      await visibleVendor(requireActor(request), request.params.vendorId);
      const doc = await findDocument(db, request.params.vendorId, request.params.documentId);
      if (!doc) throw new AppError("NOT_FOUND", { id: "Dokumen tidak ditemukan", en: "Document not found" });
      const safeName = safeFileName(doc.original_name);
      return reply
        .type(doc.content_type)
        .header("content-disposition", `attachment; filename="${safeName}"`)
        .header("content-length", String(doc.size))
        .send(deps.fileStore.open(doc.sha256));
    },
  );
}
