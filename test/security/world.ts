import { createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { type BudgetSuppliersWorld, budgetSuppliersParams, buildBudgetSuppliersWorld } from "./world.budget-suppliers.js";
import { assignCommittee } from "../../src/modules/packages/assignment.service.js";
import { createPackage } from "../../src/modules/packages/packages.service.js";
import { invite } from "../../src/modules/direct/direct.service.js";
import { enqueueMail, notifyUser } from "../../src/modules/notifications/notifications.service.js";
import { CURRENT_CATALOG_VERSION, catalogVersion } from "../../src/modules/standards/catalog/index.js";
import { generateKeyPairSync } from "node:crypto";
import { type AssessmentSummary, SUMMARY_FORMAT, signSummary } from "../../src/modules/standards/peers.summary.js";
import { publicationContext } from "../../src/modules/tenders/publication-context.js";
import type { Role } from "../../src/modules/users/roles.js";
import type { TestApp } from "../support/app.js";
import type { Client } from "../support/client.js";
import { buildAgency, buildUser, buildVendor, loginAs, type TestUser } from "../support/factories.js";
import { concretePath, type Operation } from "../support/openapi.js";
import { buildPdf } from "../support/pdf.js";
import { buildComplianceWorld } from "./world.compliance.js";
import { buildPeopleWorld, type PeopleWorld } from "./world.people.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";
import { buildSurveyWorld, type SurveyWorld } from "./world.surveys.js";

/**
 * Who calls. Agency A owns the package, the tender and the Pengadaan Langsung; vendor A is the tender's
 * participant, the direct procurement's invitee and the owner of the vendor records. Agency B and vendor B
 * are the outsiders: same roles, someone else's records.
 */
export interface Principal {
  name: string;
  role: Role | null;
  /**
   * The agency the account belongs to: "A" (the owner of the package), "B" (another agency), "other" (an
   * agency that owns nothing here: the tender's Pokja members come from their own agencies) or none.
   */
  agency: "A" | "B" | "other" | null;
  /** A member of the tender's Pokja. */
  committee: boolean;
  /** Vendor A: owner of the vendor resources, participant of the tender, invited to the direct procurement. */
  ownerVendor: boolean;
  /** The Pejabat Pengadaan assigned to agency A's Pengadaan Langsung. */
  directOfficial: boolean;
  /** On the internal assessment team of the standards cycle. */
  assessor: boolean;
  /** Owner of the standards cycle's corrective action (not on its team). */
  actionOwner: boolean;
  user: TestUser | null;
  client: Client;
}

export interface World {
  principals: Principal[];
  /** The value of a path parameter for an operation: a real resource of agency A or vendor A. */
  param(op: Operation, name: string): string | undefined;
  /** The operation's path with every parameter pointing at a real resource where the world has one. */
  pathOf(op: Operation): string;
  tenderCode: string;
  packageId: string;
  directPackageId: string;
  /** Agency A's work unit, for new packages. */
  workUnitId: string;
  agencyA: string;
  /** The Pengadaan Langsung's bill-of-quantities lines. */
  directItemIds: string[];
  vendorA: TestUser & { vendorId: string };
  /** An account of agency A the user-management operations act on (disable, enable, reset). */
  victim: TestUser;
  /** An account without a second factor, for the login operation. */
  loginProbe: TestUser;
  /** The standards cycle opened by the Kepala LPSE: its team member, the owner of its finding, the codes used. */
  standards: { cycleId: string; assessorId: string; actionOwnerId: string; standardCode: string; criterionCode: string; findingId: string; peerId: string; templateId: string };
  /**
   * An account no caller uses, logged in once: password resets and session revocations point at it, so an
   * allowed call ends no caller's session.
   */
  sessionHolder: TestUser;
  /** The helpdesk: vendor A's ticket (code and the email it was filed with), staff to assign and escalate to. */
  helpdesk: { ticketId: string; code: string; email: string; articleId: string; assigneeId: string; escalationId: string };
  /** The registers: an asset with a risk and a mitigation task, and a change proposed by the helpdesk officer. */
  registers: { assetId: string; riskId: string; taskId: string; changeId: string };
  /** The operations registers: a grant to revoke, another to review, a scan with one finding. */
  operations: { grantId: string; reviewGrantId: string; scanId: string; findingId: string };
  /** The staff and server-room registers: a staff member, a training, a pending permit, an approved one with an open visit. */
  people: PeopleWorld;
  budgetSuppliers: BudgetSuppliersWorld;
  /** Standard 15: a draft survey and vendor A's improvement request. */
  surveys: SurveyWorld;
  /** The compliance registers: a regulation, a licence installed on an asset of its own. */
  compliance: { regulationId: string; softwareLicenceId: string; installationId: string };
}

/** A vendor's records, one per kind (the shapes from the vendor records tests). */
export const RECORD_BODIES: Record<string, unknown> = {
  deeds: { type: "pendirian", number: "12", date: "2015-03-02", notary: "Notaris Sri Wahyuni, S.H.", approvalNumber: "AHU-0012345.AH.01.07.2015" },
  owners: { name: "Slamet Riyadi", identityNumber: "3577011234560001", address: "Jl. Pahlawan 12, Madiun", sharePercent: "60" },
  managers: { name: "Slamet Riyadi", identityNumber: "3577011234560001", position: "Direktur", from: "2015-03-02", until: null },
  experts: { name: "Ir. Bambang Wijaya, M.T.", education: "S2 Teknik Sipil", expertise: "Ahli jalan dan jembatan", yearsOfExperience: 12, certificate: "SKK Ahli Madya Jalan" },
  equipment: { type: "Asphalt finisher", quantity: 1, capacity: "10 ton", brand: "Sakai", year: 2018, condition: "baik", ownership: "milik_sendiri" },
  experience: { contractName: "Peningkatan Jalan Desa Sidorejo", client: "Dinas PUPR Kabupaten Madiun", location: "Kabupaten Madiun", contractNumber: "602/123/2024", contractDate: "2024-05-10", value: "1250000000", completedOn: "2024-10-30" },
  "tax-reports": { type: "spt_tahunan", period: "2025", receiptNumber: "BPE-2025-000123", date: "2026-03-28" },
};

export const LICENCE_BODY = { kind: "NIB", number: "9120123456789", issuer: "OSS RBA", kbliCodes: ["41011", "42101"], validFrom: "2024-01-15", validUntil: null };

/** Operations that only a draft package allows: they point at agency A's draft rather than the published tender's package. */
const DRAFT_OPERATIONS = new Set(["PUT /api/v1/packages/{packageId}", "POST /api/v1/packages/{packageId}/documents"]);
/** Operations of the key ceremony before publication: they point at the draft sealed-bid package with the tender's Pokja. */
const SEALED_DRAFT_OPERATIONS = new Set(["GET /api/v1/packages/{packageId}/key-ceremony", "POST /api/v1/packages/{packageId}/tender-code"]);

async function expectCreated<T>(what: string, r: { status: number; text: string; body: unknown }): Promise<T> {
  if (r.status < 200 || r.status >= 300) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return r.body as T;
}

export async function uploadBytes(client: Client, url: string, bytes: Buffer) {
  return client.raw("POST", url, { payload: bytes, headers: { "content-type": "application/octet-stream", "x-csrf-token": await client.csrfToken() } });
}

/** Builds the fixtures once per file, with the real services and routes; the clock ends in Pemberian Penjelasan. */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.database.db;
  const ctx = publicationContext(t.deps.config);
  const documentIds: { package?: string; vendor?: string } = {};
  const tender = await buildPublishedTender(t, {}, async (packageId, ppk) => {
    const r = await uploadBytes(await loginAs(t, ppk), `/api/v1/packages/${packageId}/documents?kind=kak&name=KAK.pdf`, buildPdf());
    documentIds.package = (await expectCreated<{ id: string }>("package document", r)).id;
  });
  const agencyA = tender.agency.id;
  const agencyB = (await buildAgency(t)).id;

  const user = (role: Role, agencyId?: string) => buildUser(t, role, agencyId ? { agencyId } : {});
  const official = await user("pejabat_pengadaan", agencyA);
  const vendorA = await buildVendor(t, "verified", "CV Penyedia A");
  const vendorB = await buildVendor(t, "verified", "CV Penyedia B");

  // A Pengadaan Langsung of agency A, its official, vendor A invited.
  const unit = await createWorkUnit(db, null, agencyA, { code: "U2", name: "Bidang Umum" }, t.clock.now());
  const direct = await createPackage(db, actorOf(tender.ppk), {
    rupCode: "51234005", name: "Pengadaan Alat Tulis Kantor", workUnitId: unit.id, fiscalYear: 2027, fundingSource: "APBD", pagu: "45000000",
    category: "barang", method: "pengadaan_langsung", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "lumsum", kbliCodes: [], qualificationRequirements: "",
    hpsItems: [{ description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "300", unitPrice: "55000" }],
  }, t.clock.now());
  await assignCommittee(db, actorOf(tender.admin), direct.row.id, { kind: "pejabat_pengadaan", memberIds: [official.id], decreeNumber: "027/9/2026" }, t.clock.now());
  await invite(db, actorOf(official), direct.row.id, { vendorId: vendorA.vendorId, quotationDue: "2026-12-18T03:00:00Z" }, t.clock.now(), ctx);

  // A draft package of agency A for the operations that only a draft allows.
  const draft = await createPackage(db, actorOf(tender.ppk), {
    rupCode: "51234006", name: "Pengadaan Meja Kursi Kantor", workUnitId: unit.id, fiscalYear: 2027, fundingSource: "APBD", pagu: "150000000",
    category: "barang", method: "tender", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "lumsum", kbliCodes: [], qualificationRequirements: "",
    hpsItems: [{ description: "Meja kerja", unit: "unit", quantity: "20", unitPrice: "2500000" }],
  }, t.clock.now());

  // A draft sealed-bid package of agency A with the tender's Pokja, for the key ceremony before publication.
  const sealedDraft = await createPackage(db, actorOf(tender.ppk), {
    rupCode: "51234007", name: "Rehabilitasi Gedung Kantor Kelurahan", workUnitId: unit.id, fiscalYear: 2027, fundingSource: "APBD", pagu: "750000000",
    category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "harga_satuan", kbliCodes: ["41012"], qualificationRequirements: "SBU BG004",
    hpsItems: [{ description: "Pekerjaan atap", unit: "ls", quantity: "1", unitPrice: "700000000" }],
  }, t.clock.now());
  await assignCommittee(db, actorOf(tender.admin), sealedDraft.row.id, { kind: "pokja", memberIds: tender.pokja.map((p) => p.id), decreeNumber: "027/10/2026" }, t.clock.now());

  // Everyone logs in during Pemberian Penjelasan (sessions are judged by the server's clock).
  t.clock.set(new Date("2026-12-08T03:00:00Z"));
  const principalsSpec: {
    name: string; role: Role | null; agency: "A" | "B" | "other" | null; committee?: boolean; ownerVendor?: boolean; directOfficial?: boolean; assessor?: boolean; actionOwner?: boolean; user: TestUser | null;
  }[] = [
    { name: "anonymous", role: null, agency: null, user: null },
    { name: "kepala_lpse", role: "kepala_lpse", agency: null, user: await user("kepala_lpse") },
    { name: "admin_ppe", role: "admin_ppe", agency: null, user: await user("admin_ppe") },
    { name: "verifikator", role: "verifikator", agency: null, assessor: true, user: await user("verifikator") },
    { name: "helpdesk", role: "helpdesk", agency: null, actionOwner: true, user: await user("helpdesk") },
    { name: "auditor", role: "auditor", agency: null, user: await user("auditor") },
    { name: "admin_agency", role: "admin_agency", agency: "A", user: tender.admin },
    { name: "pa_kpa", role: "pa_kpa", agency: "A", user: await user("pa_kpa", agencyA) },
    { name: "ppk", role: "ppk", agency: "A", user: tender.ppk },
    { name: "pokja", role: "pokja", agency: "other", committee: true, user: tender.pokja[0] as TestUser },
    { name: "pejabat_pengadaan", role: "pejabat_pengadaan", agency: "A", directOfficial: true, user: official },
    { name: "vendor", role: "vendor", agency: null, ownerVendor: true, user: vendorA },
    { name: "admin_agency of agency B", role: "admin_agency", agency: "B", user: await user("admin_agency", agencyB) },
    { name: "pa_kpa of agency B", role: "pa_kpa", agency: "B", user: await user("pa_kpa", agencyB) },
    { name: "ppk of agency B", role: "ppk", agency: "B", user: await user("ppk", agencyB) },
    { name: "pokja of agency B", role: "pokja", agency: "B", user: await user("pokja", agencyB) },
    { name: "pejabat_pengadaan of agency B", role: "pejabat_pengadaan", agency: "B", user: await user("pejabat_pengadaan", agencyB) },
    { name: "another vendor", role: "vendor", agency: null, user: vendorB },
  ];
  const principals: Principal[] = [];
  for (const p of principalsSpec) {
    principals.push({ committee: false, ownerVendor: false, directOfficial: false, assessor: false, actionOwner: false, ...p, client: p.user ? await loginAs(t, p.user) : t.client() });
  }
  const clientOf = (name: string) => (principals.find((p) => p.name === name) as Principal).client;
  const vendorClient = clientOf("vendor");
  const admin = clientOf("admin_ppe");

  // Vendor A's data: a licence, one record of each kind, a document.
  const vendorBase = `/api/v1/vendors/${vendorA.vendorId}`;
  const licence = await expectCreated<{ id: string }>("licence", await vendorClient.post(`${vendorBase}/licences`, LICENCE_BODY));
  const recordIds: Record<string, string> = {};
  for (const [kind, body] of Object.entries(RECORD_BODIES)) recordIds[kind] = (await expectCreated<{ id: string }>(kind, await vendorClient.post(`${vendorBase}/${kind}`, body))).id;
  documentIds.vendor = (await expectCreated<{ id: string }>("vendor document", await uploadBytes(vendorClient, `${vendorBase}/documents?kind=akta_pendirian&name=Akta.pdf`, buildPdf("Akta")))).id;

  // An LPSE holiday, a notification and a mail for vendor A.
  await expectCreated("holiday", await admin.post("/api/v1/holidays", { date: "2027-08-17", name: "Hari Kemerdekaan RI", kind: "national" }));
  const { notificationId, mailId } = await db.transaction().execute((trx) =>
    notifyUser(trx, { userId: vendorA.id, kind: "test.notice", title: { id: "Pemberitahuan", en: "Notice" }, body: { id: "Isi", en: "Body" }, email: true }, t.clock.now(), { publicUrl: t.deps.config.publicUrl }),
  );
  const extraMail = await db.transaction().execute((trx) => enqueueMail(trx, { to: "penerima@uji.test", subject: "Uji", text: "Isi" }, t.clock.now()));

  // Pemberian Penjelasan: vendor A joins and asks.
  await expectCreated("participation", await vendorClient.post(`/api/v1/tenders/${tender.tenderCode}/participation`));
  const question = await expectCreated<{ id: string }>("question", await vendorClient.post(`/api/v1/tenders/${tender.tenderCode}/questions`, { question: "Apakah boleh memakai beton ready mix?" }));

  // The LPSE standards: a cycle opened by the Kepala LPSE, the Verifikator on its team, evidence (a link and a
  // file) for one criterion, a finding whose corrective action the Helpdesk owns.
  const standards = await buildStandardsCycle(principals, clientOf);

  const releases = (await t.client().get<{ releases: { id: string; ocid: string }[] }>("/api/v1/ocds/releases")).body.releases;
  const release = releases.find((r) => r.ocid.endsWith(tender.tenderCode)) ?? releases[0];
  const victim = await user("ppk", agencyA);
  const loginProbe = await user("helpdesk");

  // An account no caller uses, with one session: DELETE /auth/sessions/{sessionRef} names that session, so
  // every caller gets 404 (not its session) and none of the callers' sessions ends.
  const sessionHolder = await user("auditor");
  const holderSessions = await expectCreated<{ items: { ref: string }[] }>("sessions", await (await loginAs(t, sessionHolder)).get("/api/v1/auth/sessions"));
  const sessionRef = holderSessions.items[0]?.ref;

  // The helpdesk: a ticket filed on the public form by vendor A's user (its submitter), a published FAQ article.
  const ticketEmail = vendorA.email;
  const ticket = await expectCreated<{ id: string; code: string }>(
    "helpdesk ticket",
    await vendorClient.post("/api/v1/helpdesk/public/tickets", { name: "Slamet Riyadi", email: ticketEmail, subject: "Tidak bisa mengunggah dokumen", description: "Unggahan akta gagal dengan pesan galat.", userGroup: "vendor" }),
  );
  const article = await expectCreated<{ id: string }>(
    "helpdesk article",
    await clientOf("helpdesk").post("/api/v1/helpdesk/articles", { title: "Cara mengunggah dokumen", body: "Unggah berkas PDF paling besar sesuai batas unggahan.", category: "penyedia", status: "published" }),
  );
  const helpdesk = {
    ticketId: ticket.id, code: ticket.code, email: ticketEmail, articleId: article.id,
    assigneeId: (principals.find((p) => p.name === "helpdesk") as Principal).user?.id as string,
    escalationId: (principals.find((p) => p.name === "kepala_lpse") as Principal).user?.id as string,
  };

  // The registers: an asset with one risk (so deleting the asset is refused and reads keep finding it), a
  // mitigation task, and a change proposed by the helpdesk officer (the head and the administrator decide it).
  const registerAsset = await expectCreated<{ id: string }>(
    "register asset",
    await clientOf("admin_ppe").post("/api/v1/registers/assets", { code: "HW-SRV-01", name: "Server aplikasi", type: "hardware", owner: "Admin PPE", location: "Ruang server", confidentiality: 3, integrity: 3, availability: 3 }),
  );
  const registerRisk = await expectCreated<{ id: string }>(
    "register risk",
    await clientOf("admin_ppe").post("/api/v1/registers/risks", { assetId: registerAsset.id, title: "Catu daya gagal", description: "UPS tidak menahan beban.", impact: 3, threat: 2, vulnerability: 2, exposure: 2, treatment: "mitigate", owner: "Admin PPE" }),
  );
  const withTask = await expectCreated<{ tasks: { id: string }[] }>(
    "register risk task",
    await clientOf("admin_ppe").post(`/api/v1/registers/risks/${registerRisk.id}/tasks`, { action: "Ganti baterai UPS", owner: "Teknisi", dueDate: "2027-01-31", status: "open" }),
  );
  const registerChange = await expectCreated<{ id: string }>(
    "register change",
    await clientOf("helpdesk").post("/api/v1/registers/changes", { title: "Tambah memori server", description: "Menambah RAM server aplikasi menjadi 32 GB.", reason: "Beban puncak saat unggah penawaran." }),
  );
  const registers = { assetId: registerAsset.id, riskId: registerRisk.id, taskId: withTask.tasks[0]?.id as string, changeId: registerChange.id };
  // The operations registers: two access grants (one revoked, one reviewed) and a scan with one finding.
  const adminOps = clientOf("admin_ppe");
  const grantBody = { system: "Server aplikasi SPSE", level: "operator", reason: "Operator harian LPSE", grantedBy: "Kepala LPSE", startsOn: "2026-01-10", expiresOn: null };
  const accessGrant = await expectCreated<{ id: string }>("access grant", await adminOps.post("/api/v1/operations/access-grants", { ...grantBody, person: "Operator Satu" }));
  const reviewGrant = await expectCreated<{ id: string }>("access grant", await adminOps.post("/api/v1/operations/access-grants", { ...grantBody, person: "Operator Dua" }));
  const scan = await expectCreated<{ id: string; findings: { id: string }[] }>(
    "vulnerability scan",
    await adminOps.post("/api/v1/operations/scans", { scannedOn: "2026-11-01", tool: "OpenVAS 23", scope: "lpse.example.go.id", findings: [{ title: "Header HSTS tidak ada", severity: "medium", dueOn: "2026-12-15" }] }),
  );
  const surveys = await buildSurveyWorld(adminOps, vendorClient);
  const compliance = await buildComplianceWorld(clientOf("admin_ppe"));
  const people = await buildPeopleWorld(adminOps, clientOf("kepala_lpse"), t.clock.now());
  const operations = { grantId: accessGrant.id, reviewGrantId: reviewGrant.id, scanId: scan.id, findingId: scan.findings[0]?.id as string };
  const budgetSuppliers = await buildBudgetSuppliersWorld(adminOps, registerAsset.id);

  const shared: Record<string, string | undefined> = {
    agencyId: agencyA,
    userId: victim.id,
    date: "2027-08-17",
    notificationId,
    mailId: mailId ?? extraMail,
    vendorId: vendorA.vendorId,
    licenceId: licence.id,
    tenderCode: tender.tenderCode,
    questionId: question.id,
    releaseId: release?.id,
    ocid: release?.ocid,
    kind: "evaluasi",
    version: String(CURRENT_CATALOG_VERSION),
    cycleId: standards.cycleId,
    standardCode: standards.standardCode,
    criterionCode: standards.criterionCode,
    evidenceId: standards.evidenceId,
    findingId: standards.findingId,
    templateId: standards.templateId,
    sessionRef,
    ticketId: ticket.id,
    articleId: article.id,
    ...registers,
    grantId: operations.grantId,
    scanId: operations.scanId,
    staffId: people.staffId,
    trainingId: people.trainingId,
    permitId: people.permitId,
    visitId: people.visitId,
    ...budgetSuppliersParams(budgetSuppliers),
    ...surveys,
    ...compliance,
  };
  const world: World = {
    principals,
    tenderCode: tender.tenderCode,
    packageId: tender.packageId,
    directPackageId: direct.row.id,
    workUnitId: unit.id,
    agencyA,
    directItemIds: direct.items.map((i) => i.id),
    vendorA,
    victim,
    loginProbe,
    standards,
    sessionHolder,
    helpdesk,
    registers,
    operations,
    people,
    budgetSuppliers,
    surveys,
    compliance,
    pathOf(op) {
      return concretePath(op, (name) => world.param(op, name));
    },
    param(op, name) {
      if (name === "packageId") {
        if (op.path.includes("/direct")) return direct.row.id;
        if (SEALED_DRAFT_OPERATIONS.has(op.key)) return sealedDraft.row.id;
        return DRAFT_OPERATIONS.has(op.key) ? draft.row.id : tender.packageId;
      }
      if (name === "documentId") return op.path.startsWith("/api/v1/vendors/") ? documentIds.vendor : documentIds.package;
      if (name === "recordId") return recordIds[op.path.split("/")[5] ?? ""];
      if (name === "findingId" && op.path.startsWith("/api/v1/operations/")) return operations.findingId;
      return shared[name];
    },
  };
  return world;
}

/** The standards cycle of the fixture world, built through the routes as its Kepala LPSE and team would. */
async function buildStandardsCycle(principals: readonly Principal[], clientOf: (name: string) => Client) {
  const userOf = (name: string) => (principals.find((p) => p.name === name) as Principal).user as TestUser;
  const head = clientOf("kepala_lpse");
  const assessor = clientOf("verifikator");
  const catalog = catalogVersion(CURRENT_CATALOG_VERSION);
  const standard = catalog?.standards[0];
  const criterion = standard?.criteria[0];
  if (!standard || !criterion) throw new Error("fixture standards: the current catalog has no criterion");
  const cycle = await expectCreated<{ id: string }>("standards cycle", await head.post("/api/v1/standards/cycles", { period: "2026" }));
  const base = `/api/v1/standards/cycles/${cycle.id}`;
  await expectCreated("standards team", await head.put(`${base}/team`, { memberIds: [userOf("verifikator").id] }));
  await expectCreated("evidence link", await assessor.post(`${base}/criteria/${criterion.code}/evidence/links`, { title: "Halaman pengumuman", url: "/tender" }));
  const evidence = await expectCreated<{ id: string }>("evidence file", await uploadBytes(assessor, `${base}/criteria/${criterion.code}/evidence/files?name=SK%20Tim.pdf`, buildPdf("SK")));
  const raised = await expectCreated<{ findings: { id: string }[] }>(
    "finding",
    await assessor.post(`${base}/findings`, {
      standardCode: standard.code, criterionCode: criterion.code, description: "Bukti layanan bantuan belum lengkap", action: "Lengkapi catatan layanan bantuan", priority: "medium",
      ownerId: userOf("helpdesk").id, dueDate: "2027-03-31",
    }),
  );
  const finding = raised.findings[0];
  if (!finding) throw new Error("fixture standards: the finding is missing from the cycle");
  // A peer LPSE known from its signed summary, and a template it published, recorded by the Kepala LPSE.
  const imported = await expectCreated<{ peer: { id: string } }>("peer summary", await head.post("/api/v1/standards/peers/summaries", signedPeerSummary("LPSE Kota Madiun", "2026")));
  const template = await expectCreated<{ id: string }>(
    "template",
    await uploadBytes(head, `/api/v1/standards/templates?title=SOP%20Layanan&criterionCode=${criterion.code}&name=SOP.pdf&peerId=${imported.peer.id}`, buildPdf("SOP")),
  );
  return {
    peerId: imported.peer.id, templateId: template.id,
    cycleId: cycle.id, assessorId: userOf("verifikator").id, actionOwnerId: userOf("helpdesk").id, standardCode: standard.code, criterionCode: criterion.code,
    evidenceId: evidence.id, findingId: finding.id,
  };
}

/** A peer's signed-off summary, signed with a key of the peer's own installation (a fresh one each call). */
export function signedPeerSummary(name: string, period: string) {
  const catalog = catalogVersion(CURRENT_CATALOG_VERSION);
  const summary: AssessmentSummary = {
    format: SUMMARY_FORMAT, lpse: { name, region: "Jawa Timur" }, period, catalogVersion: CURRENT_CATALOG_VERSION, signedOffAt: "2026-12-01T03:00:00.000Z",
    metCount: catalog?.standards.length ?? 0, standardCount: catalog?.standards.length ?? 0, standards: (catalog?.standards ?? []).map((s) => ({ code: s.code, met: true, lkpp: null })),
  };
  return signSummary(summary, generateKeyPairSync("ed25519").privateKey);
}
