import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicationContext } from "../tenders/publication-context.js";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Response } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import { pascaSchedule } from "../../../test/support/schedule.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import type { TestUser } from "../../../test/support/factories.js";
import { setSchedule } from "../tenders/schedule.service.js";
import type { ScheduleInput } from "../tenders/tenders.schemas.js";
import { recordRelease } from "./ocds.service.js";
import type { OcdsRelease } from "./ocds.types.js";

type Compiled = Omit<OcdsRelease, "tag"> & { tag: string[] };
interface ReleasePackage {
  uri: string;
  version: string;
  publishedDate: string;
  publisher: { name: string };
  releases: OcdsRelease[];
  links?: { next: string };
}
interface RecordPackage {
  uri: string;
  records: { ocid: string; releases: { url: string; date: string; tag: string[] }[]; compiledRelease: Compiled }[];
  links?: { next: string };
}

const PREFIX = "ocds-xxxxxx-openlpse";
const at = (iso: string) => new Date(iso).toISOString();

/** The shifted schedule of the tenders routes test: from the bid submission on, one week later. */
function laterSchedule(): ScheduleInput["stages"] {
  const week = 7 * 86_400_000;
  return pascaSchedule().map((s, i) => (i >= 3 ? { ...s, startsAt: new Date(Date.parse(s.startsAt) + week).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + week).toISOString() } : s)) as ScheduleInput["stages"];
}

describe("OCDS releases and records", () => {
  let t: TestApp;
  let roads: Awaited<ReturnType<typeof buildPublishedTender>>;
  let ocid: string;
  let firstStored: string;

  const storedReleases = (ocidValue: string) => t.deps.database.db.selectFrom("ocds_releases").selectAll().where("ocid", "=", ocidValue).orderBy("seq").execute();
  /** Follow links.next from a first page, in-process. */
  async function walk<T extends { links?: { next: string } }>(first: string): Promise<T[]> {
    const pages: T[] = [];
    let url: string | undefined = first;
    while (url) {
      const r: Response<T> = await t.client().get<T>(url.replace(t.deps.config.publicUrl, ""));
      expect(r.status, r.text).toBe(200);
      pages.push(r.body);
      url = r.body.links?.next;
    }
    return pages;
  }

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    roads = await buildPublishedTender(t, { name: "Rehabilitasi Jalan Salak Tahap I", agencyName: "Dinas Pekerjaan Umum" });
    ocid = `${PREFIX}-${roads.tenderCode}`;
  });
  afterAll(() => t.close());

  it("publication writes one planning+tender release with the ocid, the HPS, the items and the schedule", async () => {
    const rows = await storedReleases(ocid);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (!row) throw new Error("no release");
    firstStored = row.release;
    expect(JSON.parse(row.tag)).toEqual(["planning", "tender"]);
    expect(row.package_id).toBe(roads.packageId);

    const r = await t.client().get<ReleasePackage>(`/api/v1/ocds/releases/${row.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe("*");
    expect(r.body).toMatchObject({ version: "1.1", uri: `http://localhost:3000/api/v1/ocds/releases/${row.id}`, publishedDate: row.date, publisher: { name: "LPSE" } });
    const [release] = r.body.releases;
    if (!release) throw new Error("no release in the package");
    expect(release).toEqual(JSON.parse(row.release));
    const stages = pascaSchedule();
    const window = (stage: string) => stages.find((s) => s.stage === stage) ?? { startsAt: "", endsAt: "" };
    expect(release).toMatchObject({ ocid, id: row.id, tag: ["planning", "tender"], initiationType: "tender", language: "id" });
    expect(release.parties.map((p) => [p.name, p.roles])).toEqual([["Dinas Pekerjaan Umum", ["buyer"]], ["LPSE", ["procuringEntity"]]]);
    expect(release.buyer).toEqual({ id: `opd-${roads.agency.id}`, name: "Dinas Pekerjaan Umum" });
    expect(release.planning.budget).toMatchObject({ id: "37700001", amount: { amount: 2_000_000_000, currency: "IDR" } });
    expect(release.tender).toMatchObject({
      id: roads.tenderCode,
      title: "Rehabilitasi Jalan Salak Tahap I",
      status: "active",
      value: { amount: 1_800_000_000, currency: "IDR" },
      procurementMethod: "open",
      procurementMethodDetails: "Tender",
      mainProcurementCategory: "works",
      awardCriteria: "priceOnly",
      submissionMethod: ["electronicSubmission"],
      eligibilityCriteria: "SBU BG004",
      tenderPeriod: { startDate: at(window("upload_penawaran").startsAt), endDate: at(window("upload_penawaran").endsAt) },
      enquiryPeriod: { startDate: at(window("penjelasan").startsAt), endDate: at(window("penjelasan").endsAt) },
      awardPeriod: { startDate: at(window("pembukaan").startsAt), endDate: at(window("sppbj").endsAt) },
    });
    expect(release.tender.items).toEqual([{ id: "1", description: "Pekerjaan struktur", quantity: 1, unit: { name: "ls" } }]);
    expect(release.tender.milestones.map((m) => m.id)).toEqual(stages.map((s) => s.stage));
    expect(release.tender.milestones[0]).toMatchObject({ title: "Pengumuman", type: "engagement", dueDate: at(window("pengumuman").endsAt), description: expect.stringContaining("WIB") });
    expect(release.tender.amendments).toBeUndefined();
  });

  it("carries the HPS total with sen exactly, and every HPS line without its unit price", async () => {
    const goods = await buildPublishedTender(t, {
      name: "Pengadaan Alat Kesehatan Puskesmas",
      category: "barang",
      contractType: "lumsum",
      evaluationMethod: "gugur_harga_terendah",
      pagu: "50000000.50",
      hpsItems: [
        { description: "Tensimeter digital", unit: "unit", quantity: "3", unitPrice: "333333.33" },
        { description: "Kasa steril", unit: "dus", quantity: "12.5", unitPrice: "80000" },
      ],
    });
    const [row] = await storedReleases(`${PREFIX}-${goods.tenderCode}`);
    if (!row) throw new Error("no release");
    // 3 × 333,333.33 + 12.5 × 80,000 = 1,999,999.99: the JSON text holds the amount to the sen.
    expect(row.release).toContain('"value":{"amount":1999999.99,"currency":"IDR"}');
    const release = JSON.parse(row.release) as OcdsRelease;
    expect(release.planning.budget.amount.amount).toBe(50_000_000.5);
    expect(release.tender.mainProcurementCategory).toBe("goods");
    // Every line with its quantity; the estimate's unit prices stay internal (only the total is public).
    expect(release.tender.items.map((i) => [i.quantity, i.unit.name])).toEqual([[3, "unit"], [12.5, "dus"]]);
    expect(row.release).not.toContain("333333.33");
  });

  it("a schedule change after publication writes a tenderUpdate release; the first release never changes", async () => {
    const pokja = roads.pokja[0] as TestUser;
    await setSchedule(t.deps.database.db, actorOf(pokja), roads.packageId, { stages: laterSchedule(), reason: { kind: "document_change", text: "Addendum spesifikasi teknis: tambahan waktu penyusunan penawaran" } }, t.clock.now(), publicationContext(t.deps.config));
    const rows = await storedReleases(ocid);
    expect(rows.map((r) => JSON.parse(r.tag))).toEqual([["planning", "tender"], ["tenderUpdate"]]);
    expect(rows[0]?.release).toBe(firstStored);
    const update = JSON.parse(rows[1]?.release ?? "{}") as OcdsRelease;
    const bid = laterSchedule().find((s) => s.stage === "upload_penawaran");
    expect(update.tender.tenderPeriod).toEqual({ startDate: bid?.startsAt, endDate: bid?.endsAt });
    expect(update.ocid).toBe(ocid);
  });

  it("records a tenderAmendment with the change and its rationale, linked to the release it amends", async () => {
    const db = t.deps.database.db;
    const before = await storedReleases(ocid);
    const result = await db.transaction().execute((trx) =>
      recordRelease(trx, { packageId: roads.packageId, tag: ["tenderAmendment"], amendment: { rationale: "Perubahan spesifikasi aspal", description: "Adendum 1 dokumen pemilihan" } }, t.clock.now(), publicationContext(t.deps.config)),
    );
    const rows = await storedReleases(ocid);
    expect(rows.map((r) => r.release).slice(0, before.length)).toEqual(before.map((r) => r.release));
    const amended = JSON.parse(rows.at(-1)?.release ?? "{}") as OcdsRelease;
    expect(amended.tag).toEqual(["tenderAmendment"]);
    expect(amended.tender.amendments).toEqual([
      { id: "1", date: t.clock.now().toISOString(), rationale: "Perubahan spesifikasi aspal", description: "Adendum 1 dokumen pemilihan", amendsReleaseID: before.at(-1)?.id, releaseID: result.id },
    ]);
    // Tags and amendments go together.
    await expect(db.transaction().execute((trx) => recordRelease(trx, { packageId: roads.packageId, tag: ["tenderAmendment"] }, t.clock.now(), publicationContext(t.deps.config)))).rejects.toThrow(/amendment/);
    expect(await storedReleases(ocid)).toHaveLength(rows.length);
    expect(rows[0]?.release).toBe(firstStored);
  });

  it("the record links every release and compiles them: the latest schedule, the amendments, tag compiled", async () => {
    const r = await t.client().get<RecordPackage>(`/api/v1/ocds/records/${ocid}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.uri).toBe(`http://localhost:3000/api/v1/ocds/records/${ocid}`);
    const [record] = r.body.records;
    if (!record) throw new Error("no record");
    const rows = await storedReleases(ocid);
    expect(record.releases).toEqual(rows.map((row) => ({ url: `http://localhost:3000/api/v1/ocds/releases/${row.id}#${row.id}`, date: row.date, tag: JSON.parse(row.tag) })));
    const compiled = record.compiledRelease;
    const last = rows.at(-1);
    expect(compiled).toMatchObject({ ocid, tag: ["compiled"], date: last?.date, id: `${ocid}-${last?.date}` });
    expect(compiled.tender.tenderPeriod?.startDate).toBe(laterSchedule().find((s) => s.stage === "upload_penawaran")?.startsAt);
    expect(compiled.tender.amendments?.map((a) => a.rationale)).toEqual(["Perubahan spesifikasi aspal"]);
    expect(compiled.tender.milestones).toHaveLength(12);
    expect(compiled.parties).toHaveLength(2);
  });

  it("walks every release and every record through links.next, once each, in publication order", async () => {
    await buildPublishedTender(t, { name: "Pemeliharaan Saluran Drainase Kota" });
    const all = await t.deps.database.db.selectFrom("ocds_releases").select(["id", "ocid", "seq"]).orderBy("seq").execute();
    expect(all.length).toBeGreaterThanOrEqual(5);

    const releasePages = await walk<ReleasePackage>("/api/v1/ocds/releases?limit=2");
    expect(releasePages).toHaveLength(Math.ceil(all.length / 2));
    expect(releasePages.flatMap((p) => p.releases.map((r) => r.id))).toEqual(all.map((r) => r.id));
    expect(releasePages[0]?.uri).toBe("http://localhost:3000/api/v1/ocds/releases?after=0&limit=2");
    expect(releasePages[0]?.links?.next).toBe(`http://localhost:3000/api/v1/ocds/releases?after=${all[1]?.seq}&limit=2`);
    expect(releasePages.at(-1)?.links).toBeUndefined();

    const ocids = [...new Set(all.map((r) => r.ocid))];
    const recordPages = await walk<RecordPackage>("/api/v1/ocds/records?limit=1");
    expect(recordPages.flatMap((p) => p.records.map((r) => r.ocid))).toEqual(ocids);
    expect(recordPages.find((p) => p.records[0]?.ocid === ocid)?.records[0]?.releases).toHaveLength(3);

    const whole = await t.client().get<RecordPackage>("/api/v1/ocds/records");
    expect(whole.body.records.map((r) => r.ocid)).toEqual(ocids);
    expect(whole.body.links).toBeUndefined();
  });

  it("answers unknown ids with 404 and bad parameters with 400 naming the field, without login", async () => {
    const c = t.client();
    expectProblem(await c.get(`/api/v1/ocds/releases/${ocid}-999999`), 404, "NOT_FOUND");
    expectProblem(await c.get(`/api/v1/ocds/records/${PREFIX}-209999999`), 404, "NOT_FOUND");
    expectProblem(await c.get("/api/v1/ocds/releases/tender-1"), 400, "VALIDATION_FAILED", "params.releaseId");
    expectProblem(await c.get("/api/v1/ocds/records/202700001"), 400, "VALIDATION_FAILED", "params.ocid");
    expectProblem(await c.get("/api/v1/ocds/releases?limit=0"), 400, "VALIDATION_FAILED", "query.limit");
    expectProblem(await c.get("/api/v1/ocds/releases?limit=501"), 400, "VALIDATION_FAILED", "query.limit");
    expectProblem(await c.get("/api/v1/ocds/releases?after=-1"), 400, "VALIDATION_FAILED", "query.after");
    expectProblem(await c.get("/api/v1/ocds/records?after=abc"), 400, "VALIDATION_FAILED", "query.after");
    expectProblem(await c.get("/api/v1/ocds/records?offset=10"), 400, "VALIDATION_FAILED", "query.offset");
  });

  it("has nothing for drafts, and past the last release an empty page without links.next", async () => {
    const last = await t.deps.database.db.selectFrom("ocds_releases").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirstOrThrow();
    const r = await t.client().get<ReleasePackage>(`/api/v1/ocds/releases?after=${last.seq}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.releases).toEqual([]);
    expect(r.body.links).toBeUndefined();
    const drafts = await t.deps.database.db.selectFrom("ocds_releases").innerJoin("packages", "packages.id", "ocds_releases.package_id").where("packages.status", "!=", "published").select("ocds_releases.id").execute();
    expect(drafts).toEqual([]);
  });
});
