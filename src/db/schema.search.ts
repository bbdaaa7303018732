/**
 * The public search document of each package (migration `search-document`), written only by triggers in the
 * database. `package_search_fts` exists on SQLite only: its trigram index over `package_search.document`.
 */
export interface PackageSearchTable {
  /** SQLite only: the key the full-text index refers to (PostgreSQL keys by package_id). */
  id: number;
  package_id: string;
  document: string;
}

export interface PackageSearchFtsTable {
  rowid: number;
  document: string;
}
