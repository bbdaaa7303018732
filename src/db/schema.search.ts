/**
 * The public search document of each published package (migration `search-document`), written only by
 * triggers in the database. `package_search_fts` exists on SQLite only: its trigram index over the documents.
 */
export interface PackageSearchTable {
  /** The publication sequence: a document is added when its package is published. */
  id: number;
  package_id: string;
  document: string;
}

export interface PackageSearchFtsTable {
  rowid: number;
  document: string;
}
