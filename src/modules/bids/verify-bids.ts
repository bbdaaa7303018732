import { createHash } from "node:crypto";
import type { Queryable } from "../../db/database.js";
import type { FileStore } from "../../storage/file-store.js";

/**
 * Every stored bid against the log and the file store: the `bid.submitted` event names the envelope's
 * hash and size; the bid row must say the same, and the stored file must still hash to it. An insider who
 * swaps, edits or deletes an envelope, or repoints a bid row, is named here.
 */
export async function verifyBids(db: Queryable, files: FileStore): Promise<string[]> {
  const problems: string[] = [];
  const events = await db.selectFrom("events").select(["idx", "payload"]).where("type", "=", "bid.submitted").orderBy("idx").execute();
  const rows = new Map((await db.selectFrom("bids").selectAll().execute()).map((b) => [b.id, b]));
  for (const event of events) {
    const logged = JSON.parse(event.payload) as { bidId: string; sha256: string; size: number };
    const row = rows.get(logged.bidId);
    rows.delete(logged.bidId);
    if (!row) {
      problems.push(`bid ${logged.bidId} (event ${event.idx}) is missing from the bids table`);
      continue;
    }
    if (row.sha256 !== logged.sha256 || Number(row.size) !== logged.size || row.log_index !== event.idx) {
      problems.push(`bid ${row.id} differs from its event ${event.idx}: the row says ${row.sha256} (${row.size} bytes), the log ${logged.sha256} (${logged.size} bytes)`);
      continue;
    }
    const actual = await hashStored(files, row.sha256);
    if (actual === null) problems.push(`bid ${row.id} (event ${event.idx}): its envelope ${row.sha256} is missing from the file store`);
    else if (actual.sha256 !== row.sha256 || actual.size !== logged.size) problems.push(`bid ${row.id} (event ${event.idx}): its stored envelope was altered (now ${actual.sha256}, ${actual.size} bytes)`);
  }
  for (const row of rows.values()) problems.push(`bid ${row.id} has no bid.submitted event in the log`);
  return problems;
}

async function hashStored(files: FileStore, sha256: string): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of files.open(sha256)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return { sha256: hash.digest("hex"), size };
}
