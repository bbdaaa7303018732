import fc from "fast-check";
import type { Client, Response } from "../support/client.js";
import type { Operation } from "../support/openapi.js";
import { buildPdf } from "../support/pdf.js";
import { validArbitrary } from "../support/schema-arbitrary.js";
import { peopleBody } from "./requests.people.js";
import { budgetSuppliersBody } from "./requests.budget-suppliers.js";
import { surveyExampleBody } from "./requests.surveys.js";
import { complianceBody } from "./requests.compliance.js";
import { LICENCE_BODY, RECORD_BODIES, signedPeerSummary, type World } from "./world.js";

/**
 * How the security suites build one well-formed request per operation: a body that passes validation (so
 * the request reaches the policy behind it), the required query parameters, and real resources in the path.
 */

/** Operations that take raw bytes rather than JSON (uploads); anything else with bytes is refused with 415. */
export const RAW_BODY_OPERATIONS = new Set([
  "POST /api/v1/vendors/{vendorId}/documents",
  "POST /api/v1/packages/{packageId}/documents",
  "POST /api/v1/tenders/{tenderCode}/bids",
  "PATCH /api/v1/tenders/{tenderCode}/bid-uploads/{uploadId}",
  "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/evidence/files",
  "POST /api/v1/standards/templates",
]);

/** Operations that would replace the caller's session cookie: sent from a copy of the caller's client. */
export const SESSION_REPLACING = new Set(["POST /api/v1/auth/login", "POST /api/v1/auth/totp", "POST /api/v1/auth/totp/enroll"]);

/**
 * Operations run after all others: logging out ends the caller's session, and joining the tender would
 * turn vendor B from an outsider into a participant.
 */
export const RUN_LAST = ["POST /api/v1/tenders/{tenderCode}/participation", "POST /api/v1/auth/logout"];

/** Query values where a generated one would not say anything (a real upload kind, a tree size that exists). */
const QUERY_EXAMPLES: Record<string, Record<string, string>> = {
  "GET /api/v1/log/proofs/inclusion": { index: "0" },
  "GET /api/v1/log/proofs/consistency": { first: "1", second: "2" },
  "POST /api/v1/vendors/{vendorId}/documents": { kind: "akta_pendirian", name: "Akta.pdf" },
  "POST /api/v1/packages/{packageId}/documents": { kind: "kak", name: "KAK.pdf" },
  "PATCH /api/v1/tenders/{tenderCode}/bid-uploads/{uploadId}": { offset: "0" },
  "GET /api/v1/packages/{packageId}/schedule/proposal": { start: "2027-01-04" },
  "GET /api/v1/packages/{packageId}/assignable-members": { kind: "pokja" },
  "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/evidence/files": { name: "Notulen rapat.pdf" },
  "GET /api/v1/helpdesk/reports/monthly": { month: "2026-12" },
  "GET /api/v1/operations/capacity/report": { month: "2026-11" },
  "POST /api/v1/standards/templates": { title: "Formulir Akses", criterionCode: "S01.1", name: "Formulir.pdf" },
};

/** Bodies that need real ids of the fixture world (or the current settings) to pass validation. */
async function exampleBody(op: Operation, world: World, admin: Client): Promise<unknown> {
  const packageInput = {
    rupCode: "37700002", name: "Rehabilitasi Saluran Drainase", workUnitId: world.workUnitId, fiscalYear: 2027, fundingSource: "APBD", pagu: "900000000",
    category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "harga_satuan",
    kbliCodes: ["42101"], qualificationRequirements: "SBU SI001", hpsItems: [{ description: "Galian tanah", unit: "m3", quantity: "100", unitPrice: "85000" }],
  };
  switch (op.key) {
    case "PUT /api/v1/settings":
      return (await admin.get("/api/v1/settings")).body;
    case "POST /api/v1/users":
      return { name: "Pejabat Baru", email: "pejabat.baru@uji.test", role: "ppk", agencyId: world.agencyA, password: "Rahasia#Kuat2026!" };
    case "POST /api/v1/packages":
    case "PUT /api/v1/packages/{packageId}":
      return packageInput;
    case "PUT /api/v1/packages/{packageId}/direct/quotation":
      return { items: world.directItemIds.map((hpsItemId) => ({ hpsItemId, unitPrice: "50000" })) };
    case "POST /api/v1/packages/{packageId}/direct/invitation":
      return { vendorId: world.vendorA.vendorId, quotationDue: "2026-12-18T03:00:00Z" };
    case "POST /api/v1/vendors/{vendorId}/licences":
      return LICENCE_BODY;
    case "PUT /api/v1/tenders/{tenderCode}/evaluation/{vendorId}/{stage}":
      return { passed: true, reason: "Memenuhi persyaratan" };
    case "POST /api/v1/standards/cycles":
      return { period: "2027" };
    case "PUT /api/v1/standards/cycles/{cycleId}/team":
      return { memberIds: [world.standards.assessorId] };
    case "PUT /api/v1/standards/cycles/{cycleId}/standards/{standardCode}/coordinator":
      return { userId: world.standards.assessorId };
    case "PUT /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}":
      return { status: "partially_met", notes: "Sebagian bukti tersedia" };
    case "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/live-snapshot":
      return { source: "backups.restore_drill" };
    case "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/evidence/links":
      return { title: "Laporan layanan", url: "https://lpse.example.go.id/laporan" };
    case "POST /api/v1/standards/cycles/{cycleId}/findings":
      return {
        standardCode: world.standards.standardCode, criterionCode: world.standards.criterionCode, description: "Notulen rapat tim belum ditandatangani",
        action: "Tandatangani dan arsipkan notulen", priority: "low", ownerId: world.standards.actionOwnerId, dueDate: "2027-04-30",
      };
    case "POST /api/v1/standards/cycles/{cycleId}/findings/{findingId}/done":
      return { note: "Catatan layanan bantuan sudah dilengkapi" };
    case "POST /api/v1/standards/cycles/{cycleId}/findings/{findingId}/verify":
      return { note: "Sudah diperiksa" };
    case "POST /api/v1/standards/cycles/{cycleId}/sign-off":
      return { note: "" };
    case "PUT /api/v1/standards/cycles/{cycleId}/standards/{standardCode}/lkpp":
      return { result: "met", letterNumber: "B-123/LKPP/2027", letterDate: "2027-02-01" };
    case "POST /api/v1/standards/peers/summaries":
      return signedPeerSummary("LPSE Kabupaten Contoh", "2026");
    case "POST /api/v1/standards/visits":
      return { peerId: world.standards.peerId, direction: "outgoing", visitedOn: "2027-01-20", participants: "Kepala LPSE dan tim penilai", standards: ["S11"], actions: [{ description: "Jadwalkan pemindaian bulanan", findingId: world.standards.findingId }] };
    case "POST /api/v1/standards/templates/{templateId}/copy":
      return { cycleId: world.standards.cycleId };
    case "POST /api/v1/tenders/{tenderCode}/winner/decision":
      return { decision: "returned", reason: "Harga penawaran perlu diklarifikasi" };
    case "POST /api/v1/auth/password-reset":
      return { email: world.sessionHolder.email };
    case "POST /api/v1/auth/password-reset/complete":
      // A token nobody was sent: the completion is refused for its content and no password changes.
      return { token: "0".repeat(43), password: "Rahasia#Kuat2026!" };
    case "POST /api/v1/auth/totp/recovery":
      return { code: "ABCD-EFGH-JKLM" };
    case "POST /api/v1/helpdesk/public/tickets":
      return { name: "Budi Santoso", email: "budi.santoso@uji.test", subject: "Lupa kata sandi akun", description: "Tautan atur ulang kata sandi tidak sampai.", userGroup: "public" };
    case "POST /api/v1/helpdesk/public/track":
      return { code: world.helpdesk.code, email: world.helpdesk.email };
    case "POST /api/v1/helpdesk/public/replies":
      return { code: world.helpdesk.code, email: world.helpdesk.email, body: "Sudah saya coba lagi, masih gagal." };
    case "POST /api/v1/helpdesk/tickets":
      return { channel: "phone", name: "Siti Aminah", phone: "+62 351 123456", subject: "Pertanyaan jadwal tender", description: "Menanyakan jadwal pemberian penjelasan.", type: "request", technical: false, userGroup: "vendor", urgency: "low", impact: "low" };
    case "POST /api/v1/helpdesk/tickets/{ticketId}/classification":
      return { type: "incident", technical: true, userGroup: "vendor", urgency: "medium", impact: "medium" };
    case "POST /api/v1/helpdesk/tickets/{ticketId}/assignment":
      return { assigneeId: world.helpdesk.assigneeId };
    case "POST /api/v1/helpdesk/tickets/{ticketId}/escalation":
      return { toUserId: world.helpdesk.escalationId, reason: "Perlu keputusan kepala LPSE" };
    case "POST /api/v1/helpdesk/tickets/{ticketId}/status":
      return { status: "in_progress" };
    case "POST /api/v1/helpdesk/tickets/{ticketId}/comments":
      return { body: "Kami sedang memeriksa unggahan Anda.", visibility: "public" };
    case "PUT /api/v1/helpdesk/sla":
      return (await admin.get("/api/v1/helpdesk/sla")).body;
    case "POST /api/v1/helpdesk/articles":
    case "PUT /api/v1/helpdesk/articles/{articleId}":
      // Published, so the public reads of the article keep finding it.
      return { title: "Cara mengunggah dokumen", body: "Unggah berkas PDF paling besar sesuai batas unggahan.", category: "penyedia", status: "published" };
    case "POST /api/v1/registers/assets":
      return { code: "SW-NEW-01", name: "Lisensi antivirus", type: "software", owner: "Admin PPE", location: "Pusat data", confidentiality: 1, integrity: 2, availability: 2, expiresOn: "2027-06-30" };
    case "PUT /api/v1/registers/assets/{assetId}":
      return { code: "HW-SRV-01", name: "Server aplikasi", type: "hardware", owner: "Admin PPE", location: "Ruang server", confidentiality: 3, integrity: 3, availability: 3 };
    case "POST /api/v1/registers/risks":
    case "PUT /api/v1/registers/risks/{riskId}":
      return { assetId: world.registers.assetId, title: "Catu daya gagal", description: "UPS tidak menahan beban.", impact: 3, threat: 2, vulnerability: 2, exposure: 2, treatment: "mitigate", owner: "Admin PPE" };
    case "POST /api/v1/registers/changes/{changeId}/decision":
      return { decision: "approved", note: "Disetujui" };
    case "POST /api/v1/operations/access-grants":
      return { person: "Andi Pratama", system: "Server aplikasi SPSE", level: "admin", reason: "Administrator sistem LPSE", grantedBy: "Kepala LPSE", startsOn: "2026-01-10", expiresOn: null };
    case "POST /api/v1/operations/access-grants/{grantId}/revoke":
      return { revokedOn: "2026-11-26", reason: "Pindah tugas ke dinas lain" };
    case "POST /api/v1/operations/access-reviews":
      return { reviewedOn: "2026-11-25", notes: "Kaji ulang triwulan IV", decisions: [{ grantId: world.operations.reviewGrantId, decision: "keep", note: "Masih bertugas" }] };
    case "POST /api/v1/operations/patches":
      return { system: "Server basis data", patchId: "PostgreSQL 16.5", appliedOn: "2026-11-20", appliedBy: "Budi Hartono", relatedChange: null, notes: "" };
    case "POST /api/v1/operations/scans":
      return { scannedOn: "2026-11-01", tool: "OpenVAS 23", scope: "lpse.example.go.id", findings: [{ title: "TLS 1.0 masih aktif", severity: "high", dueOn: "2026-11-15" }] };
    case "POST /api/v1/operations/scans/{scanId}/findings/{findingId}":
      return { status: "remediated", note: "Konfigurasi TLS diperbarui" };
    case "POST /api/v1/auth/login":
      return { email: world.loginProbe.email, password: world.loginProbe.password };
    default: {
      const compliance = complianceBody(op, world);
      if (compliance !== undefined) return compliance;
      const people = peopleBody(op, world);
      if (people !== undefined) return people;
      const kind = /^(POST|PUT) \/api\/v1\/vendors\/\{vendorId\}\/([a-z-]+)/.exec(op.key)?.[2];
      if (kind && RECORD_BODIES[kind]) return RECORD_BODIES[kind];
      const budgetSuppliers = budgetSuppliersBody(op, world);
      if (budgetSuppliers !== undefined) return budgetSuppliers;
      const survey = surveyExampleBody(op, world);
      if (survey !== undefined) return survey;
      return op.bodySchema ? fc.sample(validArbitrary(op.bodySchema), { numRuns: 1, seed: 20261126 })[0] : undefined;
    }
  }
}

export interface PreparedRequest {
  url: string;
  body: unknown;
  raw: Buffer | undefined;
}

export function exampleQuery(op: Operation): string {
  const examples = QUERY_EXAMPLES[op.key] ?? {};
  const search = new URLSearchParams();
  for (const p of op.queryParams) {
    const value = examples[p.name] ?? (p.required ? String(fc.sample(validArbitrary(p.schema), { numRuns: 1, seed: 20261126 })[0]) : undefined);
    if (value !== undefined) search.append(p.name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** One well-formed request for the operation, against the world's resources. */
export async function prepareRequest(op: Operation, world: World, admin: Client): Promise<PreparedRequest> {
  return {
    url: world.pathOf(op) + exampleQuery(op),
    body: await exampleBody(op, world, admin),
    raw: RAW_BODY_OPERATIONS.has(op.key) ? buildPdf("Uji") : undefined,
  };
}

/** Send it as the client would: JSON with the CSRF token, or raw bytes for uploads. */
export async function send(client: Client, op: Operation, request: PreparedRequest): Promise<Response> {
  const c = SESSION_REPLACING.has(op.key) ? client.fork() : client;
  if (request.raw) {
    const headers: Record<string, string> = { "content-type": "application/octet-stream" };
    if (op.method !== "GET") headers["x-csrf-token"] = await c.csrfToken();
    return c.raw(op.method, request.url, { payload: request.raw, headers });
  }
  return c.request(op.method, request.url, request.body);
}

/** Operations in a stable order: everything else first, then RUN_LAST in its order; deletions after the rest. */
export function executionOrder(operations: readonly Operation[]): Operation[] {
  const rank = (op: Operation) => (RUN_LAST.includes(op.key) ? 2 + RUN_LAST.indexOf(op.key) : op.method === "DELETE" ? 1 : 0);
  return [...operations].sort((a, b) => rank(a) - rank(b));
}
