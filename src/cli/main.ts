import { pathToFileURL } from "node:url";
import { ConfigError } from "../server/config.js";
import { COMMANDS, type Io, usage } from "./commands.js";
import { UsageError } from "./usage-error.js";

/** Run one `openlpse` command; returns the process exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`openlpse: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    const parseArgsError = typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("ERR_PARSE_ARGS");
    if (error instanceof UsageError || parseArgsError) {
      io.err(`openlpse ${name}: ${(error as Error).message}\n\n${usage()}`);
      return 2;
    }
    io.err(`openlpse ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const io: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n"), env: process.env, stdin: process.stdin };
  runCli(process.argv.slice(2), io).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
