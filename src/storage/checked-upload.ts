import { Readable } from "node:stream";
import { AppError } from "../server/errors.js";
import { DOCUMENT_TYPES, detectType, SNIFF_BYTES, typeClaimedByName } from "./content-type.js";
import type { FileStore } from "./file-store.js";

const MEGABYTE = 1_048_576;

function unsupported(message: { id: string; en: string }): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", message, [{ field: "body", message }]);
}

/**
 * Store an uploaded document: streamed to disk with its hash (never held whole in memory), then its type
 * read from the content. A PDF named .jpg, or a program named .pdf, is refused.
 */
export async function storeCheckedDocument(store: FileStore, name: string, body: Readable, maxMegabytes: number) {
  const claimed = typeClaimedByName(name);
  if (!claimed) {
    throw new AppError("VALIDATION_FAILED", { id: "Nama berkas harus berakhiran .pdf, .png, .jpg atau .jpeg", en: "The file name must end in .pdf, .png, .jpg or .jpeg" }, [
      { field: "query.name", message: { id: "jenis berkas tidak diterima", en: "file type not accepted" } },
    ]);
  }
  const stored = await store.put(body, maxMegabytes * MEGABYTE);
  if (stored.size === 0) throw unsupported({ id: "Berkas kosong", en: "The file is empty" });
  const detected = await detectType(await store.head(stored.sha256, SNIFF_BYTES));
  if (!detected || !(detected in DOCUMENT_TYPES)) {
    throw unsupported({ id: `Isi berkas bukan PDF, PNG atau JPEG (terdeteksi: ${detected ?? "tidak dikenal"})`, en: `The content is not a PDF, PNG or JPEG (detected: ${detected ?? "unknown"})` });
  }
  if (detected !== claimed) {
    throw unsupported({ id: `Isi berkas adalah ${detected}, tetapi namanya menunjukkan ${claimed}`, en: `The content is ${detected}, but the name says ${claimed}` });
  }
  return { ...stored, contentType: detected };
}

/**
 * The raw body of an upload route as a stream. A body Fastify already parsed (JSON, say) is not a file:
 * 415, naming the content types to use, rather than a failure deep in the store.
 */
export function uploadStream(body: unknown, types: readonly string[]): Readable {
  if (body instanceof Readable) return body;
  const message = { id: `Kirim berkas sebagai isi permintaan mentah (${types.join(", ")})`, en: `Send the file as the raw request body (${types.join(", ")})` };
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, [{ field: "body", message }]);
}

/** A file name safe for a Content-Disposition header. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, "_");
}
