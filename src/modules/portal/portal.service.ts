import type { Kysely } from "kysely";
import type { Dialect } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../server/errors.js";
import { parseRupiah, quantityString, rupiahString } from "../packages/money.js";
import { listHpsItems } from "../packages/packages.repository.js";
import type { Category, Method } from "../packages/packages.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { currentStage, type StageKey, type StageWindow } from "../tenders/schedule.rules.js";
import { listScheduleChanges } from "../tenders/tenders.repository.js";
import * as repo from "./portal.repository.js";
import type { TenderSearchQuery } from "./portal.schemas.js";

type TenderRow = Awaited<ReturnType<typeof repo.latestTenders>>[number];

function windowsOf(rows: { stage: string; starts_at: string; ends_at: string }[]): StageWindow[] {
  return rows.map((r) => ({ stage: r.stage as StageKey, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }));
}

function summary(row: TenderRow, windows: StageWindow[], now: Date) {
  const phase = currentStage(windows, now);
  return {
    tenderCode: row.tender_code ?? "",
    name: row.name,
    agencyName: row.agency_name,
    workUnitName: row.work_unit_name,
    category: row.category as Category,
    method: row.method as Method,
    fiscalYear: row.fiscal_year,
    pagu: rupiahString(BigInt(row.pagu_sen)),
    hps: rupiahString(BigInt(row.hps_sen)),
    publishedAt: row.published_at ?? "",
    stage: phase.stage,
    stageOpen: phase.open,
  };
}

/** The public search: published tenders only, filtered, newest first, with the stage at this moment. */
export async function searchPublicTenders(db: Kysely<DB>, dialect: Dialect, query: TenderSearchQuery, now: Date) {
  const minHpsSen = query.minHps === undefined ? undefined : Number(parseRupiah(query.minHps));
  const maxHpsSen = query.maxHps === undefined ? undefined : Number(parseRupiah(query.maxHps));
  const { total, totalExact, rows } = await repo.searchTenders(db, dialect, { ...query, minHpsSen, maxHpsSen }, now.toISOString());
  const schedules = await repo.schedulesOf(db, rows.map((r) => r.id));
  return {
    items: rows.map((row) => summary(row, windowsOf(schedules.filter((s) => s.package_id === row.id)), now)),
    total,
    totalExact,
    page: query.page,
    pageSize: query.pageSize,
    serverTime: now.toISOString(),
  };
}

/** The announcement: every public field (the HPS is public by law), the schedule and its changes. */
export async function publicTender(db: Kysely<DB>, tenderCode: string, now: Date) {
  const row = await repo.findPublishedTender(db, tenderCode);
  if (!row) throw new AppError("NOT_FOUND", { id: `Tender ${tenderCode} tidak ditemukan`, en: `Tender ${tenderCode} not found` });
  const windows = windowsOf(await repo.schedulesOf(db, [row.id]));
  const changes = await listScheduleChanges(db, row.id);
  const stage = currentStage(windows, now);
  return {
    ...summary(row, windows, now),
    rupCode: row.rup_code,
    fundingSource: row.funding_source,
    evaluationMethod: row.evaluation_method,
    qualification: row.qualification,
    contractType: row.contract_type,
    kbliCodes: JSON.parse(row.kbli_codes) as string[],
    qualificationRequirements: row.qualification_requirements,
    items: (await listHpsItems(db, row.id)).map((i) => ({ id: i.id, description: i.description, unit: i.unit, quantity: quantityString(BigInt(i.quantity_milli)) })),
    schedule: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
    scheduleChanges: changes.map((c) => ({ changedAt: c.changed_at, reasonKind: c.reason_kind, reasonText: c.reason_text })),
    ...(await repo.retenderCodes(db, row.id, row.retender_of)),
    next: stage.next,
    stageOpensAt: stage.opensAt?.toISOString() ?? null,
    serverTime: now.toISOString(),
    timeZone: (await getSettings(db)).timeZone,
  };
}

export { latestTenders } from "./portal.repository.js";
