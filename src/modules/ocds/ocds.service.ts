import type { Kysely } from "kysely";
import type { Tx } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../server/errors.js";
import { findPackage, listHpsItems } from "../packages/packages.repository.js";
import { ZONE_OFFSET_HOURS } from "../settings/calendar.js";
import type { TimeZoneCode } from "../settings/settings.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { nextCounter, readSchedule } from "../tenders/tenders.repository.js";
import type { OcdsContext } from "./ocds.context.js";
import type { OcdsAmendment, OcdsRelease, ReleaseTag } from "./ocds.types.js";
import { compileReleases } from "./merge.js";
import * as repo from "./ocds.repository.js";
import { buildRelease } from "./release.builder.js";

/** The counter row (in `counters`) that numbers releases; see the OCDS migration. */
const SEQ_COUNTER = "ocds_release_seq";

export interface ReleaseChange {
  packageId: string;
  tag: ReleaseTag[];
  /** With "tenderAmendment" only, and required there: the formal change (an addendum) and its reason. */
  amendment?: { rationale: string; description?: string };
}

/**
 * Record an OCDS release of a published tender as it stands in `trx`, in the transaction of the public
 * change, so the release exists if and only if the change commits. Call it after `appendEvent`: both
 * take a counter row lock, always in that order. The stored text is never changed afterwards.
 *
 * A tender keeps the ocid of its first release, so changing OCDS_PREFIX never splits a record.
 */
export async function recordRelease(trx: Tx, change: ReleaseChange, now: Date, context: OcdsContext): Promise<{ id: string; ocid: string }> {
  if (change.tag.length === 0) throw new Error("an OCDS release needs a tag");
  if (change.tag.includes("tenderAmendment") !== (change.amendment !== undefined)) {
    throw new Error("a tenderAmendment release needs its amendment, and other releases have none");
  }
  const pkg = await findPackage(trx, change.packageId);
  const tenderCode = pkg?.status === "published" ? pkg.tender_code : null;
  if (!pkg || !tenderCode) throw new Error(`package ${change.packageId} is not published: it has no OCDS release yet`);
  const previous = await repo.latestReleaseOfPackage(trx, pkg.id);
  const ocid = previous?.ocid ?? `${context.ocidPrefix}-${tenderCode}`;
  const seq = await nextCounter(trx, SEQ_COUNTER);
  const id = `${ocid}-${seq}`;
  const date = now.toISOString();
  const amendments: OcdsAmendment[] = previous ? ((JSON.parse(previous.release) as OcdsRelease).tender.amendments ?? []) : [];
  if (change.amendment) {
    const { rationale, description } = change.amendment;
    amendments.push({ id: String(amendments.length + 1), date, rationale, ...(description && { description }), ...(previous && { amendsReleaseID: previous.id }), releaseID: id });
  }
  const settings = await getSettings(trx);
  const release = buildRelease(
    {
      pkg: { ...pkg, tender_code: tenderCode },
      items: await listHpsItems(trx, pkg.id),
      schedule: await readSchedule(trx, pkg.id),
      lpse: { name: settings.name, timeZone: settings.timeZone },
      ...(await awardState(trx, pkg.id)),
      ...(await closingState(trx, pkg.id, settings.timeZone)),
    },
    { ocid, id, date, tag: change.tag, amendments },
  );
  await repo.insertRelease(trx, { id, ocid, package_id: pkg.id, tag: JSON.stringify(change.tag), date, release: JSON.stringify(release), seq });
  return { id, ocid };
}

/** The award as it stands: the named winner (pending) and, once the SPPBJ is issued, active. */
async function awardState(trx: Tx, packageId: string) {
  const result = await trx
    .selectFrom("tender_results")
    .innerJoin("vendors", "vendors.id", "tender_results.winner_vendor_id")
    .select(["tender_results.winner_vendor_id", "tender_results.corrected_price_sen", "tender_results.determined_at", "vendors.name"])
    .where("tender_results.package_id", "=", packageId)
    .executeTakeFirst();
  if (!result) return {};
  const letter = await trx.selectFrom("awards").select(["value_sen", "issued_at"]).where("package_id", "=", packageId).executeTakeFirst();
  const failed = await trx.selectFrom("tender_failures").select("package_id").where("package_id", "=", packageId).executeTakeFirst();
  return {
    award: {
      supplier: { id: result.winner_vendor_id, name: result.name },
      valueSen: BigInt(letter?.value_sen ?? result.corrected_price_sen),
      date: letter?.issued_at ?? result.determined_at,
      status: failed ? ("cancelled" as const) : letter ? ("active" as const) : ("pending" as const),
    },
  };
}

/** A failed tender, and the signed contract with its local dates as instants in the LPSE's zone. */
async function closingState(trx: Tx, packageId: string, zone: TimeZoneCode) {
  const failed = await trx.selectFrom("tender_failures").select("package_id").where("package_id", "=", packageId).executeTakeFirst();
  const contract = await trx.selectFrom("contracts").selectAll().where("package_id", "=", packageId).executeTakeFirst();
  return {
    ...(failed && { failed: true }),
    ...(contract && {
      contract: {
        number: contract.contract_number,
        valueSen: BigInt(contract.value_sen),
        dateSigned: localInstant(contract.signed_on, "00:00:00", zone),
        period: { startDate: localInstant(contract.starts_on, "00:00:00", zone), endDate: localInstant(contract.ends_on, "23:59:59", zone) },
      },
    }),
  };
}

function localInstant(date: string, time: string, zone: TimeZoneCode): string {
  return new Date(Date.parse(`${date}T${time}Z`) - ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString();
}

/** Where the packages live and what they say about themselves. */
export interface PublicationInfo {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  now: Date;
}

/** Open licence of the data: CC BY 4.0 (Open Definition conformant, as OCDS recommends). */
export const OCDS_LICENSE = "https://creativecommons.org/licenses/by/4.0/";

function apiBase(publicUrl: string): string {
  return `${publicUrl}/api/v1/ocds`;
}

/** The link of a release inside a record: its one-release package, with the release id as fragment. */
function releaseUrl(publicUrl: string, id: string): string {
  return `${apiBase(publicUrl)}/releases/${encodeURIComponent(id)}#${id}`;
}

async function packageMetadata(db: Kysely<DB>, info: PublicationInfo, uri: string, rows: readonly repo.ReleaseRow[]) {
  const settings = await getSettings(db);
  // Generated on demand: the date of the newest release the package holds (OCDS: "the last change").
  const newest = rows.reduce<string | undefined>((latest, r) => (latest === undefined || r.date > latest ? r.date : latest), undefined);
  return {
    uri,
    version: "1.1" as const,
    publishedDate: newest ?? info.now.toISOString(),
    publisher: { name: settings.name },
    license: OCDS_LICENSE,
    publicationPolicy: `${info.publicUrl}/open-data/ocds`,
  };
}

function parseRelease(row: repo.ReleaseRow): OcdsRelease {
  return JSON.parse(row.release) as OcdsRelease;
}

/** A page of releases in seq order; `links.next` while more follow (seek pagination, never an offset). */
export async function releasePage(db: Kysely<DB>, info: PublicationInfo, query: { after: number; limit: number }) {
  const rows = await repo.releasesAfter(db, query.after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const pageUrl = (after: number) => `${apiBase(info.publicUrl)}/releases?after=${after}&limit=${query.limit}`;
  return {
    ...(await packageMetadata(db, info, pageUrl(query.after), page)),
    releases: page.map(parseRelease),
    ...(rows.length > query.limit && last && { links: { next: pageUrl(last.seq) } }),
  };
}

export async function singleRelease(db: Kysely<DB>, info: PublicationInfo, releaseId: string) {
  const row = await repo.findRelease(db, releaseId);
  if (!row) throw new AppError("NOT_FOUND", { id: `Rilis OCDS ${releaseId} tidak ditemukan`, en: `OCDS release ${releaseId} not found` });
  return { ...(await packageMetadata(db, info, `${apiBase(info.publicUrl)}/releases/${encodeURIComponent(row.id)}`, [row])), releases: [parseRelease(row)] };
}

/** One record per ocid: the releases as links (oldest first) and the compiled release. */
function records(publicUrl: string, ocids: readonly string[], rows: readonly repo.ReleaseRow[]) {
  return ocids.map((ocid) => {
    const own = rows.filter((r) => r.ocid === ocid);
    return {
      ocid,
      releases: own.map((r) => ({ url: releaseUrl(publicUrl, r.id), date: r.date, tag: JSON.parse(r.tag) as string[] })),
      compiledRelease: compileReleases(own.map(parseRelease)),
    };
  });
}

/** A page of records, in the order of their first release, with `links.next` while more follow. */
export async function recordPage(db: Kysely<DB>, info: PublicationInfo, query: { after: number; limit: number }) {
  const found = await repo.recordsAfter(db, query.after, query.limit + 1);
  const page = found.slice(0, query.limit);
  const rows = await repo.releasesOfOcids(db, page.map((r) => r.ocid));
  const last = page.at(-1);
  const pageUrl = (after: number) => `${apiBase(info.publicUrl)}/records?after=${after}&limit=${query.limit}`;
  return {
    ...(await packageMetadata(db, info, pageUrl(query.after), rows)),
    records: records(info.publicUrl, page.map((r) => r.ocid), rows),
    ...(found.length > query.limit && last && { links: { next: pageUrl(last.seq) } }),
  };
}

export async function singleRecord(db: Kysely<DB>, info: PublicationInfo, ocid: string) {
  const rows = await repo.releasesOfOcids(db, [ocid]);
  if (rows.length === 0) throw new AppError("NOT_FOUND", { id: `Proses kontrak ${ocid} tidak ditemukan`, en: `Contracting process ${ocid} not found` });
  return { ...(await packageMetadata(db, info, `${apiBase(info.publicUrl)}/records/${encodeURIComponent(ocid)}`, rows)), records: records(info.publicUrl, [ocid], rows) };
}
