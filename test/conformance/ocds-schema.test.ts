import fs from "node:fs";
import { publicationContext } from "../../src/modules/tenders/publication-context.js";
import path from "node:path";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRelease } from "../../src/modules/ocds/ocds.service.js";
import { setSchedule } from "../../src/modules/tenders/schedule.service.js";
import type { ScheduleInput } from "../../src/modules/tenders/tenders.schemas.js";
import { projectRoot } from "../../src/server/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import type { Response } from "../support/client.js";
import { buildVendor, loginAs, type TestUser } from "../support/factories.js";
import { buildOpenedTender } from "../support/sealed-bids.js";
import { pascaSchedule } from "../support/schedule.js";
import { actorOf, buildPublishedTender } from "../support/tenders.js";

/**
 * Our OCDS output against the official OCDS 1.1 schemas, which live beside the project in ../shared
 * (see ../shared/README.md: every developer machine and CI run has it; a plain clone does not).
 */
// CommonJS packages: under NodeNext their default import is module.exports, which carries `.default`.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const SHARED_OCDS = path.resolve(projectRoot(), "..", "shared", "ocds");
const SCHEMAS = path.join(SHARED_OCDS, "1.1");
const present = fs.existsSync(SHARED_OCDS);
const SKIPPED = "OCDS conformance skipped: ../shared/ocds not found (it is present in CI)";
if (!present) console.log(SKIPPED);

/** The package schemas refer to the release schema, and the record one to the versioned release, by URL. */
const VERSIONED_RELEASE_ID = "https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json";
/** OCDS annotations in the schemas, not validation keywords. */
const OCDS_KEYWORDS = ["codelist", "openCodelist", "deprecated", "versionId", "omitWhenMerged", "wholeListMerge"];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), "utf8")) as Record<string, unknown>;
}

function codelist(name: string): Set<string> {
  const lines = fs.readFileSync(path.join(SCHEMAS, "codelists", name), "utf8").trim().split("\n").slice(1);
  return new Set(lines.map((line) => line.split(",")[0] ?? ""));
}

function validators() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  for (const keyword of OCDS_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema(readJson("release-schema.json"));
  // We publish no versioned releases: this stand-in rejects one, should it ever appear.
  ajv.addSchema({ id: VERSIONED_RELEASE_ID, not: {} });
  const check = (validate: ReturnType<typeof ajv.compile>) => (body: unknown) => {
    const valid = validate(body);
    return valid ? "valid" : ajv.errorsText(validate.errors, { separator: "\n" });
  };
  return { releasePackage: check(ajv.compile(readJson("release-package-schema.json"))), recordPackage: check(ajv.compile(readJson("record-package-schema.json"))) };
}

type Release = { id: string; ocid: string; tag: string[]; parties: { roles: string[] }[]; tender: { awardCriteria: string; submissionMethod: string[]; milestones: { type: string }[] } };
type ReleasePackage = { releases: Release[]; links?: { next: string } };
type RecordPackage = { records: { ocid: string }[]; links?: { next: string } };

/**
 * A tender taken through sealed bids to its award and contract, for the award, awardUpdate and contract
 * releases; `duringEvaluation` runs on 14 December (between the opening and the SPPBJ).
 */
async function awardOneTender(t: TestApp, duringEvaluation: () => Promise<void>): Promise<void> {
  const tender = await buildPublishedTender(t, {
    name: "Rehabilitasi Gedung Pertemuan Kelurahan",
    pagu: "25000000",
    hpsItems: [{ description: "Pekerjaan atap", unit: "m2", quantity: "100", unitPrice: "200000" }],
  });
  const bidder = await buildVendor(t, "verified", "CV Konformitas Mandiri");
  await buildOpenedTender(t, tender, [{ vendor: bidder, price: "18500000", unitPrices: ["185000"] }]);
  t.clock.set(new Date("2026-12-14T03:00:00Z"));
  await duringEvaluation();
  const committee = await loginAs(t, tender.pokja[0] as TestUser);
  for (const stage of ["administrasi", "teknis", "kualifikasi"]) {
    expect((await committee.put(`/api/v1/tenders/${tender.tenderCode}/evaluation/${bidder.vendorId}/${stage}`, { passed: true, reason: "Memenuhi." })).status).toBe(200);
  }
  t.clock.set(new Date("2026-12-16T02:30:00Z"));
  expect((await (await loginAs(t, tender.pokja[0] as TestUser)).post(`/api/v1/tenders/${tender.tenderCode}/winner`)).status).toBe(200);
  t.clock.set(new Date("2026-12-22T02:00:00Z"));
  expect((await (await loginAs(t, tender.ppk)).post(`/api/v1/tenders/${tender.tenderCode}/award`, { letterNumber: "027/SPPBJ/09/2026" })).status).toBe(201);
  t.clock.set(new Date("2026-12-23T03:00:00Z"));
  const contract = { contractNumber: "602/KONTRAK/09/2026", value: "18500000", signedOn: "2026-12-23", startsOn: "2027-01-04", endsOn: "2027-03-31" };
  expect((await (await loginAs(t, tender.ppk)).post(`/api/v1/tenders/${tender.tenderCode}/contract`, contract)).status).toBe(201);
}

/** A tender nobody bid on, declared failed after its opening: the unsuccessful tenderUpdate release. */
async function declareFailed(t: TestApp, tender: { tenderCode: string; pokja: TestUser[] }): Promise<void> {
  const body = { reason: "no_bids", text: "Tidak ada penyedia yang memasukkan penawaran sampai batas akhir." };
  const failed = await (await loginAs(t, tender.pokja[0] as TestUser)).post(`/api/v1/tenders/${tender.tenderCode}/failure`, body);
  expect(failed.status, failed.text).toBe(201);
}

describe("OCDS output against the official 1.1 schemas", () => {
  let t: TestApp;
  let check: ReturnType<typeof validators>;

  beforeAll(async () => {
    if (!present) return;
    check = validators();
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    // Every mapping branch: works by open tender, consultancy by selection, goods by direct appointment.
    const works = await buildPublishedTender(t);
    await buildPublishedTender(t, { name: "Jasa Konsultansi Perencanaan Taman Kota", category: "jasa_konsultansi", method: "seleksi", evaluationMethod: "kualitas_biaya", technicalWeight: 80, contractType: "waktu_penugasan", qualificationRequirements: "" });
    await buildPublishedTender(t, { name: "Penunjukan Langsung Suku Cadang Pompa", category: "barang", method: "penunjukan_langsung", contractType: "lumsum", hpsItems: [{ description: "Impeller", unit: "buah", quantity: "2.5", unitPrice: "1250000.50" }] });
    const week = 7 * 86_400_000;
    const later = pascaSchedule().map((s, i) => (i >= 3 ? { ...s, startsAt: new Date(Date.parse(s.startsAt) + week).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + week).toISOString() } : s));
    await setSchedule(t.deps.database.db, actorOf(works.pokja[0] as TestUser), works.packageId, { stages: later as ScheduleInput["stages"], reason: { kind: "technical_failure", text: "Gangguan server LPSE selama enam jam" } }, t.clock.now(), publicationContext(t.deps.config));
    await t.deps.database.db.transaction().execute((trx) =>
      recordRelease(trx, { packageId: works.packageId, tag: ["tenderAmendment"], amendment: { rationale: "Perubahan spesifikasi teknis", description: "Adendum 1" } }, t.clock.now(), publicationContext(t.deps.config)),
    );
    const unbid = await buildPublishedTender(t, { name: "Rehabilitasi Saluran Drainase Kelurahan", rupCode: "37700009" });
    await awardOneTender(t, () => declareFailed(t, unbid));
  });
  afterAll(async () => {
    if (present) await t.close();
  });

  it.skipIf(!present)("release packages, page by page, with every tag we write", async () => {
    const releases: Release[] = [];
    let url: string | undefined = "/api/v1/ocds/releases?limit=2";
    while (url) {
      const r: Response<ReleasePackage> = await t.client().get<ReleasePackage>(url.replace(t.deps.config.publicUrl, ""));
      expect(r.status, r.text).toBe(200);
      expect(check.releasePackage(r.body)).toBe("valid");
      releases.push(...r.body.releases);
      url = r.body.links?.next;
    }
    expect(new Set(releases.flatMap((r) => r.tag))).toEqual(new Set(["planning", "tender", "tenderUpdate", "tenderAmendment", "award", "awardUpdate", "contract"]));
    // Open codelists are not enforced by the schema: we use their standard codes only.
    const [criteria, methods, milestones, roles] = ["awardCriteria.csv", "submissionMethod.csv", "milestoneType.csv", "partyRole.csv"].map(codelist) as Set<string>[];
    for (const release of releases) {
      expect(criteria?.has(release.tender.awardCriteria), release.tender.awardCriteria).toBe(true);
      for (const m of release.tender.submissionMethod) expect(methods?.has(m), m).toBe(true);
      for (const m of release.tender.milestones) expect(milestones?.has(m.type), m.type).toBe(true);
      for (const p of release.parties) for (const role of p.roles) expect(roles?.has(role), role).toBe(true);
    }
  });

  it.skipIf(!present)("a single release package, for each release", async () => {
    const ids = await t.deps.database.db.selectFrom("ocds_releases").select("id").orderBy("seq").execute();
    for (const { id } of ids) {
      const r = await t.client().get(`/api/v1/ocds/releases/${id}`);
      expect(r.status, r.text).toBe(200);
      expect(check.releasePackage(r.body), id).toBe("valid");
    }
  });

  it.skipIf(!present)("record packages, page by page and whole, and a single record package", async () => {
    const whole = await t.client().get<RecordPackage>("/api/v1/ocds/records");
    expect(check.recordPackage(whole.body)).toBe("valid");
    expect(whole.body.records).toHaveLength(5);
    const page = await t.client().get<RecordPackage>("/api/v1/ocds/records?limit=1");
    expect(check.recordPackage(page.body)).toBe("valid");
    expect(page.body.links?.next).toBeDefined();
    for (const { ocid } of whole.body.records) {
      const r = await t.client().get(`/api/v1/ocds/records/${ocid}`);
      expect(r.status, r.text).toBe(200);
      expect(check.recordPackage(r.body), ocid).toBe("valid");
    }
  });

  it.skipIf(!present)("the validator does reject what the schema forbids", () => {
    expect(check.releasePackage({ uri: "x", version: "1.1", publishedDate: "2026-11-26T03:00:00Z", publisher: { name: "LPSE" }, releases: [{ ocid: "o", id: "1", date: "nope", tag: ["tender"], initiationType: "tender" }] })).not.toBe("valid");
    expect(check.recordPackage({ uri: "https://x.test/p", version: "1.1", publishedDate: "2026-11-26T03:00:00Z", publisher: { name: "LPSE" }, records: [{ ocid: "o", releases: [{ url: "https://x.test/r#1", date: "2026-11-26T03:00:00Z" }], versionedRelease: {} }] })).not.toBe("valid");
  });
});
