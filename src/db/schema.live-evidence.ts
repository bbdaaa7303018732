/** A live-evidence snapshot attached to a criterion of a cycle (see src/modules/standards/live-evidence.ts). */
export interface CriterionLiveSnapshotsTable {
  id: string;
  cycle_id: string;
  criterion_code: string;
  source_key: string;
  value: string;
  passes: number;
  data_time: string;
  summary_id: string;
  summary_en: string;
  taken_by: string;
  taken_at: string;
}
