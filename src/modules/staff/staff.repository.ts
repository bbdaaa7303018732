import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type StaffRow = DB["staff_members"];
export type CompetenceRow = DB["staff_competences"];
export type CertificateRow = DB["staff_certificates"] & { staff_name: string };
export type TrainingRow = DB["trainings"];
export type AttendanceRow = DB["training_attendance"] & { staff_name: string };
type Dialect = "sqlite" | "postgres";

export async function insertStaff(db: Queryable, row: StaffRow): Promise<void> {
  await db.insertInto("staff_members").values(row).execute();
}

export function findStaff(db: Queryable, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom("staff_members").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lock the staff member before changing their competences (PostgreSQL; SQLite serialises writers anyway). */
export function lockStaff(db: Queryable, id: string, dialect: Dialect): Promise<StaffRow | undefined> {
  let q = db.selectFrom("staff_members").selectAll().where("id", "=", id);
  if (dialect === "postgres") q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listStaff(db: Queryable): Promise<StaffRow[]> {
  return db.selectFrom("staff_members").selectAll().orderBy("name").orderBy("id").execute();
}

export function listCompetences(db: Queryable, staffId?: string): Promise<CompetenceRow[]> {
  let q = db.selectFrom("staff_competences").selectAll().orderBy("staff_id").orderBy("competence");
  if (staffId) q = q.where("staff_id", "=", staffId);
  return q.execute();
}

export function findCompetence(db: Queryable, staffId: string, competence: string): Promise<CompetenceRow | undefined> {
  return db.selectFrom("staff_competences").selectAll().where("staff_id", "=", staffId).where("competence", "=", competence).executeTakeFirst();
}

/** Insert or replace one cell of the matrix. */
export async function saveCompetence(db: Queryable, row: CompetenceRow): Promise<void> {
  await db
    .insertInto("staff_competences")
    .values(row)
    .onConflict((oc) => oc.columns(["staff_id", "competence"]).doUpdateSet({ required_level: row.required_level, current_level: row.current_level, updated_at: row.updated_at }))
    .execute();
}

export async function insertCertificate(db: Queryable, row: DB["staff_certificates"]): Promise<void> {
  await db.insertInto("staff_certificates").values(row).execute();
}

export function listCertificates(db: Queryable, id?: string): Promise<CertificateRow[]> {
  let q = db
    .selectFrom("staff_certificates as c")
    .innerJoin("staff_members as s", "s.id", "c.staff_id")
    .selectAll("c")
    .select("s.name as staff_name")
    .orderBy("c.valid_until")
    .orderBy("c.id");
  if (id) q = q.where("c.id", "=", id);
  return q.execute();
}

export async function insertTraining(db: Queryable, row: TrainingRow): Promise<void> {
  await db.insertInto("trainings").values(row).execute();
}

export function findTraining(db: Queryable, id: string): Promise<TrainingRow | undefined> {
  return db.selectFrom("trainings").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listTrainings(db: Queryable, id?: string): Promise<TrainingRow[]> {
  let q = db.selectFrom("trainings").selectAll().orderBy("starts_on", "desc").orderBy("id");
  if (id) q = q.where("id", "=", id);
  return q.execute();
}

export function findAttendance(db: Queryable, trainingId: string, staffId: string) {
  return db.selectFrom("training_attendance").select("id").where("training_id", "=", trainingId).where("staff_id", "=", staffId).executeTakeFirst();
}

export async function insertAttendance(db: Queryable, row: DB["training_attendance"]): Promise<void> {
  await db.insertInto("training_attendance").values(row).execute();
}

export function listAttendance(db: Queryable, trainingIds: string[]): Promise<AttendanceRow[]> {
  if (trainingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("training_attendance as a")
    .innerJoin("staff_members as s", "s.id", "a.staff_id")
    .selectAll("a")
    .select("s.name as staff_name")
    .where("a.training_id", "in", trainingIds)
    .orderBy("s.name")
    .orderBy("a.id")
    .execute();
}
