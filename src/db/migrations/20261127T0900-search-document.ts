import { type Kysely, PostgresAdapter, sql } from "kysely";

/*
 * The public search document: one row per package with everything a text query matches (the package name,
 * its agency and work unit names, the RUP and tender codes), lower-cased and kept by triggers in the
 * database, so no code path can forget it. Indexed by trigrams, so `LIKE '%word%'` is an index lookup for
 * words of three or more characters: FTS5's `trigram` tokenizer on SQLite, `pg_trgm` GIN on PostgreSQL.
 * The fields are separated by spaces; search words never contain whitespace, so a word never matches
 * across two fields.
 */

/** The document of the package `p` (an alias or NEW), as an SQL expression valid in both databases. */
const DOCUMENT = (p: string) => `lower(
  ${p}.name || ' '
  || coalesce((select a.name from agencies a where a.id = ${p}.agency_id), '') || ' '
  || coalesce((select w.name from work_units w where w.id = ${p}.work_unit_id), '') || ' '
  || ${p}.rup_code || ' ' || coalesce(${p}.tender_code, ''))`;

async function sqlite(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  // An explicit integer key: the full-text index refers to rows by it, and VACUUM never renumbers it.
  await run(`create table package_search (id integer primary key, package_id text not null unique, document text not null)`);
  await run(`create virtual table package_search_fts using fts5(document, content = 'package_search', content_rowid = 'id', tokenize = 'trigram')`);
  await run(`create trigger package_search_ai after insert on package_search begin
    insert into package_search_fts (rowid, document) values (new.id, new.document); end`);
  await run(`create trigger package_search_ad after delete on package_search begin
    insert into package_search_fts (package_search_fts, rowid, document) values ('delete', old.id, old.document); end`);
  await run(`create trigger package_search_au after update of document on package_search begin
    insert into package_search_fts (package_search_fts, rowid, document) values ('delete', old.id, old.document);
    insert into package_search_fts (rowid, document) values (new.id, new.document); end`);
  await run(`create trigger packages_search_ai after insert on packages begin
    insert into package_search (package_id, document) values (new.id, ${DOCUMENT("new")}); end`);
  await run(`create trigger packages_search_au after update of name, agency_id, work_unit_id, rup_code, tender_code on packages begin
    update package_search set document = ${DOCUMENT("new")} where package_id = new.id; end`);
  await run(`create trigger packages_search_ad after delete on packages begin
    delete from package_search where package_id = old.id; end`);
  await run(`create trigger agencies_search_au after update of name on agencies begin
    update package_search set document = (select ${DOCUMENT("p")} from packages p where p.id = package_search.package_id)
    where package_id in (select id from packages where agency_id = new.id); end`);
  await run(`create trigger work_units_search_au after update of name on work_units begin
    update package_search set document = (select ${DOCUMENT("p")} from packages p where p.id = package_search.package_id)
    where package_id in (select id from packages where work_unit_id = new.id); end`);
  await run(`insert into package_search (package_id, document) select p.id, ${DOCUMENT("p")} from packages p`);
}

async function postgres(db: Kysely<unknown>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  // pg_trgm is a trusted extension: the database owner may create it without being a superuser.
  await run(`create extension if not exists pg_trgm`);
  await run(`create table package_search (package_id text primary key, document text not null)`);
  await run(`create function package_search_document(p packages) returns text language sql stable as $$ select ${DOCUMENT("p")} $$`);
  await run(`create function packages_search_sync() returns trigger language plpgsql as $$ begin
    insert into package_search (package_id, document) values (new.id, package_search_document(new))
      on conflict (package_id) do update set document = excluded.document;
    return null; end $$`);
  await run(`create trigger packages_search_sync after insert or update of name, agency_id, work_unit_id, rup_code, tender_code on packages
    for each row execute function packages_search_sync()`);
  await run(`create function packages_search_delete() returns trigger language plpgsql as $$ begin
    delete from package_search where package_id = old.id; return null; end $$`);
  await run(`create trigger packages_search_delete after delete on packages for each row execute function packages_search_delete()`);
  await run(`create function organisations_search_sync() returns trigger language plpgsql as $$ begin
    if new.name is distinct from old.name then
      update package_search s set document = package_search_document(p) from packages p
        where p.id = s.package_id and (case when tg_table_name = 'agencies' then p.agency_id else p.work_unit_id end) = new.id;
    end if;
    return null; end $$`);
  await run(`create trigger agencies_search_sync after update of name on agencies for each row execute function organisations_search_sync()`);
  await run(`create trigger work_units_search_sync after update of name on work_units for each row execute function organisations_search_sync()`);
  await run(`insert into package_search (package_id, document) select p.id, package_search_document(p) from packages p`);
  await run(`create index package_search_trigram on package_search using gin (document gin_trgm_ops)`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgres(db);
  else await sqlite(db);
  // Filter-only searches: an agency (and category), and a fiscal year with an HPS range, each newest first.
  await db.schema.createIndex("packages_published_agency").on("packages").columns(["status", "agency_id", "category", "published_at"]).execute();
  await db.schema.createIndex("packages_published_year_hps").on("packages").columns(["status", "fiscal_year", "hps_sen"]).execute();
}
