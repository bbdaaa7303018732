import { parseArgs } from "node:util";
import { seedDemo } from "../demo/seed.js";
import { totpCode } from "../modules/auth/totp.js";
import { rawPublicKeyBase64 } from "../log/tree-head.js";
import { CONFIG_HELP, loadConfig } from "../server/config.js";
import { openRuntime, startServer } from "../server/start.js";
import { adminCreate } from "./admin-create.js";
import { backupCommand, drillCommand, restoreCommand } from "./backup.js";
import { printDemoLogins } from "./demo-output.js";
import { helpdeskMailCommand } from "./helpdesk-mail.js";
import { UsageError } from "./usage-error.js";
import { verifyCommand } from "./verify.js";
import { DEMO_PROFILE_NAMES, DEMO_PROFILES, type DemoProfile } from "../demo/demo-data.js";

export interface Io {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
}

interface Command {
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

function noArgs(args: string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
}

/** The demo profile named on the command line, Kota Madiun when none is. */
function demoProfile(args: string[]): DemoProfile {
  const [name, extra] = args;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (name === undefined) return "madiun";
  if (!DEMO_PROFILE_NAMES.includes(name as DemoProfile)) throw new UsageError(`unknown demo LPSE "${name}" (one of: ${DEMO_PROFILE_NAMES.join(", ")})`);
  return name as DemoProfile;
}

/** Serve until SIGINT/SIGTERM, then close cleanly (the database last). */
async function serve(io: Io, demo: DemoProfile | null): Promise<number> {
  const config = loadConfig(io.env);
  const runtime = await openRuntime(config);
  if (demo) {
    const seeded = await seedDemo(runtime.deps, demo);
    io.out(seeded ? `Demo data created: ${DEMO_PROFILES[demo].lpse.name}.` : "Demo data already present: keeping it.");
  }
  const server = await startServer(runtime);
  if (demo) await printDemoLogins(runtime.deps, io, server.url);
  else io.out(`OpenLPSE is running at ${server.url} (database: ${runtime.deps.database.location})`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  return 0;
}

export const COMMANDS: Record<string, Command> = {
  start: { summary: "start the server (no demo data)", run: (args, io) => (noArgs(args), serve(io, null)) },
  demo: {
    summary: "demo [madiun|ngawi]: create the demo LPSE on first run (Kota Madiun, 17 of 17; or Kabupaten Ngawi, 11 of 17), print its logins and start",
    run: (args, io) => serve(io, demoProfile(args)),
  },
  migrate: {
    summary: "bring the database schema up to date and exit",
    run: async (args, io) => {
      noArgs(args);
      const runtime = await openRuntime(loadConfig(io.env));
      await runtime.close();
      io.out(`Database is up to date (${runtime.deps.database.location}).`);
      return 0;
    },
  },
  admin: {
    summary: "admin create --email EMAIL --name NAME [--password-stdin]: create an Admin PPE",
    run: async (args, io) => {
      const [sub, ...rest] = args;
      if (sub !== "create") throw new UsageError(sub ? `unknown admin command "${sub}"` : "missing admin command (create)");
      return adminCreate(rest, io);
    },
  },
  verify: { summary: "recompute the event log's Merkle tree and check every signed tree head", run: (args, io) => (noArgs(args), verifyCommand(io)) },
  backup: { summary: "backup [--out DIR] [--passphrase-stdin]: a consistent backup of the database, documents and keys while the service runs", run: backupCommand },
  restore: { summary: "restore --from DIR [--passphrase-stdin]: restore a backup into an empty DATA_DIR (and empty database), then verify it", run: restoreCommand },
  drill: { summary: "drill [--from DIR] [--passphrase-stdin]: restore the latest backup somewhere temporary, verify it and record the result", run: drillCommand },
  "helpdesk-mail": { summary: "helpdesk-mail: read one email on stdin and file it as a helpdesk ticket or reply (for an MTA pipe; exit 0, 65 malformed, 75 retry)", run: helpdeskMailCommand },
  keys: {
    summary: "keys show: print the event-log signing key's id and public key",
    run: async (args, io) => {
      if (args[0] !== "show" || args.length > 1) throw new UsageError('expected "keys show"');
      const runtime = await openRuntime(loadConfig(io.env));
      const { key } = runtime.deps.eventLog;
      await runtime.close();
      io.out(`key id:     ${key.keyId}\nalgorithm:  Ed25519\npublic key: ${rawPublicKeyBase64(key.publicKey)} (base64, raw 32 bytes)\nfile:       ${runtime.deps.config.signingKeyPath}`);
      return 0;
    },
  },
  totp: {
    summary: "totp KEY: print the current authenticator code for a base32 key (for trying the demo without a phone)",
    run: async (args, io) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
      if (positionals.length !== 1 || !/^[A-Z2-7]+=*$/i.test(positionals[0] ?? "")) throw new UsageError("expected one base32 key");
      io.out(totpCode(String(positionals[0]).toUpperCase(), new Date()));
      return 0;
    },
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  const env = Object.entries(CONFIG_HELP).map(([name, help]) => `  ${name.padEnd(27)} ${help}`);
  return `Usage: openlpse <command>\n\nCommands:\n${lines.join("\n")}\n  help     show this message\n\nEnvironment:\n${env.join("\n")}`;
}
