import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { LPSE_WIDE_ROLES } from "../users/roles.js";

export type CycleRow = DB["standard_cycles"];
export type FindingRow = DB["standard_findings"];
export type EvidenceRow = DB["criterion_evidence"];
export type AssessmentRow = DB["criterion_assessments"];

export interface PersonRow {
  id: string;
  name: string;
}

// --- cycles ---------------------------------------------------------------
export async function insertCycle(db: Queryable, row: CycleRow): Promise<void> {
  await db.insertInto("standard_cycles").values(row).execute();
}

export function findCycle(db: Queryable, id: string) {
  return db.selectFrom("standard_cycles").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findCycleByPeriod(db: Queryable, period: string) {
  return db.selectFrom("standard_cycles").select("id").where("period", "=", period).executeTakeFirst();
}

/** Takes the cycle's row lock (PostgreSQL) or the write lock (SQLite) before a change is checked and made. */
export async function lockCycle(db: Queryable, id: string): Promise<CycleRow | undefined> {
  await db.updateTable("standard_cycles").set((eb) => ({ status: eb.ref("status") })).where("id", "=", id).execute();
  return findCycle(db, id);
}

export function listCycles(db: Queryable) {
  return db.selectFrom("standard_cycles").selectAll().orderBy("opened_at", "desc").orderBy("id").execute();
}

/** Cycles where the user is on the team or owns a corrective action. */
export async function cycleIdsInvolving(db: Queryable, userId: string): Promise<Set<string>> {
  const team = await db.selectFrom("standard_team_members").select("cycle_id").where("user_id", "=", userId).execute();
  const owned = await db.selectFrom("standard_findings").select("cycle_id").where("owner_id", "=", userId).execute();
  return new Set([...team, ...owned].map((r) => r.cycle_id));
}

export async function updateCycle(db: Queryable, id: string, changes: Partial<CycleRow>): Promise<void> {
  await db.updateTable("standard_cycles").set(changes).where("id", "=", id).execute();
}

// --- people ---------------------------------------------------------------
/** Active users of the LPSE itself (LPSE-wide roles): who may sit on the team or own a corrective action. */
export function listStaff(db: Queryable) {
  return db.selectFrom("users").select(["id", "name", "role"]).where("status", "=", "active").where("role", "in", [...LPSE_WIDE_ROLES]).orderBy("name").execute();
}

export function findStaff(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "name", "role"]).where("status", "=", "active").where("role", "in", [...LPSE_WIDE_ROLES]).where("id", "in", [...ids]).execute();
}

export async function namesOf(db: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// --- team and coordinators ------------------------------------------------
export function listTeam(db: Queryable, cycleId: string) {
  return db
    .selectFrom("standard_team_members")
    .innerJoin("users", "users.id", "standard_team_members.user_id")
    .select(["users.id", "users.name"])
    .where("standard_team_members.cycle_id", "=", cycleId)
    .orderBy("users.name")
    .execute();
}

export async function isTeamMember(db: Queryable, cycleId: string, userId: string): Promise<boolean> {
  return (await db.selectFrom("standard_team_members").select("user_id").where("cycle_id", "=", cycleId).where("user_id", "=", userId).executeTakeFirst()) !== undefined;
}

export async function ownsActionIn(db: Queryable, cycleId: string, userId: string): Promise<boolean> {
  return (await db.selectFrom("standard_findings").select("id").where("cycle_id", "=", cycleId).where("owner_id", "=", userId).executeTakeFirst()) !== undefined;
}

export async function replaceTeam(db: Queryable, cycleId: string, userIds: readonly string[], at: string): Promise<void> {
  await db.deleteFrom("standard_team_members").where("cycle_id", "=", cycleId).execute();
  await db.insertInto("standard_team_members").values(userIds.map((user_id) => ({ cycle_id: cycleId, user_id, appointed_at: at }))).execute();
}

export function listCoordinators(db: Queryable, cycleId: string) {
  return db.selectFrom("standard_coordinators").selectAll().where("cycle_id", "=", cycleId).execute();
}

export async function setCoordinator(db: Queryable, row: DB["standard_coordinators"]): Promise<void> {
  await db.deleteFrom("standard_coordinators").where("cycle_id", "=", row.cycle_id).where("standard_code", "=", row.standard_code).execute();
  await db.insertInto("standard_coordinators").values(row).execute();
}

// --- assessments and evidence ---------------------------------------------
export function listAssessments(db: Queryable, cycleId: string) {
  return db.selectFrom("criterion_assessments").selectAll().where("cycle_id", "=", cycleId).execute();
}

export async function saveAssessment(db: Queryable, row: AssessmentRow): Promise<void> {
  await db.deleteFrom("criterion_assessments").where("cycle_id", "=", row.cycle_id).where("criterion_code", "=", row.criterion_code).execute();
  await db.insertInto("criterion_assessments").values(row).execute();
}

export function listEvidence(db: Queryable, cycleId: string) {
  return db.selectFrom("criterion_evidence").selectAll().where("cycle_id", "=", cycleId).orderBy("added_at").orderBy("id").execute();
}

export function findEvidence(db: Queryable, cycleId: string, id: string) {
  return db.selectFrom("criterion_evidence").selectAll().where("cycle_id", "=", cycleId).where("id", "=", id).executeTakeFirst();
}

export async function insertEvidence(db: Queryable, row: EvidenceRow): Promise<void> {
  await db.insertInto("criterion_evidence").values(row).execute();
}

// --- findings -------------------------------------------------------------
export function listFindings(db: Queryable, cycleId: string) {
  return db.selectFrom("standard_findings").selectAll().where("cycle_id", "=", cycleId).orderBy("number").execute();
}

export function findFinding(db: Queryable, cycleId: string, id: string) {
  return db.selectFrom("standard_findings").selectAll().where("cycle_id", "=", cycleId).where("id", "=", id).executeTakeFirst();
}

export async function nextFindingNumber(db: Queryable, cycleId: string): Promise<number> {
  const row = await db.selectFrom("standard_findings").select((eb) => eb.fn.max<number>("number").as("n")).where("cycle_id", "=", cycleId).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertFinding(db: Queryable, row: FindingRow): Promise<void> {
  await db.insertInto("standard_findings").values(row).execute();
}

export async function updateFinding(db: Queryable, id: string, changes: Partial<FindingRow>): Promise<void> {
  await db.updateTable("standard_findings").set(changes).where("id", "=", id).execute();
}

// --- LKPP verification ----------------------------------------------------
export function listLkpp(db: Queryable, cycleId: string) {
  return db.selectFrom("lkpp_verifications").selectAll().where("cycle_id", "=", cycleId).execute();
}

export async function saveLkpp(db: Queryable, row: DB["lkpp_verifications"]): Promise<void> {
  await db.deleteFrom("lkpp_verifications").where("cycle_id", "=", row.cycle_id).where("standard_code", "=", row.standard_code).execute();
  await db.insertInto("lkpp_verifications").values(row).execute();
}
