/** The sealed bid's vocabulary, dependency-free so the vendor's browser and the opening use the same lists. */

/**
 * The kinds of file a bid carries (Perpres 16/2018 art. 48: administrative, technical and price
 * documents), and "other" for what fits none. They travel inside the encrypted bid document.
 */
export const BID_FILE_KINDS = ["administrasi", "teknis", "harga", "lainnya"] as const;
export type BidFileKind = (typeof BID_FILE_KINDS)[number];

/**
 * The longest bid validity a vendor may state, in days. The tender document sets the minimum the committee
 * evaluates against; a year is beyond any tender's evaluation and contract period, so a longer one is a typo.
 */
export const MAX_BID_VALIDITY_DAYS = 365;
