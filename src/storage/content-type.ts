import { fileTypeFromBuffer } from "file-type";

/** Types accepted for vendor documents: scans of deeds, licences and tax papers. */
export const DOCUMENT_TYPES = { "application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg" } as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** Enough bytes for file-type to recognise every format we accept. */
export const SNIFF_BYTES = 4100;

const EXTENSIONS: Record<string, DocumentType> = { ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" };

/** The type the content really has (never the name's or the browser's claim), or null. */
export async function detectType(head: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(head))?.mime ?? null;
}

/** The type a file name claims by its extension, or null for names we do not accept. */
export function typeClaimedByName(name: string): DocumentType | null {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? null : (EXTENSIONS[name.slice(dot).toLowerCase()] ?? null);
}
