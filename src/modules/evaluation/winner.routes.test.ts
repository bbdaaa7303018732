import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildAgency, buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildOpenedTender } from "../../../test/support/sealed-bids.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";
import { DEFAULT_PROCUREMENT_RULES } from "../settings/settings.schemas.js";
import { winnerAuthority } from "./winner.service.js";

const BILLION_SEN = 100_000_000_000;

describe("who names the winner (Perpres 16/2018 art. 9)", () => {
  it("is the Pokja up to Rp100 billion (Rp10 billion for consultancy), the PA/KPA above, per the LPSE's settings", () => {
    const rules = DEFAULT_PROCUREMENT_RULES;
    expect(winnerAuthority({ category: "pekerjaan_konstruksi", pagu_sen: 100 * BILLION_SEN }, rules)).toBe("pokja");
    expect(winnerAuthority({ category: "pekerjaan_konstruksi", pagu_sen: 100 * BILLION_SEN + 1 }, rules)).toBe("pa_kpa");
    expect(winnerAuthority({ category: "barang", pagu_sen: 50 * BILLION_SEN }, rules)).toBe("pokja");
    expect(winnerAuthority({ category: "jasa_konsultansi", pagu_sen: 10 * BILLION_SEN }, rules)).toBe("pokja");
    expect(winnerAuthority({ category: "jasa_konsultansi", pagu_sen: 12 * BILLION_SEN }, rules)).toBe("pa_kpa");
    expect(winnerAuthority({ category: "barang", pagu_sen: 50 * BILLION_SEN }, { ...rules, paKpaWinnerLimit: "40000000000" })).toBe("pa_kpa");
  });
});

/** A construction tender with a pagu of Rp150 billion: the Pokja proposes, the agency's PA/KPA names the winner. */
describe("the PA/KPA names the winner above the ceiling", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;
  let paKpa: TestUser;
  let vendors: (TestUser & { vendorId: string })[];
  const path = () => `/api/v1/tenders/${tender.tenderCode}`;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, {
      name: "Pembangunan Jalan Tol Lingkar Kota",
      pagu: "150000000000",
      hpsItems: [{ description: "Pekerjaan jalan", unit: "ls", quantity: "1", unitPrice: "140000000000" }],
    });
    paKpa = await buildUser(t, "pa_kpa", { agencyId: tender.agency.id });
    vendors = [await buildVendor(t, "verified", "PT Karya Satu"), await buildVendor(t, "verified", "PT Karya Dua")];
    await buildOpenedTender(t, tender, [
      { vendor: vendors[0] as TestUser & { vendorId: string }, price: "131000000000", unitPrices: ["131000000000"] },
      { vendor: vendors[1] as TestUser & { vendorId: string }, price: "129500000000", unitPrices: ["129500000000"] },
    ]);
    t.clock.set(new Date("2026-12-14T03:00:00Z"));
    const member = await loginAs(t, tender.pokja[0] as TestUser);
    for (const v of vendors) {
      for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
        const r = await member.put(`${path()}/evaluation/${v.vendorId}/${stage}`, { passed: true, reason: "Memenuhi syarat." });
        expect(r.status, r.text).toBe(200);
      }
    }
  });
  afterAll(() => t.close());

  const decide = async (user: TestUser, body: unknown) => (await loginAs(t, user)).post<{ items: { decision: string | null; reason: string | null; vendorName: string }[] }>(`${path()}/winner/decision`, body);
  const approve = { decision: "named", reason: "" };
  const giveBack = { decision: "returned", reason: "Mohon periksa kembali pembuktian kualifikasi PT Karya Dua." };

  it("refuses the PA/KPA's decision outside Penetapan Pemenang and without a proposal", async () => {
    expectProblem(await decide(paKpa, approve), 409, "OUT_OF_STAGE");
    t.clock.set(new Date("2026-12-16T02:10:00Z")); // 09:10 WIB, Penetapan Pemenang
    expectProblem(await decide(paKpa, approve), 409, "CONFLICT");
  });

  it("takes the committee's proposal instead of naming the winner, and lets the PA/KPA return it with a reason", async () => {
    const member = await loginAs(t, tender.pokja[1] as TestUser);
    const proposed = await member.post<{ winnerVendorId: string | null }>(`${path()}/winner`);
    expect(proposed.status, proposed.text).toBe(200);
    expect(proposed.body.winnerVendorId).toBeNull();
    expectProblem(await member.post(`${path()}/winner`), 409, "CONFLICT");
    const listed = await member.get<{ authority: string; canDecide: boolean; items: { vendorName: string; corrected: string; decision: string | null }[] }>(`${path()}/winner/proposals`);
    expect(listed.body).toMatchObject({ authority: "pa_kpa", canDecide: false, items: [{ vendorName: "PT Karya Dua", corrected: "129500000000", decision: null }] });
    expectProblem(await t.client().get(`/api/v1/public/tenders/${tender.tenderCode}/results`), 404, "NOT_FOUND");
    // The PA/KPA hears of it in the inbox.
    const inbox = await (await loginAs(t, paKpa)).get<{ items: { kind: string }[] }>("/api/v1/notifications");
    expect(inbox.body.items.map((n) => n.kind)).toContain("tender.winner_proposed");

    // Only the PA/KPA of the package's agency decides.
    expectProblem(await decide(await buildUser(t, "pa_kpa", { agencyId: (await buildAgency(t)).id }), approve), 403, "FORBIDDEN");
    expectProblem(await decide(tender.ppk, approve), 403, "FORBIDDEN");
    expectProblem(await decide(tender.pokja[0] as TestUser, approve), 403, "FORBIDDEN");
    expectProblem(await decide(paKpa, { decision: "returned", reason: "tidak" }), 400, "VALIDATION_FAILED", "body.reason");
    expectProblem(await decide(paKpa, { decision: "ditolak", reason: giveBack.reason }), 400, "VALIDATION_FAILED", "body.decision");

    const returned = await decide(paKpa, giveBack);
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.items).toEqual([expect.objectContaining({ decision: "returned", reason: giveBack.reason })]);
    expectProblem(await decide(paKpa, approve), 409, "CONFLICT");
    const committeeInbox = await member.get<{ items: { kind: string; body: string }[] }>("/api/v1/notifications");
    expect(committeeInbox.body.items.map((n) => n.kind)).toContain("tender.winner_proposal_returned");
  });

  it("names the winner on the PA/KPA's approval of a new proposal and publishes the results", async () => {
    const member = await loginAs(t, tender.pokja[2] as TestUser);
    expect((await member.post(`${path()}/winner`)).status).toBe(200);
    const named = await decide(paKpa, approve);
    expect(named.status, named.text).toBe(200);
    expect(named.body.items.map((i) => i.decision)).toEqual(["returned", "named"]);
    const results = await t.client().get<{ winner: string }>(`/api/v1/public/tenders/${tender.tenderCode}/results`);
    expect(results.body.winner).toBe("PT Karya Dua");
    expectProblem(await member.post(`${path()}/winner`), 409, "CONFLICT");

    const events = await t.deps.database.db.selectFrom("events").select(["type", "actor_id", "payload", "visibility"]).where("type", "like", "tender.winner%").orderBy("idx").execute();
    expect(events.map((e) => e.type)).toEqual(["tender.winner_proposed", "tender.winner_proposal_returned", "tender.winner_proposed", "tender.winner_proposal_approved", "tender.winner_determined"]);
    const determined = events.at(-1);
    expect(determined).toMatchObject({ actor_id: paKpa.id, visibility: "public" });
    expect(JSON.parse(determined?.payload ?? "{}")).toMatchObject({ winner: "PT Karya Dua", namedBy: "pa_kpa" });
    const inbox = await member.get<{ items: { kind: string }[] }>("/api/v1/notifications");
    expect(inbox.body.items.map((n) => n.kind)).toContain("tender.winner_proposal_named");
  });

  it("shows the proposals to the agency's PPK and auditors, not to vendors", async () => {
    expect((await (await loginAs(t, tender.ppk)).get(`${path()}/winner/proposals`)).status).toBe(200);
    expect((await (await loginAs(t, await buildUser(t, "auditor"))).get(`${path()}/winner/proposals`)).status).toBe(200);
    expectProblem(await (await loginAs(t, vendors[0] as TestUser)).get(`${path()}/winner/proposals`), 403, "FORBIDDEN");
    expectProblem(await t.client().get(`${path()}/winner/proposals`), 401, "UNAUTHENTICATED");
  });
});
