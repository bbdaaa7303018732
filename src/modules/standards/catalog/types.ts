/** The kinds of evidence a criterion can ask for. */
export const EVIDENCE_KINDS = ["document", "record", "register", "platform"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Bilingual {
  id: string;
  en: string;
}

/** One criterion of a standard: what the assessor checks, in our own words, and the evidence it expects. */
export interface Criterion {
  code: string;
  text: Bilingual;
  evidence: readonly EvidenceKind[];
}

export interface Standard {
  number: number;
  code: string;
  name: Bilingual;
  criteria: readonly Criterion[];
}

/** A catalog version: once released it never changes; a revision is a new version. */
export interface Catalog {
  version: number;
  title: Bilingual;
  basis: string;
  standards: readonly Standard[];
}
