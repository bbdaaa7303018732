import { generateKeyPairSync } from "node:crypto";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { CATALOG_V1 } from "../modules/standards/catalog/v1.js";
import { importSummary, recordVisit } from "../modules/standards/peers.service.js";
import { type AssessmentSummary, SUMMARY_FORMAT, signSummary } from "../modules/standards/peers.summary.js";
import { publishTemplate } from "../modules/standards/templates.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";
import type { FileStore } from "../storage/file-store.js";
import { DEMO_PROFILES } from "./demo-data.js";

const DOMAIN = DEMO_PROFILES.madiun.domain;
/** Ngawi's gaps in its 2025 cycle: 6 standards not met, so 11 of 17 (among them network security, S11, and the internal assessment team, S17). */
const NGAWI_GAPS = new Set(["S04", "S08", "S11", "S12", "S14", "S17"]);

/** A one-page PDF with a title line, so the demo templates open in any reader. */
export function onePagePdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 770 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const TEMPLATES = [
  { title: "Formulir Permohonan Akses Server", criterionCode: "S10.1", description: "Formulir yang dipakai LPSE Kabupaten Ngawi untuk permohonan dan peninjauan akses." },
  { title: "SOP Layanan Bantuan", criterionCode: "S05.1", description: "Alur penerimaan, klasifikasi dan penyelesaian tiket layanan bantuan." },
];
/** Kota Madiun's own published template: the one Ngawi's head wants to learn from. */
const OWN_TEMPLATE = { title: "SOP Pemindaian Kerentanan Bulanan", criterionCode: "S11.2", description: "Jadwal, alat, pelaporan dan tindak lanjut pemindaian kerentanan server dan jaringan." };

/**
 * Kabupaten Ngawi as a peer of the Kota Madiun demo LPSE: its 2025 summary (11 of 17), signed with a key of
 * its own installation and imported as any peer's would be; templates it published; Kota Madiun's own
 * template; and Ngawi's study visit to Madiun on network security and the internal assessment team.
 */
export async function seedDemoPeers(db: Kysely<DB>, files: FileStore, now: Date): Promise<void> {
  const row = await unsafeFindUserByEmail(db, `kepala@${DOMAIN}`);
  const user = row ? await findUserById(db, row.id) : undefined;
  if (!user) throw new Error("demo user kepala is missing");
  const head = actorOf(user, "");
  const summary: AssessmentSummary = {
    format: SUMMARY_FORMAT, lpse: { name: "LPSE Kabupaten Ngawi", region: "Kabupaten Ngawi, Jawa Timur" }, period: "2025", catalogVersion: CATALOG_V1.version,
    signedOffAt: new Date(now.getTime() - 30 * 86_400_000).toISOString(), metCount: CATALOG_V1.standards.length - NGAWI_GAPS.size, standardCount: CATALOG_V1.standards.length,
    standards: CATALOG_V1.standards.map((s) => ({ code: s.code, met: !NGAWI_GAPS.has(s.code), lkpp: null })),
  };
  const ngawiKey = generateKeyPairSync("ed25519").privateKey;
  const peerId = await importSummary(db, head, signSummary(summary, ngawiKey), now);
  const store = async (title: string) => {
    const bytes = onePagePdf(title);
    const stored = await files.put(Readable.from([bytes]), bytes.length);
    return { name: `${title}.pdf`, contentType: "application/pdf", size: stored.size, sha256: stored.sha256 };
  };
  for (const t of TEMPLATES) await publishTemplate(db, head, { peerId, ...t, file: await store(t.title) }, now);
  await publishTemplate(db, head, { peerId: null, ...OWN_TEMPLATE, file: await store(OWN_TEMPLATE.title) }, now);
  await recordVisit(db, head, {
    peerId, direction: "incoming", visitedOn: new Date(now.getTime() - 14 * 86_400_000).toISOString().slice(0, 10),
    participants: "Kepala LPSE Kabupaten Ngawi dan tiga anggota tim penilai internal", standards: ["S11", "S17"],
    notes: "Ngawi mempelajari pemindaian kerentanan bulanan dan cara kerja tim penilai internal Madiun.",
    actions: [
      { description: "Ngawi menyalin SOP pemindaian kerentanan Madiun untuk standar 11" },
      { description: "Ngawi membentuk tim penilai internal dengan koordinator per standar (standar 17)" },
    ],
  }, now);
}
