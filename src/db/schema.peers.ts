/** Tables of the comparison between LPSEs (`src/modules/standards/peers.*`). Part of the `DB` type in schema.ts. */

export type SummarySource = "signed" | "recorded";
export type VisitDirection = "outgoing" | "incoming";

/** Another LPSE known to this installation; its key is pinned at the first signed summary imported. */
export interface LpsePeersTable {
  id: string;
  name: string;
  region: string;
  key_id: string | null;
  public_key: string | null;
  added_by: string;
  added_at: string;
}

/** A peer's signed-off assessment result; `standards` is JSON `[{ code, met, lkpp }]`. */
export interface PeerSummariesTable {
  id: string;
  peer_id: string;
  period: string;
  catalog_version: number;
  signed_off_at: string;
  met_count: number;
  standard_count: number;
  standards: string;
  source: SummarySource;
  signed_document: string | null;
  signature: string | null;
  imported_by: string;
  imported_at: string;
}

/** A policy, SOP or form an LPSE publishes for others; `peer_id` null when this LPSE published it. The file is in the blob store. */
export interface StandardTemplatesTable {
  id: string;
  peer_id: string | null;
  title: string;
  standard_code: string;
  criterion_code: string;
  description: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  published_by: string;
  published_at: string;
}

/** A study visit between this LPSE and a peer; `standards` is a JSON array of standard codes. */
export interface StudyVisitsTable {
  id: string;
  direction: VisitDirection;
  peer_id: string;
  visited_on: string;
  participants: string;
  standards: string;
  notes: string;
  recorded_by: string;
  recorded_at: string;
}

/** A follow-up action a study visit produced, optionally linked to a finding of a cycle. */
export interface StudyVisitActionsTable {
  id: string;
  visit_id: string;
  /** Order within the visit, from 0. */
  position: number;
  description: string;
  finding_id: string | null;
  recorded_at: string;
}
