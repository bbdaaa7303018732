import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs } from "../../../test/support/factories.js";
import { takeCapacitySample } from "../operations-registers/capacity.sampler.js";
import { capacityMonitoring } from "./live-evidence.registers.js";
import type { LiveReadingView } from "./live-evidence.schemas.js";

/** The test clock: 10:00 WIB on Friday 27 November 2026. */
const NOW = new Date("2026-11-27T03:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

describe("live evidence from surveys (S15.2), access reviews (S10.2) and capacity (S07.1)", () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    head = await loginAs(t, await buildUser(t, "kepala_lpse"));
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  async function reading(key: string): Promise<LiveReadingView> {
    const r = await head.get<{ items: LiveReadingView[] }>("/api/v1/standards/live-evidence");
    expect(r.status).toBe(200);
    const found = r.body.items.find((i) => i.key === key);
    if (!found) throw new Error(`no live source ${key}`);
    return found;
  }

  /** A survey sent to every vendor, answered through each link with the given scores, then closed. */
  let surveys = 0;
  async function closedSurvey(scores: number[][]): Promise<void> {
    const title = `Survei ${++surveys}`;
    const created = await admin.post<{ id: string }>("/api/v1/surveys", {
      title, periodFrom: "2026-11-01", periodTo: "2026-12-31",
      questions: [{ unsur: "prosedur", text: "Bagaimana kemudahan prosedur?" }, { unsur: "waktu", text: "Bagaimana kecepatan waktu layanan?" }],
    });
    expect((await admin.post(`/api/v1/surveys/${created.body.id}/send`, { vendors: true, roles: [] })).status).toBe(200);
    const mails = await t.deps.database.db.selectFrom("mail_outbox").select("text_body").where("subject", "like", `Survei kepuasan: ${title} /%`).execute();
    const tokens = mails.map((m) => /token=([\w-]+)/.exec(m.text_body)?.[1] as string);
    for (const [i, s] of scores.entries()) {
      const r = await t.client().post("/api/v1/survey-form", { token: tokens[i], scores: s });
      expect(r.status, r.text).toBe(201);
    }
    expect((await admin.post(`/api/v1/surveys/${created.body.id}/close`)).status).toBe(200);
  }

  it("passes S15.2 only for a closed survey with at least 10 answers and an IKM of B or better", async () => {
    expect(await reading("surveys.ikm")).toMatchObject({ criteria: ["S15.2"], passes: false, freshnessDays: 365 });
    for (let i = 0; i < 10; i++) await buildVendor(t);
    await closedSurvey(Array.from({ length: 9 }, () => [4, 4]));
    // Nine answers of 4: IKM 100 but too few answers.
    expect(await reading("surveys.ikm")).toMatchObject({ passes: false, value: "IKM 100 (A)" });
    t.clock.advance(1000);
    await closedSurvey([...Array.from({ length: 5 }, () => [3, 3]), ...Array.from({ length: 5 }, () => [4, 3])]);
    // Means 3.5 and 3: 3.25 × 25 = 81.25, category B.
    expect(await reading("surveys.ikm")).toMatchObject({ passes: true, value: "IKM 81.25 (B)" });
    t.clock.advance(1000);
    await closedSurvey(Array.from({ length: 10 }, () => [3, 2]));
    // 2.5 × 25 = 62.5: category D.
    expect(await reading("surveys.ikm")).toMatchObject({ passes: false, value: "IKM 62.5 (D)" });
  });

  it("passes S10.2 with an access review in the last 90 days", async () => {
    expect(await reading("operations.access_review")).toMatchObject({ criteria: ["S10.2"], passes: false });
    const grant = await admin.post<{ id: string }>("/api/v1/operations/access-grants", { person: "Andi", system: "Server aplikasi", level: "admin", reason: "Administrator", grantedBy: "Kepala LPSE", startsOn: "2026-01-10", expiresOn: null });
    expect((await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-08-20", notes: "Triwulan III", decisions: [{ grantId: grant.body.id, decision: "keep", note: "" }] })).status).toBe(201);
    expect(await reading("operations.access_review")).toMatchObject({ passes: false, value: "99 hari" });
    expect((await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-11-20", notes: "Triwulan IV", decisions: [{ grantId: grant.body.id, decision: "keep", note: "" }] })).status).toBe(201);
    expect(await reading("operations.access_review")).toMatchObject({ passes: true, value: "7 hari" });
  });

  it("passes S07.1 with a sample in the last day and samples in last month's report", async () => {
    expect(await reading("operations.capacity")).toMatchObject({ criteria: ["S07.1"], passes: false });
    // Read the source directly from here on: the clock moves further than a session lives.
    const read = async () => capacityMonitoring.read(t.deps.database.db, { now: t.clock.now(), period: { from: NOW, to: NOW } });
    t.clock.set(new Date(NOW.getTime() - 20 * DAY));
    await takeCapacitySample(t.deps, 0);
    t.clock.set(NOW);
    // October has no sample, and the November one is 20 days old.
    expect((await read()).passes).toBe(false);
    t.clock.set(new Date("2026-12-02T03:00:00.000Z"));
    await takeCapacitySample(t.deps, 0);
    expect(await read()).toMatchObject({ passes: true, value: "0 jam / 1 sampel 2026-11" });
    t.clock.set(new Date("2026-12-04T03:00:00.000Z"));
    expect((await read()).passes).toBe(false);
    t.clock.set(NOW);
  });
});
