import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { buildUser, loginAs } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { buildPublishedTender } from "../../../test/support/tenders.js";

interface SearchResult {
  items: { tenderCode: string; name: string; stage: string; stageOpen: boolean; hps: string }[];
  total: number;
}

describe("public portal", () => {
  let t: TestApp;
  let roads: Awaited<ReturnType<typeof buildPublishedTender>>;
  let draftName: string;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    roads = await buildPublishedTender(t, { name: "Rehabilitasi Jalan Salak 50% Tahap I", agencyName: "Dinas Pekerjaan Umum" });
    await buildPublishedTender(t, {
      name: "Pengadaan Alat Kesehatan Puskesmas",
      agencyName: "Dinas Kesehatan",
      category: "barang",
      contractType: "lumsum",
      hpsItems: [{ description: "Tensimeter digital", unit: "unit", quantity: "40", unitPrice: "750000" }],
      pagu: "40000000",
    });
    // A draft is never public.
    const ppk = await loginAs(t, roads.ppk);
    draftName = "Rencana Paket Rahasia Belum Diumumkan";
    const draft = await ppk.post("/api/v1/packages", {
      rupCode: "37799999", name: draftName, workUnitId: (await t.deps.database.db.selectFrom("work_units").select("id").where("agency_id", "=", roads.agency.id).executeTakeFirstOrThrow()).id,
      fiscalYear: 2027, fundingSource: "APBD", pagu: "100000000", category: "barang", method: "tender", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "lumsum", kbliCodes: [], qualificationRequirements: "",
      hpsItems: [{ description: "Barang", unit: "unit", quantity: "1", unitPrice: "90000000" }],
    });
    expect(draft.status, draft.text).toBe(201);
  });
  afterAll(() => t.close());

  it("finds published tenders by Indonesian text without logging in, never drafts", async () => {
    const anonymous = t.client();
    const byWord = await anonymous.get<SearchResult>("/api/v1/public/tenders?q=jalan%20salak");
    expect(byWord.status, byWord.text).toBe(200);
    expect(byWord.body.items.map((i) => i.tenderCode)).toEqual([roads.tenderCode]);
    expect((await anonymous.get<SearchResult>("/api/v1/public/tenders?q=KESEHATAN")).body.items.map((i) => i.name)).toEqual(["Pengadaan Alat Kesehatan Puskesmas"]);
    expect((await anonymous.get<SearchResult>("/api/v1/public/tenders?q=50%25")).body.total).toBe(1);
    expect((await anonymous.get<SearchResult>(`/api/v1/public/tenders?q=${encodeURIComponent(draftName)}`)).body.total).toBe(0);
    expect((await anonymous.get<SearchResult>("/api/v1/public/tenders")).body.total).toBe(2);
  });

  it("filters by category, method, year, HPS range and the stage at this moment, paginated", async () => {
    const c = t.client();
    expect((await c.get<SearchResult>("/api/v1/public/tenders?category=barang")).body.total).toBe(1);
    expect((await c.get<SearchResult>("/api/v1/public/tenders?method=tender&fiscalYear=2027")).body.total).toBe(2);
    expect((await c.get<SearchResult>("/api/v1/public/tenders?minHps=1000000000")).body.items.map((i) => i.tenderCode)).toEqual([roads.tenderCode]);
    expect((await c.get<SearchResult>("/api/v1/public/tenders?maxHps=30000000")).body.total).toBe(1);
    expect((await c.get<SearchResult>(`/api/v1/public/tenders?agencyId=${roads.agency.id}`)).body.total).toBe(1);
    expect((await c.get<SearchResult>("/api/v1/public/tenders?stage=pengumuman")).body.total).toBe(0);
    t.clock.set(new Date("2026-12-01T03:00:00Z"));
    const announced = await c.get<SearchResult>("/api/v1/public/tenders?stage=pengumuman");
    expect(announced.body.total).toBe(2);
    expect(announced.body.items.every((i) => i.stage === "pengumuman")).toBe(true);
    // Overnight between Download Dokumen (closed 16:00 WIB) and Pemberian Penjelasan (09:00 WIB): the tenders
    // are waiting for the clarification, which is not open yet.
    t.clock.set(new Date("2026-12-07T20:00:00Z"));
    expect((await c.get<SearchResult>("/api/v1/public/tenders?stage=download_dokumen")).body.total).toBe(0);
    const overnight = await c.get<SearchResult>("/api/v1/public/tenders?stage=penjelasan");
    expect(overnight.body.total).toBe(2);
    expect(overnight.body.items.map((i) => [i.stage, i.stageOpen])).toEqual([["penjelasan", false], ["penjelasan", false]]);
    const detail = await c.get<{ stage: string; stageOpensAt: string | null }>(`/api/v1/public/tenders/${roads.tenderCode}`);
    expect(detail.body).toMatchObject({ stage: "penjelasan", stageOpensAt: "2026-12-08T02:00:00.000Z" });
    const page2 = await c.get<SearchResult & { page: number }>("/api/v1/public/tenders?pageSize=1&page=2");
    expect(page2.body).toMatchObject({ total: 2, page: 2 });
    expect(page2.body.items).toHaveLength(1);
    expectProblem(await c.get("/api/v1/public/tenders?minHps=banyak"), 400, "VALIDATION_FAILED", "query.minHps");
    expectProblem(await c.get("/api/v1/public/tenders?stage=lelang"), 400, "VALIDATION_FAILED", "query.stage");
    expectProblem(await c.get("/api/v1/public/tenders?pageSize=1000"), 400, "VALIDATION_FAILED", "query.pageSize");
  });

  it("lists the agencies for the filter without logging in, with their published tenders counted", async () => {
    const r = await t.client().get<{ items: { id: string; name: string; tenderCount: number }[] }>("/api/v1/public/agencies");
    expect(r.status, r.text).toBe(200);
    const byName = Object.fromEntries(r.body.items.map((a) => [a.name, a.tenderCount]));
    // The draft of Dinas Pekerjaan Umum is not counted.
    expect(byName).toMatchObject({ "Dinas Pekerjaan Umum": 1, "Dinas Kesehatan": 1 });
  });

  it("shows the announcement with the HPS, the schedule, the current stage and server time", async () => {
    t.clock.set(new Date("2026-12-10T03:00:00Z"));
    const r = await t.client().get<{ hps: string; stage: string; next: string; schedule: unknown[]; serverTime: string; timeZone: string }>(`/api/v1/public/tenders/${roads.tenderCode}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ hps: "1800000000", stage: "upload_penawaran", next: "pembukaan", timeZone: "WIB", serverTime: "2026-12-10T03:00:00.000Z" });
    expect(r.body.schedule).toHaveLength(12);
    // The bill of quantities without the HPS unit prices (only the HPS total is public).
    const items = (r.body as unknown as { items: Record<string, string>[] }).items;
    expect(items).toEqual([{ id: expect.any(String), description: "Pekerjaan struktur", unit: "ls", quantity: "1" }]);
    expectProblem(await t.client().get("/api/v1/public/tenders/999999999"), 404, "NOT_FOUND");
    expectProblem(await t.client().get("/api/v1/public/tenders/abc"), 400, "VALIDATION_FAILED", "params.tenderCode");
  });

  it("publishes an Atom feed of new announcements", async () => {
    const r = await t.client().get("/api/v1/public/tenders/feed.atom");
    expect(r.status).toBe(200);
    expect(String(r.headers["content-type"])).toContain("application/atom+xml");
    expect(r.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(r.text).toContain("Rehabilitasi Jalan Salak 50% Tahap I");
    expect(r.text).toContain(`/tender/${roads.tenderCode}`);
    expect(r.text).not.toContain(draftName);
    expect((r.text.match(/<entry>/g) ?? []).length).toBe(2);
  });

  it("lets vendors and staff use the same public search", async () => {
    const vendor = await loginAs(t, await buildUser(t, "vendor"));
    expect((await vendor.get<SearchResult>("/api/v1/public/tenders")).body.total).toBe(2);
  });
});
