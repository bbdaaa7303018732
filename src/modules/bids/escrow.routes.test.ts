import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { giveOpeningKeys, sealEnvelope, unlockShare, uploadEnvelope } from "../../../test/support/sealed-bids.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import { runKeyCeremony } from "../../crypto/keys.js";
import { getSettings, updateSettings } from "../settings/settings.service.js";
import { joinTender } from "../tenders/participation.service.js";

const at = (iso: string) => new Date(iso);

interface Ceremony {
  tenderCode: string | null;
  threshold: number;
  members: { userId: string }[];
  escrow: { userId: string; name: string; publicKey: string | null } | null;
}

describe("the key made at publication, with the escrow share of the head of the LPSE", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let head: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ now: at("2026-11-26T03:00:00Z") });
    const settings = await getSettings(t.deps.database.db);
    await updateSettings(t.deps.database.db, null, { ...settings, security: { ...settings.security, tenderKeyEscrow: true } }, t.clock.now());
  });
  afterAll(() => t.close());

  it("refuses publication until the escrow holder exists and has an opening key, then stores one share more than the committee", async () => {
    tender = await buildPublishedTender(t, { keyAtPublication: true }, async (packageId, _ppk, pokja) => {
      const lead = await loginAs(t, pokja[0] as TestUser);
      // No head of the LPSE yet: the escrow share has no holder.
      const none = expectProblem(await lead.get(`/api/v1/packages/${packageId}/key-ceremony`), 409, "CONFLICT");
      expect(none.messages.id).toContain("Kepala LPSE");
      head = await buildUser(t, "kepala_lpse", { name: "Kepala LPSE Uji" });
      const view = await lead.get<Ceremony>(`/api/v1/packages/${packageId}/key-ceremony`);
      expect(view.status, view.text).toBe(200);
      expect(view.body).toMatchObject({ tenderCode: null, threshold: 2, escrow: { userId: head.id, name: "Kepala LPSE Uji", publicKey: null } });
      expect(view.body.members).toHaveLength(3);
      // The head has no opening key yet: the server names the holders without one, nothing is published.
      await giveOpeningKeys(t, pokja);
      const code = (await lead.post<{ tenderCode: string }>(`/api/v1/packages/${packageId}/tender-code`)).body.tenderCode;
      const ready = (await lead.get<{ members: { userId: string; publicKey: string }[] }>(`/api/v1/packages/${packageId}/key-ceremony`)).body.members;
      // A ceremony client that skipped the head (sealing its share to a member's key instead).
      const skipped = await runKeyCeremony(code, [...ready, { userId: head.id, publicKey: (ready[0] as { publicKey: string }).publicKey }]);
      const refused = expectProblem(await lead.post(`/api/v1/packages/${packageId}/publish`, { tenderKey: skipped }), 409, "CONFLICT");
      expect(refused.messages.id).toContain("Kepala LPSE Uji");
      expect((await t.deps.database.db.selectFrom("packages").select("status").where("id", "=", packageId).executeTakeFirstOrThrow()).status).toBe("draft");
      await giveOpeningKeys(t, [head]);
    });
    const key = await t.client().get<{ threshold: number; members: number; escrow: boolean }>(`/api/v1/public/tenders/${tender.tenderCode}/key`);
    // Three members and the escrow share; still two shares to open, as for the committee alone.
    expect(key.body).toMatchObject({ threshold: 2, members: 3, escrow: true });
    expect(await t.deps.database.db.selectFrom("tender_key_shares").select("user_id").where("user_id", "=", head.id).execute()).toHaveLength(1);
    const event = await t.deps.database.db.selectFrom("events").select("payload").where("type", "=", "tender.key_published").executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({ escrow: { userId: head.id } });
    expect((await (await loginAs(t, head)).get<{ escrowHolder: boolean; committee: boolean }>(`/api/v1/tenders/${tender.tenderCode}/viewer`)).body).toEqual({ participant: false, committee: false, escrowHolder: true });
  });

  it("lets the head stand in for a member at opening, never open alone, and no other head take part", async () => {
    const vendor = await buildVendor(t, "verified", "CV Titipan");
    await joinTender(t.deps.database.db, { ...actorOf(vendor), vendorId: vendor.vendorId }, tender.tenderCode, at("2026-12-01T03:00:00Z"));
    const publicKey = (await t.client().get<{ publicKey: string }>(`/api/v1/public/tenders/${tender.tenderCode}/key`)).body.publicKey;
    t.clock.set(at("2026-12-09T03:00:00Z"));
    const envelope = await sealEnvelope(tender.tenderCode, vendor.vendorId, publicKey, { price: "1700000000", items: [], validityDays: 60, files: [] }, []);
    expect((await uploadEnvelope(await loginAs(t, vendor), tender.tenderCode, envelope)).status).toBe(201);

    t.clock.set(at("2026-12-11T07:30:00Z"));
    const escrow = await unlockShare(t, head, tender.tenderCode);
    const alone = await escrow.client.post<{ received: number; threshold: number; opened: boolean }>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: escrow.share });
    expect(alone.status, alone.text).toBe(200);
    expect(alone.body).toEqual({ received: 1, threshold: 2, opened: false });
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/opening`), 404, "NOT_FOUND");

    // Another head of the LPSE (a successor's account, say) holds no share of this tender.
    const other = await loginAs(t, await buildUser(t, "kepala_lpse"));
    expectProblem(await other.get(`/api/v1/tenders/${tender.tenderCode}/key-share`), 403, "FORBIDDEN");
    expectProblem(await other.post(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: escrow.share }), 403, "FORBIDDEN");

    // One member (the other two lost their passphrases) and the escrow share open the bids.
    const member = await unlockShare(t, tender.pokja[2] as TestUser, tender.tenderCode);
    const opened = await member.client.post<{ opened: boolean }>(`/api/v1/tenders/${tender.tenderCode}/opening/shares`, { share: member.share });
    expect(opened.body.opened).toBe(true);
    const record = await t.client().get<{ bids: { vendorName: string; price: string | null }[] }>(`/api/v1/public/tenders/${tender.tenderCode}/opening`);
    expect(record.body.bids).toMatchObject([{ vendorName: "CV Titipan", price: "1700000000" }]);
  });
});
