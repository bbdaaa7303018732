import { allEvents, allTreeHeads } from "../log/log.repository.js";
import type { StoredEvent } from "../log/verify-chain.js";
import { verifyLog } from "../log/verify-chain.js";
import { loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
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
    if (result.ok) {
      io.out(`Event log OK: ${result.eventCount} events, ${result.headsChecked} signed tree heads verified (key ${eventLog.key.keyId.slice(0, 16)}).`);
      return 0;
    }
    io.err(`Event log verification FAILED: ${result.firstProblem?.message ?? "unknown problem"}`);
    for (const p of result.problems.slice(1, 20)) io.err(`  also: ${p.message}`);
    if (result.problems.length > 20) io.err(`  ... and ${result.problems.length - 20} more`);
    return 1;
  } finally {
    await runtime.close();
  }
}
