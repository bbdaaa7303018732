import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../src/db/schema.js";
import { newSessionToken } from "../src/modules/auth/session.hook.js";
import { joinTender } from "../src/modules/tenders/participation.service.js";
import { insertVendor } from "../src/modules/vendors/vendors.repository.js";
import type { TestApp } from "../test/support/app.js";
import { buildVendor, loginAs, type TestUser } from "../test/support/factories.js";
import { giveOpeningKeys, runCeremonyAs } from "../test/support/sealed-bids.js";
import { pascaSchedule } from "../test/support/schedule.js";
import { buildPublishedTender } from "../test/support/tenders.js";

/*
 * The surge's fixture, made with the real services and the suite's factories: a published sealed-bid tender
 * with its key, and N verified vendors that joined it, each with a signed-in session. Vendors after the
 * first share its password hash and get their session row directly: N argon2 hashes and logins would be the
 * setup's whole cost and are not what the surge measures.
 */

export interface SurgeVendor {
  vendorId: string;
  /** The session cookie's value. */
  token: string;
}

export interface SurgeFixture {
  packageId: string;
  tenderCode: string;
  tenderPublicKey: string;
  vendors: SurgeVendor[];
}

export async function buildSurgeFixture(t: TestApp, vendorCount: number): Promise<SurgeFixture> {
  const db = t.deps.database.db;
  const tender = await buildPublishedTender(t);
  await giveOpeningKeys(t, tender.pokja);
  const { publicKey } = await runCeremonyAs(await loginAs(t, tender.pokja[0] as TestUser), tender.tenderCode);
  const first = await buildVendor(t, "verified", "CV Lonjakan 1");
  const template = await db.selectFrom("users").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
  const vendors: SurgeVendor[] = [];
  // Vendors join while documents can be downloaded (the fixture's schedule, on the test clock); their sessions
  // are judged by the server's real clock.
  const joinedAt = new Date(Date.parse(pascaSchedule()[1]?.startsAt ?? "") + 3_600_000);
  const now = new Date();
  const expires = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  for (let i = 0; i < vendorCount; i++) {
    let userId = first.id;
    let vendorId = first.vendorId;
    if (i > 0) {
      vendorId = randomUUID();
      userId = randomUUID();
      await insertVendor(db, { id: vendorId, name: `CV Lonjakan ${i + 1}`, business_form: "CV", npwp: String(100_000_000_000_000 + i), status: "verified", verified_at: now.toISOString(), created_at: now.toISOString(), updated_at: now.toISOString() });
      await db.insertInto("users").values({ ...template, id: userId, email: `lonjakan.${i + 1}@uji.test`, name: `Direktur CV Lonjakan ${i + 1}`, vendor_id: vendorId }).execute();
    }
    await joinTender(db, { id: userId, name: "vendor", email: "", role: "vendor", agencyId: null, vendorId, sessionId: "" }, tender.tenderCode, joinedAt);
    const { token, id } = newSessionToken();
    await db.insertInto("sessions").values({ id, user_id: userId, created_at: now.toISOString(), expires_at: expires, last_seen_at: now.toISOString(), revoked_at: null, second_factor_done: 1, pending_totp_secret: null, ip: null, user_agent: "bench" }).execute();
    vendors.push({ vendorId, token });
  }
  return { packageId: tender.packageId, tenderCode: tender.tenderCode, tenderPublicKey: publicKey, vendors };
}

/**
 * Lays the schedule out on the real clock so that Upload Dokumen Penawaran closes at `deadline` (it opened
 * an hour before): earlier stages end before it, later ones follow an hour each.
 */
export async function closeBiddingAt(db: Kysely<DB>, packageId: string, deadline: Date): Promise<void> {
  const windows = await db.selectFrom("package_schedules").select(["position", "stage"]).where("package_id", "=", packageId).orderBy("position").execute();
  const upload = windows.findIndex((w) => w.stage === "upload_penawaran");
  const hour = 3_600_000;
  for (const [i, w] of windows.entries()) {
    const end = deadline.getTime() + (i - upload) * hour;
    await db
      .updateTable("package_schedules")
      .set({ starts_at: new Date(end - hour).toISOString(), ends_at: new Date(end).toISOString() })
      .where("package_id", "=", packageId)
      .where("position", "=", w.position)
      .execute();
  }
}
