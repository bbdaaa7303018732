import type { Queryable } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export function findOpeningKey(db: Queryable, userId: string) {
  return db.selectFrom("opening_keys").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** Whether the member holds a share of a tender not opened yet (its opening key must then stay). */
export async function holdsPendingShare(db: Queryable, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("tender_key_shares")
    .leftJoin("tender_openings", "tender_openings.package_id", "tender_key_shares.package_id")
    .select("tender_key_shares.package_id")
    .where("tender_key_shares.user_id", "=", userId)
    .where("tender_openings.package_id", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function saveOpeningKey(db: Queryable, row: DB["opening_keys"]): Promise<void> {
  await db.deleteFrom("opening_keys").where("user_id", "=", row.user_id).execute();
  await db.insertInto("opening_keys").values(row).execute();
}

/** The committee of a package with each member's opening public key, if set. */
export function committeeKeys(db: Queryable, packageId: string) {
  return db
    .selectFrom("package_committee_members")
    .innerJoin("users", "users.id", "package_committee_members.user_id")
    .leftJoin("opening_keys", "opening_keys.user_id", "users.id")
    .select(["users.id as user_id", "users.name", "opening_keys.public_key"])
    .where("package_committee_members.package_id", "=", packageId)
    .orderBy("users.name")
    .execute();
}

/** The active heads of the LPSE with their opening keys: the holder of the escrow share. */
export function activeHeads(db: Queryable) {
  return db
    .selectFrom("users")
    .leftJoin("opening_keys", "opening_keys.user_id", "users.id")
    .select(["users.id as user_id", "users.name", "opening_keys.public_key"])
    .where("users.role", "=", "kepala_lpse")
    .where("users.status", "=", "active")
    .orderBy("users.name")
    .execute();
}

export function findTenderKey(db: Queryable, packageId: string) {
  return db.selectFrom("tender_keys").selectAll().where("package_id", "=", packageId).executeTakeFirst();
}

/** The shares of a tender key: the committee's, and whether one more is held in escrow (by someone outside it). */
export async function countShares(db: Queryable, packageId: string): Promise<{ members: number; escrow: boolean }> {
  const rows = await db
    .selectFrom("tender_key_shares")
    .leftJoin("package_committee_members", (join) =>
      join.onRef("package_committee_members.package_id", "=", "tender_key_shares.package_id").onRef("package_committee_members.user_id", "=", "tender_key_shares.user_id"),
    )
    .select("package_committee_members.user_id as member")
    .where("tender_key_shares.package_id", "=", packageId)
    .execute();
  const members = rows.filter((r) => r.member !== null).length;
  return { members, escrow: rows.length > members };
}

export function findShare(db: Queryable, packageId: string, userId: string) {
  return db.selectFrom("tender_key_shares").selectAll().where("package_id", "=", packageId).where("user_id", "=", userId).executeTakeFirst();
}

export function activeBid(db: Queryable, packageId: string, vendorId: string) {
  return db.selectFrom("bids").selectAll().where("package_id", "=", packageId).where("vendor_id", "=", vendorId).where("status", "=", "active").executeTakeFirst();
}

/** One of the vendor's bids on the package, whatever its status; scoped to the vendor, so another's is not found. */
export function findVendorBid(db: Queryable, packageId: string, vendorId: string, bidId: string) {
  return db.selectFrom("bids").selectAll().where("id", "=", bidId).where("package_id", "=", packageId).where("vendor_id", "=", vendorId).executeTakeFirst();
}

/** The bids that count: one active envelope per vendor. */
export function activeBids(db: Queryable, packageId: string) {
  return db
    .selectFrom("bids")
    .innerJoin("vendors", "vendors.id", "bids.vendor_id")
    .selectAll("bids")
    .select("vendors.name as vendor_name")
    .where("bids.package_id", "=", packageId)
    .where("bids.status", "=", "active")
    .orderBy("bids.submitted_at")
    .orderBy("bids.id")
    .execute();
}

export function submittedShares(db: Queryable, packageId: string) {
  return db.selectFrom("opening_shares").selectAll().where("package_id", "=", packageId).orderBy("submitted_at").execute();
}

export function findOpening(db: Queryable, packageId: string) {
  return db.selectFrom("tender_openings").selectAll().where("package_id", "=", packageId).executeTakeFirst();
}

export function openingResults(db: Queryable, packageId: string) {
  return db
    .selectFrom("bid_openings")
    .innerJoin("bids", "bids.id", "bid_openings.bid_id")
    .innerJoin("vendors", "vendors.id", "bid_openings.vendor_id")
    .select(["bid_openings.status", "bid_openings.price_sen", "bid_openings.error", "bids.sha256", "vendors.name as vendor_name"])
    .where("bid_openings.package_id", "=", packageId)
    .orderBy("vendors.name")
    .execute();
}
