import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, fieldError } from "../../server/errors.js";
import type { TenderKeyInput } from "../bids/bids.schemas.js";
import { storeTenderKey } from "../bids/keys.service.js";
import { findAssignment } from "../packages/assignment.repository.js";
import { rupiahString } from "../packages/money.js";
import * as packages from "../packages/packages.repository.js";
import { recordRelease } from "../ocds/ocds.service.js";
import { checkSchedule } from "./schedule.service.js";
import type { PublicationContext } from "./publication-context.js";
import { insertDocument } from "./participation.repository.js";
import * as repo from "./tenders.repository.js";

/** Public tender codes: the fiscal year and a running number, e.g. 202700042. */
function tenderCode(fiscalYear: number, sequence: number): string {
  return `${fiscalYear}${String(sequence).padStart(5, "0")}`;
}

/** Methods whose bids are sealed to a tender key: the key is made at publication. */
export const SEALED_BID_METHODS: readonly string[] = ["tender", "tender_cepat", "seleksi"];

/**
 * Reserve the tender's public code before publication, so the key ceremony can bind the shares to it
 * (src/crypto/keys.ts) and publication can carry the key. Reserving twice gives the same code.
 */
export async function reserveTenderCode(db: Kysely<DB>, actor: Actor, packageId: string, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const pkg = await packages.findPackage(trx, packageId);
    if (!pkg) throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
    if (pkg.tender_code) return pkg.tender_code;
    const code = tenderCode(pkg.fiscal_year, await repo.nextCounter(trx, "tender_code"));
    await packages.updatePackage(trx, packageId, { tender_code: code, updated_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "tender.code_reserved", subject: { type: "package", id: packageId }, payload: { tenderCode: code } }, now);
    return code;
  });
}

/**
 * Publish the tender: the committee is assigned, the schedule holds against the calendar at this moment,
 * and the public code is issued (or the reserved one used), all in one transaction with the public
 * event. With the key ceremony's result, the tender key and the sealed shares are stored in the same
 * transaction: the tender is never public without the key its bids are sealed to. The server stores only
 * the public key and the encrypted shares. `"later"` (the demo data and test fixtures, which have no
 * member's browser at hand) publishes without the key; the committee then makes it with
 * PUT /tenders/:code/tender-key, and bids are refused until it exists.
 */
export async function publishTender(db: Kysely<DB>, actor: Actor, packageId: string, now: Date, context: PublicationContext, key: { tenderKey: TenderKeyInput | null } | "later" = "later") {
  const tenderKey = key === "later" ? null : key.tenderKey;
  return db.transaction().execute(async (trx) => {
    const pkg = await packages.findPackage(trx, packageId);
    if (!pkg) throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
    if (pkg.status !== "draft") throw new AppError("CONFLICT", { id: `Tender sudah diumumkan dengan kode ${pkg.tender_code}`, en: `The tender is already published as ${pkg.tender_code}` });
    if (!(await findAssignment(trx, packageId))) {
      throw new AppError("CONFLICT", { id: "Paket belum memiliki Pokja atau Pejabat Pengadaan", en: "The package has no Pokja or Pejabat Pengadaan yet" });
    }
    const windows = await repo.readSchedule(trx, packageId);
    if (windows.length === 0) throw new AppError("CONFLICT", { id: "Jadwal tender belum disusun", en: "The tender has no schedule yet" });
    await checkSchedule(trx, pkg, windows, now);
    if (!tenderKey && key !== "later" && SEALED_BID_METHODS.includes(pkg.method)) {
      throw fieldError("body.tenderKey", {
        id: "wajib: kunci tender dibuat saat pengumuman (upacara kunci di peramban anggota Pokja)",
        en: "required: the tender key is made at publication (the key ceremony in a Pokja member's browser)",
      });
    }
    if (tenderKey && !pkg.tender_code) {
      throw fieldError("body.tenderKey", { id: "kode tender belum dipesan untuk upacara kunci", en: "no tender code has been reserved for the key ceremony" });
    }
    const code = pkg.tender_code ?? tenderCode(pkg.fiscal_year, await repo.nextCounter(trx, "tender_code"));
    const at = now.toISOString();
    await packages.updatePackage(trx, packageId, { status: "published", tender_code: code, published_at: at, updated_at: at });
    // The tender document as published is version 0: the package's files, named by their hashes, so that
    // what the addenda change, and what the vendors downloaded, can be checked against the log.
    const files = await trx.selectFrom("package_documents").select(["kind", "original_name", "sha256", "size"]).where("package_id", "=", packageId).orderBy("uploaded_at").orderBy("id").execute();
    await insertDocument(trx, {
      id: randomUUID(),
      package_id: packageId,
      version: 0,
      kind: "dokumen_pemilihan",
      title: "Dokumen Pemilihan",
      content: files.map((f) => `${f.original_name} (${f.kind}, ${f.size} bytes, SHA-256 ${f.sha256})`).join("\n"),
      published_by: actor.id,
      published_at: at,
    });
    await appendEvent(
      trx,
      {
        actorId: actor.id,
        type: "tender.published",
        subject: { type: "package", id: packageId },
        payload: {
          tenderCode: code,
          name: pkg.name,
          agency: pkg.agency_name,
          method: pkg.method,
          category: pkg.category,
          pagu: rupiahString(BigInt(pkg.pagu_sen)),
          hps: rupiahString(BigInt(pkg.hps_sen)),
          schedule: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
          documents: files.map((f) => ({ kind: f.kind, name: f.original_name, sha256: f.sha256 })),
        },
        visibility: "public",
      },
      now,
    );
    if (tenderKey) await storeTenderKey(trx, actor, { id: packageId, code }, tenderKey, now, "body.tenderKey");
    await recordRelease(trx, { packageId, tag: ["planning", "tender"] }, now, context);
    return code;
  });
}
