import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type ReleaseRow = DB["ocds_releases"];

/** Releases are inserted once and never updated: this module has no update or delete. */
export async function insertRelease(db: Queryable, row: ReleaseRow): Promise<void> {
  await db.insertInto("ocds_releases").values(row).execute();
}

/** The newest release of a package: its ocid and amendments carry over to the next release. */
export function latestReleaseOfPackage(db: Queryable, packageId: string): Promise<ReleaseRow | undefined> {
  return db.selectFrom("ocds_releases").selectAll().where("package_id", "=", packageId).orderBy("seq", "desc").limit(1).executeTakeFirst();
}

/** Seek pagination: the releases after `after` in seq order (ask for one more to know if a page follows). */
export function releasesAfter(db: Queryable, after: number, limit: number): Promise<ReleaseRow[]> {
  return db.selectFrom("ocds_releases").selectAll().where("seq", ">", after).orderBy("seq").limit(limit).execute();
}

export function findRelease(db: Queryable, id: string): Promise<ReleaseRow | undefined> {
  return db.selectFrom("ocds_releases").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Records in the order of their first release (which never changes, so a walk over the pages sees
 * each record once): first releases after `after`, found with the (ocid, seq) index.
 */
export function recordsAfter(db: Queryable, after: number, limit: number): Promise<{ ocid: string; seq: number }[]> {
  return db
    .selectFrom("ocds_releases as r")
    .select(["r.ocid", "r.seq"])
    .where("r.seq", ">", after)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("ocds_releases as p").select("p.seq").whereRef("p.ocid", "=", "r.ocid").whereRef("p.seq", "<", "r.seq"))))
    .orderBy("r.seq")
    .limit(limit)
    .execute();
}

/** Every release of the given ocids, oldest first. */
export function releasesOfOcids(db: Queryable, ocids: readonly string[]): Promise<ReleaseRow[]> {
  if (ocids.length === 0) return Promise.resolve([]);
  return db.selectFrom("ocds_releases").selectAll().where("ocid", "in", ocids).orderBy("seq").execute();
}
