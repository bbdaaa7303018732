import { expect } from "vitest";
import { createWorkUnit } from "../../src/modules/orgs/orgs.service.js";
import { assignCommittee } from "../../src/modules/packages/assignment.service.js";
import type { PackageInput } from "../../src/modules/packages/packages.schemas.js";
import { createPackage } from "../../src/modules/packages/packages.service.js";
import { publicationContext } from "../../src/modules/tenders/publication-context.js";
import { publishTender } from "../../src/modules/tenders/publication.service.js";
import { setSchedule } from "../../src/modules/tenders/schedule.service.js";
import type { ScheduleInput } from "../../src/modules/tenders/tenders.schemas.js";
import type { Actor } from "../../src/server/actor.js";
import type { TestApp, TestContext } from "./app.js";
import { buildAgency, buildUser, loginAs, type TestUser } from "./factories.js";
import { giveOpeningKeys, publishWithCeremony } from "./sealed-bids.js";
import { pascaSchedule } from "./schedule.js";

export function actorOf(user: TestUser): Actor {
  return { id: user.id, name: user.role, email: user.email, role: user.role, agencyId: user.agencyId, vendorId: null, sessionId: "" };
}

/**
 * A package taken through assignment, schedule and publication with the real services; the schedule is
 * `pascaSchedule()` unless `stages` gives another (a proposal from the real date, for browser tests); three
 * Pokja members unless `pokjaNames` names others (a browser test tells them apart by name).
 */
export async function buildPublishedTender(
  t: TestContext,
  overrides: Partial<PackageInput> & {
    agencyName?: string;
    stages?: ScheduleInput["stages"];
    pokjaNames?: readonly string[];
    /** Publish as the package page does, through the API with the key ceremony; the members get opening keys. */
    keyAtPublication?: boolean;
  } = {},
  /** Runs while the package is still a draft, with its PPK and committee (e.g. to upload its documents). */
  beforePublish?: (packageId: string, ppk: TestUser, pokja: readonly TestUser[]) => Promise<void>,
) {
  const db = t.deps.database.db;
  const now = t.clock.now();
  const agency = await buildAgency(t, overrides.agencyName ? { name: overrides.agencyName } : {});
  const unit = await createWorkUnit(db, null, agency.id, { code: "U1", name: "Bidang Teknis" }, now);
  const ppk = await buildUser(t, "ppk", { agencyId: agency.id });
  const admin = await buildUser(t, "admin_agency", { agencyId: agency.id });
  const { agencyName: _, stages, pokjaNames, keyAtPublication, ...packageOverrides } = overrides;
  const pokja: TestUser[] = [];
  for (const name of pokjaNames ?? ["Pengguna pokja", "Pengguna pokja", "Pengguna pokja"]) pokja.push(await buildUser(t, "pokja", { name }));
  const input: PackageInput = {
    rupCode: "37700001",
    name: "Pembangunan Gedung Serbaguna Kelurahan",
    workUnitId: unit.id,
    fiscalYear: 2027,
    fundingSource: "APBD",
    pagu: "2000000000",
    category: "pekerjaan_konstruksi",
    method: "tender",
    evaluationMethod: "gugur_harga_terendah",
    qualification: "pasca",
    contractType: "harga_satuan",
    kbliCodes: ["41012"],
    qualificationRequirements: "SBU BG004",
    hpsItems: [{ description: "Pekerjaan struktur", unit: "ls", quantity: "1", unitPrice: "1800000000" }],
    ...packageOverrides,
    ...(packageOverrides.workUnitId === undefined && { workUnitId: unit.id }),
  };
  const { row } = await createPackage(db, actorOf(ppk), input, now);
  await assignCommittee(db, actorOf(admin), row.id, { kind: "pokja", memberIds: pokja.map((p) => p.id), decreeNumber: "027/1/2026" }, now);
  const schedule: ScheduleInput = { stages: stages ?? (pascaSchedule() as ScheduleInput["stages"]) };
  await setSchedule(db, actorOf(pokja[0] as TestUser), row.id, schedule, now, publicationContext(t.deps.config));
  if (beforePublish) await beforePublish(row.id, ppk, pokja);
  let tenderCode: string;
  if (keyAtPublication) {
    if (!("client" in t)) throw new Error("keyAtPublication publishes through the in-process app's routes");
    const app = t as TestApp;
    await giveOpeningKeys(app, pokja);
    const published = await publishWithCeremony(await loginAs(app, pokja[0] as TestUser), row.id);
    expect(published.status, published.text).toBe(200);
    tenderCode = published.body.tenderCode ?? "";
  } else {
    tenderCode = await publishTender(db, actorOf(pokja[0] as TestUser), row.id, now, publicationContext(t.deps.config));
  }
  return { packageId: row.id, tenderCode, agency, ppk, admin, pokja };
}
