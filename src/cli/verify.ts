import { allEvents, allTreeHeads } from "../log/log.repository.js";
import type { StoredEvent } from "../log/verify-chain.js";
import { verifyLog } from "../log/verify-chain.js";
import { loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
import { verifyBids } from "../modules/bids/verify-bids.js";
import { verifyMinutes } from "../modules/evaluation/verify-minutes.js";
import type { Io } from "./commands.js";

/** `openlpse verify`: recompute the whole tree from the database; exit 1 naming the first divergence. */
export async function verifyCommand(io: Io): Promise<number> {
  const runtime = await openRuntime(loadConfig(io.env));
  try {
    const { database, eventLog } = runtime.deps;
    const events: StoredEvent[] = [];
    for await (const e of allEvents(database.db)) events.push(e);
    const heads = await allTreeHeads(database.db);
    const result = verifyLog(events, heads, eventLog.key.publicKey);
    if (!result.ok) {
      io.err(`Event log verification FAILED: ${result.firstProblem?.message ?? "unknown problem"}`);
      for (const p of result.problems.slice(1, 20)) io.err(`  also: ${p.message}`);
      if (result.problems.length > 20) io.err(`  ... and ${result.problems.length - 20} more`);
      return 1;
    }
    io.out(`Event log OK: ${result.eventCount} events, ${result.headsChecked} signed tree heads verified (key ${eventLog.key.keyId.slice(0, 16)}).`);
    const bidProblems = await verifyBids(database.db, runtime.deps.fileStore);
    if (bidProblems.length > 0) {
      io.err(`Sealed bids verification FAILED: ${bidProblems[0]}`);
      for (const p of bidProblems.slice(1, 20)) io.err(`  also: ${p}`);
      return 1;
    }
    io.out(`Sealed bids OK: every stored envelope matches its log event.`);
    const minutesProblems = await verifyMinutes(database.db);
    if (minutesProblems.length > 0) {
      io.err(`Evaluation minutes verification FAILED: ${minutesProblems[0]}`);
      for (const p of minutesProblems.slice(1, 20)) io.err(`  also: ${p}`);
      return 1;
    }
    io.out(`Evaluation minutes OK: every issued document matches the SHA-256 in the log.`);
    return 0;
  } finally {
    await runtime.close();
  }
}
