import type { Queryable } from "../../db/database.js";
import { minutesHash } from "./minutes.document.js";

/**
 * Every issued set of minutes against the log: the `evaluation.minutes_issued` event names the SHA-256 of
 * the body; the stored body must still hash to it. An insider who edits issued minutes is named here.
 */
export async function verifyMinutes(db: Queryable): Promise<string[]> {
  const problems: string[] = [];
  const events = await db.selectFrom("events").select(["idx", "subject_id", "payload"]).where("type", "=", "evaluation.minutes_issued").orderBy("idx").execute();
  const rows = new Map((await db.selectFrom("evaluation_minutes").selectAll().execute()).map((m) => [`${m.package_id}/${m.kind}`, m]));
  for (const event of events) {
    const logged = JSON.parse(event.payload) as { tenderCode: string; kind: string; sha256: string };
    const key = `${event.subject_id ?? ""}/${logged.kind}`;
    const row = rows.get(key);
    rows.delete(key);
    if (!row) problems.push(`minutes ${logged.kind} of tender ${logged.tenderCode} (event ${event.idx}) are missing`);
    else if (row.sha256 !== logged.sha256 || minutesHash(row.content) !== logged.sha256) {
      problems.push(`minutes ${logged.kind} of tender ${logged.tenderCode} differ from their event ${event.idx}: the log says ${logged.sha256}, the stored body hashes to ${minutesHash(row.content)}`);
    }
  }
  for (const row of rows.values()) problems.push(`minutes ${row.kind} of package ${row.package_id} have no evaluation.minutes_issued event in the log`);
  return problems;
}
