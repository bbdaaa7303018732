import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";
import * as foundation from "./migrations/20261126T0700-foundation.js";
import * as notifications from "./migrations/20261126T0800-notifications.js";
import * as vendors from "./migrations/20261126T0810-vendors.js";
import * as packages from "./migrations/20261126T0830-packages.js";
import * as assignments from "./migrations/20261126T0840-assignments.js";
import * as tenders from "./migrations/20261126T0850-tenders.js";

import * as participation from "./migrations/20261126T0910-participation.js";
import * as vendorDocuments from "./migrations/20261126T0920-vendor-documents.js";
import * as vendorRecords from "./migrations/20261126T0930-vendor-records.js";
import * as packageDocuments from "./migrations/20261126T0940-package-documents.js";
import * as ocds from "./migrations/20261126T0950-ocds.js";
import * as sealedBids from "./migrations/20261126T0960-sealed-bids.js";
import * as evaluation from "./migrations/20261126T0970-evaluation.js";
import * as award from "./migrations/20261126T0980-award.js";
import * as directProcurement from "./migrations/20261126T0990-direct-procurement.js";
import * as evaluationScores from "./migrations/20261126T1000-evaluation-scores.js";
import * as tenderEnd from "./migrations/20261126T1000-tender-end.js";
import * as evaluationMinutes from "./migrations/20261126T1110-evaluation-minutes.js";
import * as restoreDrills from "./migrations/20261126T1120-restore-drills.js";
import * as standards from "./migrations/20261126T1130-standards.js";
import * as lpsePeers from "./migrations/20261126T1200-lpse-peers.js";
import * as accountRecovery from "./migrations/20261126T1140-account-recovery.js";
import * as helpdesk from "./migrations/20261126T1150-helpdesk.js";
import * as liveEvidence from "./migrations/20261126T1210-live-evidence.js";
import * as registers from "./migrations/20261126T1220-registers.js";
import * as operationsRegisters from "./migrations/20261126T1230-operations-registers.js";
import * as budgetSuppliers from "./migrations/20261127T0140-budget-suppliers.js";
import * as publishedIndex from "./migrations/20261126T1240-published-index.js";
import * as surveys from "./migrations/20261127T0300-surveys.js";
import * as complianceRegisters from "./migrations/20261127T0340-compliance-registers.js";
import * as staffAndServerRoom from "./migrations/20261127T0420-staff-and-server-room.js";
import * as searchDocument from "./migrations/20261127T0900-search-document.js";

/**
 * Migrations are listed here rather than read from a folder, so the same list runs from the
 * TypeScript sources (tests) and the compiled build. Names are timestamped and never change.
 */
const MIGRATIONS: Record<string, Migration> = {
  "20261126T0700-foundation": foundation,
  "20261126T0800-notifications": notifications,
  "20261126T0810-vendors": vendors,
  "20261126T0830-packages": packages,
  "20261126T0840-assignments": assignments,
  "20261126T0850-tenders": tenders,

  "20261126T0910-participation": participation,
  "20261126T0920-vendor-documents": vendorDocuments,
  "20261126T0930-vendor-records": vendorRecords,
  "20261126T0940-package-documents": packageDocuments,
  "20261126T0950-ocds": ocds,
  "20261126T0960-sealed-bids": sealedBids,
  "20261126T0970-evaluation": evaluation,
  "20261126T0980-award": award,
  "20261126T0990-direct-procurement": directProcurement,
  "20261126T1000-evaluation-scores": evaluationScores,
  "20261126T1000-tender-end": tenderEnd,
  "20261126T1110-evaluation-minutes": evaluationMinutes,
  "20261126T1120-restore-drills": restoreDrills,
  "20261126T1130-standards": standards,
  "20261126T1140-account-recovery": accountRecovery,
  "20261126T1150-helpdesk": helpdesk,
  "20261126T1200-lpse-peers": lpsePeers,
  "20261126T1210-live-evidence": liveEvidence,
  "20261126T1220-registers": registers,
  "20261126T1230-operations-registers": operationsRegisters,
  "20261126T1240-published-index": publishedIndex,
  "20261127T0420-staff-and-server-room": staffAndServerRoom,
  "20261127T0140-budget-suppliers": budgetSuppliers,
  "20261127T0300-surveys": surveys,
  "20261127T0340-compliance-registers": complianceRegisters,
  "20261127T0900-search-document": searchDocument,
};

export class MigrationError extends Error {}

/** The names of the migrations this version knows, in order. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

/** Bring the schema up to date; throws naming the migration that failed. */
// biome-ignore lint: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
