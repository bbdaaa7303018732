import { checkInstallation } from "../modules/backups/installation-check.js";
import { loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
import type { Io } from "./commands.js";

/** How many further problems are printed after the first. */
const MORE_PROBLEMS_SHOWN = 19;

/** `openlpse verify`: recompute the whole tree from the database; exit 1 naming the first divergence. */
export async function verifyCommand(io: Io): Promise<number> {
  const runtime = await openRuntime(loadConfig(io.env));
  try {
    const check = await checkInstallation(runtime.deps);
    for (const line of check.passed) io.out(line);
    if (check.ok) return 0;
    const [first, ...rest] = check.problems;
    io.err(first ?? "verification FAILED");
    for (const p of rest.slice(0, MORE_PROBLEMS_SHOWN)) io.err(`  also: ${p}`);
    if (rest.length > MORE_PROBLEMS_SHOWN) io.err(`  ... and ${rest.length - MORE_PROBLEMS_SHOWN} more`);
    return 1;
  } finally {
    await runtime.close();
  }
}
