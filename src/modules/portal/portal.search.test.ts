import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgency } from "../orgs/orgs.service.js";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import type { PackageInput } from "../packages/packages.schemas.js";
import { updatePackage } from "../packages/packages.service.js";
import { COUNT_AHEAD } from "./portal.repository.js";

interface SearchResult {
  items: { tenderCode: string; name: string; agencyName: string; workUnitName: string }[];
  total: number;
  totalExact: boolean;
}

/** The search document (migration `search-document`) is kept by triggers: these tests change the rows and search. */
describe("public search document", () => {
  let t: TestApp;
  let bridge: Awaited<ReturnType<typeof buildPublishedTender>>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    bridge = await buildPublishedTender(t, { name: "Pembangunan Jembatan Kali Madiun", agencyName: "Dinas Bina Marga", rupCode: "38811234" });
    await buildPublishedTender(t, { name: "Pengadaan Komputer Sekolah", agencyName: "Dinas Pendidikan", rupCode: "38822222" });
  });
  afterAll(() => t.close());

  const search = async (q: string) => {
    const r = await t.client().get<SearchResult>(`/api/v1/public/tenders?q=${encodeURIComponent(q)}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const codes = async (q: string) => (await search(q)).items.map((i) => i.tenderCode);

  it("finds a tender by its name, agency, work unit, RUP code and tender code, every word anywhere", async () => {
    expect(await codes("jembatan madiun")).toEqual([bridge.tenderCode]);
    expect(await codes("BINA marga")).toEqual([bridge.tenderCode]);
    expect(await codes("jembatan bina")).toEqual([bridge.tenderCode]);
    expect(await codes("38811234")).toEqual([bridge.tenderCode]);
    expect(await codes(bridge.tenderCode)).toEqual([bridge.tenderCode]);
    // Both tenders' work units are "Bidang Teknis" (the test factory's).
    expect((await search("bidang teknis")).total).toBe(2);
    expect(await codes("jembatan komputer")).toEqual([]);
    // Words shorter than three characters cannot use the trigram index: they are checked by a scan.
    expect(await codes("kali ma")).toEqual([bridge.tenderCode]);
    expect((await search("ng")).total).toBe(2);
  });

  it("follows a renamed agency and work unit", async () => {
    await updateAgency(t.deps.database.db, actorOf(bridge.admin), bridge.agency.id, { name: "Dinas Pekerjaan Umum dan Penataan Ruang" }, t.clock.now());
    expect(await codes("marga")).toEqual([]);
    expect(await codes("penataan ruang")).toEqual([bridge.tenderCode]);
    // No route renames a work unit yet; the trigger keeps the document right when one does.
    await t.deps.database.db.updateTable("work_units").set({ name: "Bidang Jalan dan Jembatan" }).where("agency_id", "=", bridge.agency.id).execute();
    expect(await codes("bidang jalan")).toEqual([bridge.tenderCode]);
    expect((await search("teknis")).total).toBe(1);
  });

  it("holds a document only for a published package, with its latest name and its tender code", async () => {
    const db = t.deps.database.db;
    const documentOf = (id: string) => db.selectFrom("package_search").select("document").where("package_id", "=", id).executeTakeFirst();
    const embung = await buildPublishedTender(t, { name: "Rencana Pemeliharaan Embung", rupCode: "38833333" }, async (packageId, ppk) => {
      const draft = await db.selectFrom("packages").selectAll().where("id", "=", packageId).executeTakeFirstOrThrow();
      expect(await documentOf(packageId)).toBeUndefined();
      const input: PackageInput = {
        rupCode: "38844444", name: "Pemeliharaan Embung Desa Sidorejo", workUnitId: draft.work_unit_id, fiscalYear: 2027, fundingSource: "APBD", pagu: "2000000000",
        category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", qualification: "pasca", contractType: "harga_satuan", kbliCodes: ["41012"],
        qualificationRequirements: "SBU BG004", hpsItems: [{ description: "Pekerjaan struktur", unit: "ls", quantity: "1", unitPrice: "1800000000" }],
      };
      await updatePackage(db, actorOf(ppk), packageId, input, t.clock.now());
      expect(await documentOf(packageId)).toBeUndefined();
    });
    const document = (await documentOf(embung.packageId))?.document ?? "";
    expect(document).toContain("pemeliharaan embung desa sidorejo");
    expect(document).toContain(`38844444 ${embung.tenderCode}`);
    expect(document).not.toContain("rencana");
    expect(await codes("embung sidorejo")).toEqual([embung.tenderCode]);
    expect(await codes("38833333")).toEqual([]);
  });

  it("counts up to a thousand past the page and says when the count stopped", async () => {
    const db = t.deps.database.db;
    const template = await db.selectFrom("packages").selectAll().where("id", "=", bridge.packageId).executeTakeFirstOrThrow();
    const copies = Array.from({ length: COUNT_AHEAD + 5 }, (_, i) => ({
      ...template,
      id: randomUUID(),
      name: `Pemeliharaan Rutin Saluran ${i}`,
      rup_code: String(39_000_000 + i),
      tender_code: String(990_000_000 + i),
    }));
    await db.transaction().execute(async (trx) => {
      for (let k = 0; k < copies.length; k += 100) await trx.insertInto("packages").values(copies.slice(k, k + 100)).execute();
    });
    const first = await search("rutin saluran");
    expect(first).toMatchObject({ total: COUNT_AHEAD, totalExact: false });
    expect(first.items).toHaveLength(20);
    // Further pages count further ahead, so the pagination can always reach the next page.
    const later = await t.client().get<SearchResult>("/api/v1/public/tenders?q=rutin%20saluran&page=3&pageSize=100");
    expect(later.body).toMatchObject({ total: COUNT_AHEAD + 5, totalExact: true });
    expect((await search("saluran 1004")).total).toBe(1);
  });
});
