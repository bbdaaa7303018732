import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Role } from "../users/roles.js";

export type SurveyRow = DB["surveys"];
export type InvitationRow = DB["survey_invitations"];
export type ImprovementRow = DB["improvement_requests"];
export type ImprovementWithRequester = ImprovementRow & { requester_name: string; requester_role: string };

type Dialect = "sqlite" | "postgres";

// ---- surveys

export async function insertSurvey(db: Queryable, row: SurveyRow): Promise<void> {
  await db.insertInto("surveys").values(row).execute();
}

export function findSurvey(db: Queryable, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lock the survey before sending or closing it (PostgreSQL; SQLite serialises writers anyway). */
export function lockSurvey(db: Queryable, id: string, dialect: Dialect): Promise<SurveyRow | undefined> {
  let q = db.selectFrom("surveys").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateSurvey(db: Queryable, id: string, changes: Partial<Omit<SurveyRow, "id">>): Promise<void> {
  await db.updateTable("surveys").set(changes).where("id", "=", id).execute();
}

export function listSurveys(db: Queryable): Promise<SurveyRow[]> {
  return db.selectFrom("surveys").selectAll().orderBy("created_at", "desc").orderBy("id").execute();
}

/** Response counts per survey. */
export async function countResponses(db: Queryable, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("survey_responses")
    .select(["survey_id", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("survey_id", "in", surveyIds)
    .groupBy("survey_id")
    .execute();
  return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
}

/** Active accounts with one of the roles: the recipients of a survey. */
export function listActiveRecipients(db: Queryable, roles: Role[]): Promise<{ id: string; email: string }[]> {
  if (roles.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "email"]).where("status", "=", "active").where("role", "in", roles).orderBy("id").execute();
}

/** Rows per insert: 5 values each, well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const INVITATION_BATCH = 1000;

export async function insertInvitations(db: Queryable, rows: InvitationRow[]): Promise<void> {
  // In batches: one statement for every vendor of a province would pass the databases' bind-variable limits.
  for (let i = 0; i < rows.length; i += INVITATION_BATCH) await db.insertInto("survey_invitations").values(rows.slice(i, i + INVITATION_BATCH)).execute();
}

export function findInvitationByHash(db: Queryable, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom("survey_invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Use the invitation once: true only for the call that flipped it, so two concurrent answers cannot both count. */
export async function markAnswered(db: Queryable, id: string): Promise<boolean> {
  const result = await db.updateTable("survey_invitations").set({ answered: 1 }).where("id", "=", id).where("answered", "=", 0).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertResponse(db: Queryable, row: DB["survey_responses"]): Promise<void> {
  await db.insertInto("survey_responses").values(row).execute();
}

/** A survey's answers, ordered by their random ids so the order says nothing about who answered when. */
export function listResponses(db: Queryable, surveyId: string): Promise<{ scores: string; comment: string }[]> {
  return db.selectFrom("survey_responses").select(["scores", "comment"]).where("survey_id", "=", surveyId).orderBy("id").execute();
}

/** The most recently closed survey, for the live evidence of standard 15. */
export function latestClosedSurvey(db: Queryable): Promise<SurveyRow | undefined> {
  return db.selectFrom("surveys").selectAll().where("status", "=", "closed").orderBy("closed_at", "desc").orderBy("id").limit(1).executeTakeFirst();
}

// ---- improvement requests

export async function insertImprovement(db: Queryable, row: ImprovementRow): Promise<void> {
  await db.insertInto("improvement_requests").values(row).execute();
}

const withRequester = (db: Queryable) =>
  db.selectFrom("improvement_requests as r").innerJoin("users as u", "u.id", "r.requester_id").selectAll("r").select(["u.name as requester_name", "u.role as requester_role"]);

export function findImprovement(db: Queryable, id: string): Promise<ImprovementWithRequester | undefined> {
  return withRequester(db).where("r.id", "=", id).executeTakeFirst();
}

export function lockImprovement(db: Queryable, id: string, dialect: Dialect): Promise<ImprovementRow | undefined> {
  let q = db.selectFrom("improvement_requests").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateImprovement(db: Queryable, id: string, changes: Partial<Omit<ImprovementRow, "id">>): Promise<void> {
  await db.updateTable("improvement_requests").set(changes).where("id", "=", id).execute();
}

/** Every request, or one requester's own. */
export function listImprovements(db: Queryable, requesterId?: string): Promise<ImprovementWithRequester[]> {
  let q = withRequester(db);
  if (requesterId !== undefined) q = q.where("r.requester_id", "=", requesterId);
  return q.orderBy("r.created_at", "desc").orderBy("r.id").execute();
}
