import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { CATALOG_V1 } from "../modules/standards/catalog/v1.js";
import * as standards from "../modules/standards/standards.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";
import type { Actor } from "../server/actor.js";
import { DEMO_PROFILES } from "./demo-data.js";

const DOMAIN = DEMO_PROFILES.madiun.domain;

async function actor(db: Kysely<DB>, localPart: string): Promise<Actor> {
  const row = await unsafeFindUserByEmail(db, `${localPart}@${DOMAIN}`);
  const user = row ? await findUserById(db, row.id) : undefined;
  if (!user) throw new Error(`demo user ${localPart} is missing`);
  return actorOf(user, "");
}

/** Where the platform itself shows the evidence of a standard (a link to the page, in place of a document). */
const PLATFORM_EVIDENCE: Record<string, { title: string; url: string }> = {
  "S01.3": { title: "Register peraturan", url: "/app/peraturan" },
  "S05.1": { title: "Notifikasi dan kotak surat platform", url: "/app/notifikasi" },
  "S06.3": { title: "Log kejadian platform (pemutakhiran tercatat)", url: "/app/log" },
  "S11.3": { title: "Log kejadian platform", url: "/app/log" },
  "S16.1": { title: "Register peraturan dan SOP", url: "/app/peraturan" },
  "S16.2": { title: "Register lisensi perangkat lunak dan pemasangannya", url: "/app/lisensi" },
  "S17.1": { title: "Tim penilai internal pada siklus ini", url: "/app/standar" },
};

/**
 * Kota Madiun's internal assessment of 2025: the whole team, every criterion met with notes, a finding on
 * server and network security closed and verified, signed off by the Kepala LPSE (17 of 17) and confirmed
 * by LKPP's letters.
 */
export async function seedDemoStandards(db: Kysely<DB>, now: Date): Promise<void> {
  const head = await actor(db, "kepala");
  const admin = await actor(db, "admin");
  const helpdesk = await actor(db, "helpdesk");
  const verifier = await actor(db, "verifikator");
  const cycleId = await standards.openCycle(db, head, { period: "2025" }, now);
  await standards.appointTeam(db, head, cycleId, [admin.id, helpdesk.id, verifier.id], now);
  const team = [admin, helpdesk, verifier];
  for (const standard of CATALOG_V1.standards) {
    const coordinator = team[standard.number % team.length] as Actor;
    await standards.appointCoordinator(db, head, cycleId, standard.code, coordinator.id, now);
    for (const criterion of standard.criteria) {
      await standards.assessCriterion(db, coordinator, cycleId, criterion.code, { status: "met", notes: `Diperiksa oleh koordinator standar ${standard.number}; dokumen dan catatan sesuai.` }, now);
      const link = PLATFORM_EVIDENCE[criterion.code];
      if (link) await standards.addEvidence(db, coordinator, cycleId, criterion.code, { kind: "link", title: link.title, url: link.url, contentType: null, size: null, sha256: null }, now);
    }
  }
  const findingId = await standards.raiseFinding(
    db,
    admin,
    cycleId,
    { standardCode: "S11", criterionCode: "S11.2", description: "Hasil pemindaian kerentanan triwulan III belum diarsipkan.", action: "Arsipkan laporan pemindaian dan jadwalkan pemindaian bulanan.", priority: "medium", ownerId: helpdesk.id, dueDate: "2025-11-28" },
    now,
  );
  await standards.markActionDone(db, helpdesk, cycleId, findingId, "Laporan diarsipkan; pemindaian bulanan terjadwal di kalender tim.", now);
  await standards.verifyAction(db, admin, cycleId, findingId, "Arsip dan jadwal diperiksa.", now);
  await standards.signOff(db, head, cycleId, "Seluruh 17 standar terpenuhi.", now);
  for (const standard of CATALOG_V1.standards) {
    await standards.recordLkpp(db, head, cycleId, standard.code, { result: "met", letterNumber: "027/1289/LKPP/D.3/2026", letterDate: now.toISOString().slice(0, 10) }, now);
  }
}
