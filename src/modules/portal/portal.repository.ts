import { type AliasedSelectQueryBuilder, type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Dialect, Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { TenderSearchQuery } from "./portal.schemas.js";

/**
 * Counting stops this many matches past the start of the requested page: a broad query reports "1,000+"
 * instead of paying for the exact count of every matching package (the count was half of each request).
 */
export const COUNT_AHEAD = 1000;

/** LIKE wildcards and escapes are dropped from search words: escaping differs between SQLite and PostgreSQL. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().replace(/[\\%_]/g, " ").split(/\s+/).filter(Boolean).slice(0, 8);
}

function publishedTenders(db: Queryable) {
  return db
    .selectFrom("packages")
    .innerJoin("agencies", "agencies.id", "packages.agency_id")
    .innerJoin("work_units", "work_units.id", "packages.work_unit_id")
    .where("packages.status", "=", "published");
}

type SearchFilters = TenderSearchQuery & { minHpsSen?: number; maxHpsSen?: number };

/** The filters on the package itself (all but the text), as one condition usable with or without the joins. */
function packageFilters(eb: ExpressionBuilder<DB, "packages">, query: SearchFilters, now: string): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (query.agencyId) all.push(eb("packages.agency_id", "=", query.agencyId));
  if (query.category) all.push(eb("packages.category", "=", query.category));
  if (query.method) all.push(eb("packages.method", "=", query.method));
  if (query.fiscalYear) all.push(eb("packages.fiscal_year", "=", query.fiscalYear));
  if (query.minHpsSen !== undefined) all.push(eb("packages.hps_sen", ">=", query.minHpsSen));
  if (query.maxHpsSen !== undefined) all.push(eb("packages.hps_sen", "<=", query.maxHpsSen));
  const stage = query.stage;
  if (stage) {
    all.push(
      eb.exists(
        eb
          .selectFrom("package_schedules as w")
          .select("w.position")
          .whereRef("w.package_id", "=", "packages.id")
          .where("w.stage", "=", stage)
          .where("w.ends_at", ">", now)
          // Open now, or next to open: the stage before it has ended (currentStage's rule).
          .where((inner) =>
            inner.or([
              inner("w.starts_at", "<=", now),
              inner.exists(
                inner
                  .selectFrom("package_schedules as previous")
                  .select("previous.position")
                  .whereRef("previous.package_id", "=", "w.package_id")
                  .where("previous.position", "=", inner("w.position", "-", inner.lit(1)))
                  .where("previous.ends_at", "<=", now),
              ),
            ]),
          ),
      ),
    );
  }
  return eb.and(all);
}

/** An FTS5 query: every word as a quoted phrase (quotes doubled), all of them required. */
function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");
}

/**
 * The search documents (one per published package: name, agency, work unit, RUP and tender codes; migration
 * `search-document`) containing every word. A word of three or more characters is a trigram index lookup
 * (SQLite: FTS5, whose rowid order is the publication order, so a page needs no sort and LIMIT stops the
 * lookup; PostgreSQL: its planner uses the pg_trgm index for LIKE). A shorter word cannot use a trigram
 * index: it is checked on the documents the other words found, or on every document, newest first, when all
 * words are short (a scan, stopped as soon as the page and the count are full).
 */
function matchingDocuments(db: Queryable, dialect: Dialect, words: string[]) {
  const indexed = dialect === "sqlite" ? words.filter((w) => w.length >= 3) : [];
  let q = db.selectFrom("package_search");
  for (const word of indexed.length > 0 ? words.filter((w) => w.length < 3) : words) q = q.where("package_search.document", "like", `%${word}%`);
  if (indexed.length === 0) return { q, byIndex: false };
  // Typed as the query without the index table: the callers only add the packages and their conditions.
  const fts = q.innerJoin("package_search_fts", "package_search_fts.rowid", "package_search.id").where(sql<SqlBool>`package_search_fts match ${ftsQuery(indexed)}`);
  return { q: fts as unknown as typeof q, byIndex: true };
}

function hasPackageFilters(query: SearchFilters): boolean {
  return [query.agencyId, query.category, query.method, query.stage, query.fiscalYear, query.minHpsSen, query.maxHpsSen].some((v) => v !== undefined);
}

/**
 * Published tenders matching the filters, newest first; `stage` is matched against the schedule at `now` as
 * `currentStage` derives it. `total` is exact when `totalExact`, otherwise a lower bound (see COUNT_AHEAD).
 */
export async function searchTenders(db: Queryable, dialect: Dialect, query: SearchFilters, now: string) {
  const words = query.q ? searchWords(query.q) : [];
  const offset = (query.page - 1) * query.pageSize;
  const cap = offset + COUNT_AHEAD;
  const columns = ["agencies.name as agency_name", "work_units.name as work_unit_name"] as const;
  const countOf = async (matches: { as(alias: "matches"): AliasedSelectQueryBuilder<{ id: string | number }, "matches"> }) =>
    Number((await db.selectFrom(matches.as("matches")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  let n;
  let rows;
  if (words.length > 0) {
    // Every word must appear in the document (Indonesian has little inflection to stem).
    const { q: documents, byIndex } = matchingDocuments(db, dialect, words);
    const packages = documents.innerJoin("packages", "packages.id", "package_search.package_id").where("packages.status", "=", "published").where((eb) => packageFilters(eb, query, now));
    // Only published packages have a document: without filters on the package the documents are counted alone.
    n = await countOf(hasPackageFilters(query) ? packages.select("package_search.id").limit(cap + 1) : documents.select("package_search.id").limit(cap + 1));
    if (!byIndex && !hasPackageFilters(query)) {
      // The page is taken from the documents alone, newest first (publication sequence), before the join:
      // PostgreSQL would otherwise join every match to its package and only then sort.
      const top = documents.select(["package_search.package_id", "package_search.id"]).orderBy("package_search.id", "desc").limit(query.pageSize).offset(offset).as("top");
      rows = await db
        .selectFrom(top)
        .innerJoin("packages", "packages.id", "top.package_id")
        .innerJoin("agencies", "agencies.id", "packages.agency_id")
        .innerJoin("work_units", "work_units.id", "packages.work_unit_id")
        .selectAll("packages")
        .select(columns)
        .orderBy("top.id", "desc")
        .execute();
    } else {
      const listed = packages.innerJoin("agencies", "agencies.id", "packages.agency_id").innerJoin("work_units", "work_units.id", "packages.work_unit_id").selectAll("packages").select(columns);
      const ordered = byIndex ? listed.orderBy(sql.ref("package_search_fts.rowid"), "desc") : listed.orderBy("packages.published_at", "desc").orderBy("packages.id");
      rows = await ordered.limit(query.pageSize).offset(offset).execute();
    }
  } else {
    // Both joins always match (the keys are required), so the count runs on the packages alone.
    n = await countOf(db.selectFrom("packages").where("packages.status", "=", "published").where((eb) => packageFilters(eb, query, now)).select("packages.id").limit(cap + 1));
    rows = await publishedTenders(db)
      .where((eb) => packageFilters(eb, query, now))
      .selectAll("packages")
      .select(columns)
      .orderBy("packages.published_at", "desc")
      .orderBy("packages.id")
      .limit(query.pageSize)
      .offset(offset)
      .execute();
  }
  return { total: Math.min(n, cap), totalExact: n <= cap, rows };
}

export function findPublishedTender(db: Queryable, tenderCode: string) {
  return publishedTenders(db)
    .selectAll("packages")
    .select(["agencies.name as agency_name", "work_units.name as work_unit_name"])
    .where("packages.tender_code", "=", tenderCode)
    .executeTakeFirst();
}

/**
 * The tender codes a re-tender links by: the failed tender it repeats, and the published re-tender of this
 * one (a draft re-tender is the PPK's and has no code yet).
 */
export async function retenderCodes(db: Queryable, packageId: string, retenderOf: string | null) {
  const origin = retenderOf ? await db.selectFrom("packages").select("tender_code").where("id", "=", retenderOf).executeTakeFirst() : undefined;
  const repeat = await db.selectFrom("packages").select("tender_code").where("retender_of", "=", packageId).where("tender_code", "is not", null).orderBy("published_at").executeTakeFirst();
  return { retenderOf: origin?.tender_code ?? null, retenderedAs: repeat?.tender_code ?? null };
}

/** Newest announcements for the feed. */
export function latestTenders(db: Queryable, limit: number) {
  return publishedTenders(db)
    .selectAll("packages")
    .select(["agencies.name as agency_name", "work_units.name as work_unit_name"])
    .orderBy("packages.published_at", "desc")
    .limit(limit)
    .execute();
}

/** Schedules of several packages at once (one query for a result page). */
export function schedulesOf(db: Queryable, packageIds: string[]) {
  if (packageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("package_schedules").selectAll().where("package_id", "in", packageIds).orderBy("package_id").orderBy("position").execute();
}

/** Active agencies by name, with their published tenders counted (inactive ones only while they have some). */
export async function publicAgencies(db: Queryable) {
  const rows = await db
    .selectFrom("agencies")
    .leftJoin("packages", (join) => join.onRef("packages.agency_id", "=", "agencies.id").on("packages.status", "=", "published"))
    .select(["agencies.id", "agencies.code", "agencies.name", "agencies.active"])
    .select((eb) => eb.fn.count<number>("packages.id").as("tenders"))
    .groupBy(["agencies.id", "agencies.code", "agencies.name", "agencies.active"])
    .orderBy("agencies.name")
    .execute();
  return rows.filter((r) => r.active === 1 || Number(r.tenders) > 0).map((r) => ({ id: r.id, code: r.code, name: r.name, tenderCount: Number(r.tenders) }));
}
