import { allEvents, allTreeHeads } from "../../log/log.repository.js";
import type { StoredEvent } from "../../log/verify-chain.js";
import { verifyLog } from "../../log/verify-chain.js";
import type { AppDeps } from "../../server/app.js";
import { verifyBids } from "../bids/verify-bids.js";
import { verifyMinutes } from "../evaluation/verify-minutes.js";

export interface InstallationCheck {
  ok: boolean;
  /** What passed, one line each. */
  passed: string[];
  /** What failed, the first divergence first. */
  problems: string[];
  logSize: number;
}

/**
 * What `openlpse verify` checks, for the CLI, restores and drills: the event log recomputed from the
 * database (every leaf, root and signed head), then every stored sealed bid against its row and event, and
 * every issued set of evaluation minutes against the SHA-256 in its event.
 */
export async function checkInstallation(deps: Pick<AppDeps, "database" | "eventLog" | "fileStore">): Promise<InstallationCheck> {
  const { database, eventLog } = deps;
  const events: StoredEvent[] = [];
  for await (const e of allEvents(database.db)) events.push(e);
  const heads = await allTreeHeads(database.db);
  const result = verifyLog(events, heads, eventLog.key.publicKey);
  if (!result.ok) {
    const problems = result.problems.map((p) => p.message);
    return { ok: false, passed: [], problems: [`Event log verification FAILED: ${problems[0] ?? "unknown problem"}`, ...problems.slice(1)], logSize: events.length };
  }
  const passed = [`Event log OK: ${result.eventCount} events, ${result.headsChecked} signed tree heads verified (key ${eventLog.key.keyId.slice(0, 16)}).`];
  const bidProblems = await verifyBids(database.db, deps.fileStore);
  if (bidProblems.length > 0) {
    return { ok: false, passed, problems: [`Sealed bids verification FAILED: ${bidProblems[0]}`, ...bidProblems.slice(1)], logSize: events.length };
  }
  passed.push("Sealed bids OK: every stored envelope matches its log event.");
  const minutesProblems = await verifyMinutes(database.db);
  if (minutesProblems.length > 0) {
    return { ok: false, passed, problems: [`Evaluation minutes verification FAILED: ${minutesProblems[0]}`, ...minutesProblems.slice(1)], logSize: events.length };
  }
  passed.push("Evaluation minutes OK: every issued document matches the SHA-256 in the log.");
  return { ok: true, passed, problems: [], logSize: events.length };
}
