import { generateKeyPairSync } from "node:crypto";
import { Readable } from "node:stream";
import { actorOf } from "../modules/auth/session.hook.js";
import { CATALOG_V1 } from "../modules/standards/catalog/v1.js";
import { importSummary, recordVisit } from "../modules/standards/peers.service.js";
import { type AssessmentSummary, SUMMARY_FORMAT, signSummary } from "../modules/standards/peers.summary.js";
import * as standards from "../modules/standards/standards.service.js";
import { publishTemplate } from "../modules/standards/templates.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";
import type { AppDeps } from "../server/app.js";
import type { Actor } from "../server/actor.js";
import { DEMO_PROFILES } from "./demo-data.js";
import { onePagePdf } from "./seed-peers.js";

/** Ngawi's gaps: 6 standards not met, so 11 of 17, among them network security (S11) and the internal assessment team (S17). */
export const NGAWI_GAPS = new Set(["S04", "S08", "S11", "S12", "S14", "S17"]);
const DAY = 86_400_000;
const dateIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

async function actor(deps: Pick<AppDeps, "database">, email: string): Promise<Actor> {
  const row = await unsafeFindUserByEmail(deps.database.db, email);
  const user = row ? await findUserById(deps.database.db, row.id) : undefined;
  if (!user) throw new Error(`demo user ${email} is missing`);
  return actorOf(user, "");
}

/**
 * Kabupaten Ngawi's own installation: its 2025 cycle signed off at 11 of 17; the 2026 cycle open, with the gaps
 * still not met and open findings on server and network security and on the internal assessment team; Kota
 * Madiun (17 of 17) as a peer with the SOP Ngawi wants to adopt; and Ngawi's study visit to Madiun, whose
 * follow-up actions are linked to the two findings.
 */
export async function seedDemoNgawi(deps: Pick<AppDeps, "database" | "fileStore">, emails: { head: string; admin: string; helpdesk: string; verifier: string }, now: Date): Promise<void> {
  const db = deps.database.db;
  const [head, admin, helpdesk, verifier] = await Promise.all([actor(deps, emails.head), actor(deps, emails.admin), actor(deps, emails.helpdesk), actor(deps, emails.verifier)]);
  const firstOfGap = new Set(CATALOG_V1.standards.filter((s) => NGAWI_GAPS.has(s.code)).map((s) => s.criteria[0]?.code));
  const assessAll = async (cycleId: string, by: Actor) => {
    for (const code of CATALOG_V1.standards.flatMap((s) => s.criteria.map((k) => k.code))) {
      const gap = firstOfGap.has(code) || code === "S11.2";
      await standards.assessCriterion(db, by, cycleId, code, gap ? { status: "not_met", notes: "Belum ada bukti yang memadai." } : { status: "met", notes: "Dokumen dan catatan sesuai." }, now);
    }
  };

  const lastYear = await standards.openCycle(db, head, { period: "2025" }, now);
  await standards.appointTeam(db, head, lastYear, [admin.id, helpdesk.id], now);
  await assessAll(lastYear, admin);
  await standards.signOff(db, head, lastYear, "Sebelas standar terpenuhi; enam standar menjadi rencana tindak lanjut 2026.", now);

  const thisYear = await standards.openCycle(db, head, { period: "2026" }, now);
  await standards.appointTeam(db, head, thisYear, [admin.id, helpdesk.id, verifier.id], now);
  await assessAll(thisYear, admin);
  const network = await standards.raiseFinding(db, admin, thisYear, {
    standardCode: "S11", criterionCode: "S11.2", description: "Server dan perangkat jaringan belum pernah dipindai kerentanannya; pembaruan keamanan tidak dicatat.",
    action: "Jalankan pemindaian kerentanan bulanan, tutup celah kritis dan catat setiap patch.", priority: "high", ownerId: admin.id, dueDate: dateIn(now, 60),
  }, now);
  const team = await standards.raiseFinding(db, verifier, thisYear, {
    standardCode: "S17", criterionCode: "S17.1", description: "Tim penilai internal belum ditetapkan dengan SK Kepala LPSE dan belum ada SOP penilaian internal.",
    action: "Tetapkan SK tim penilai internal dengan koordinator per standar dan susun SOP penilaian internal.", priority: "high", ownerId: head.id, dueDate: dateIn(now, 45),
  }, now);

  const summary: AssessmentSummary = {
    format: SUMMARY_FORMAT, lpse: { name: DEMO_PROFILES.madiun.lpse.name, region: DEMO_PROFILES.madiun.lpse.region }, period: "2025", catalogVersion: CATALOG_V1.version,
    signedOffAt: new Date(now.getTime() - 30 * DAY).toISOString(), metCount: CATALOG_V1.standards.length, standardCount: CATALOG_V1.standards.length,
    standards: CATALOG_V1.standards.map((s) => ({ code: s.code, met: true, lkpp: null })),
  };
  const madiun = await importSummary(db, head, signSummary(summary, generateKeyPairSync("ed25519").privateKey), now);
  for (const t of [
    { title: "SOP Pemindaian Kerentanan Bulanan", criterionCode: "S11.2", description: "Jadwal, alat, pelaporan dan tindak lanjut pemindaian kerentanan server dan jaringan (LPSE Kota Madiun)." },
    { title: "SK dan SOP Tim Penilai Internal", criterionCode: "S17.1", description: "Contoh SK tim penilai internal dengan koordinator per standar dan SOP penilaiannya (LPSE Kota Madiun)." },
  ]) {
    const bytes = onePagePdf(t.title);
    const stored = await deps.fileStore.put(Readable.from([bytes]), bytes.length);
    await publishTemplate(db, head, { peerId: madiun, ...t, file: { name: `${t.title}.pdf`, contentType: "application/pdf", size: stored.size, sha256: stored.sha256 } }, now);
  }
  await recordVisit(db, head, {
    peerId: madiun, direction: "outgoing", visitedOn: dateIn(now, -14),
    participants: "Kepala LPSE Kabupaten Ngawi dan tim penilai internal", standards: ["S11", "S17"],
    notes: "Belajar pemindaian kerentanan bulanan dan cara kerja tim penilai internal LPSE Kota Madiun.",
    actions: [
      { description: "Salin SOP pemindaian kerentanan Madiun dan jalankan pemindaian pertama", findingId: network },
      { description: "Tetapkan SK tim penilai internal dengan koordinator per standar seperti Madiun", findingId: team },
    ],
  }, now);
}
