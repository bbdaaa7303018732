import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { DOCUMENT_KINDS } from "../../../../src/modules/vendors/vendor-enums.js";
import { api } from "../../lib/api";
import { vendorKey } from "./vendors.api";

export { DOCUMENT_KINDS };
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document kind this app has a name for. */
export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

const VendorDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type VendorDocument = z.infer<typeof VendorDocumentSchema>;

export interface DocumentUpload {
  /** Empty when none was chosen: left out of the query, and the server answers that it is required. */
  kind: DocumentKind | "";
  name: string;
  file: File;
}

const documentsKey = (vendorId: string) => [...vendorKey(vendorId), "documents"] as const;
const path = (vendorId: string) => `/api/v1/vendors/${encodeURIComponent(vendorId)}/documents`;

/** Where the browser downloads a document: the session cookie goes along with a plain link. */
export function documentContentUrl(vendorId: string, documentId: string): string {
  return `${path(vendorId)}/${encodeURIComponent(documentId)}/content`;
}

/** The vendor's documents, newest first. */
export function useDocuments(vendorId: string) {
  return useQuery({
    queryKey: documentsKey(vendorId),
    queryFn: async () => (await api.get(path(vendorId), z.object({ items: z.array(VendorDocumentSchema) }))).items,
  });
}

/** Sends one file as the raw request body; the server checks its type from the content and its size. */
export function useUploadDocument(vendorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, name, file }: DocumentUpload) => api.upload(path(vendorId), z.object({ id: z.string() }), file, { kind, name }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: documentsKey(vendorId) }), queryClient.invalidateQueries({ queryKey: [...vendorKey(vendorId), "changes"] })]),
  });
}
