import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { WrongPassphraseError } from "../modules/backups/backup.crypto.js";
import { BackupError } from "../modules/backups/backup.manifest.js";
import { createBackup } from "../modules/backups/backup.service.js";
import { runDrill } from "../modules/backups/drill.service.js";
import { restoreBackup } from "../modules/backups/restore.service.js";
import { type Config, loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
import type { Io } from "./commands.js";
import { UsageError } from "./usage-error.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** The passphrase from stdin when asked for, else from BACKUP_PASSPHRASE_FILE, else none. */
async function passphraseOf(fromStdin: boolean | undefined, io: Io, config: Config): Promise<string | undefined> {
  if (fromStdin) {
    const passphrase = (await readAll(io.stdin)).replace(/\r?\n$/, "");
    if (passphrase.length === 0) throw new UsageError("--passphrase-stdin was given but stdin was empty");
    return passphrase;
  }
  return config.backupPassphraseFile ? fs.readFileSync(config.backupPassphraseFile, "utf8").replace(/\r?\n$/, "") : undefined;
}

/** Backup problems the operator can act on: the message, exit 1. Anything else propagates. */
async function reportingBackupErrors(name: string, io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError || error instanceof WrongPassphraseError) {
      io.err(`openlpse ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

/** `openlpse backup [--out DIR] [--passphrase-stdin]`: a consistent backup while the service runs. */
export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { out: { type: "string" }, "passphrase-stdin": { type: "boolean" } } });
  const config = loadConfig(io.env);
  const passphrase = await passphraseOf(values["passphrase-stdin"], io, config);
  return reportingBackupErrors("backup", io, async () => {
    const { dir, manifest } = await createBackup(config, { outRoot: path.resolve(values.out ?? config.backupDir), passphrase, now: new Date() });
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    io.out(`Backup written: ${dir}`);
    io.out(`  ${manifest.files.length} files, ${mib(bytes)}; database ${manifest.dialect}; ${manifest.encryption ? "encrypted (AES-256-GCM, scrypt)" : "not encrypted"}`);
    io.out(`  event log: ${manifest.logHead.size} events, root ${manifest.logHead.rootHash}`);
    return 0;
  });
}

/** `openlpse restore --from DIR [--passphrase-stdin]`: into an empty DATA_DIR (and empty database), then verify. */
export async function restoreCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { from: { type: "string" }, "passphrase-stdin": { type: "boolean" } } });
  if (!values.from) throw new UsageError("--from DIR is required (a backup folder with its manifest.json)");
  const config = loadConfig(io.env);
  const passphrase = await passphraseOf(values["passphrase-stdin"], io, config);
  return reportingBackupErrors("restore", io, async () => {
    const report = await restoreBackup(path.resolve(values.from as string), config, { passphrase });
    io.out(`Restored ${report.manifest.files.length} files from the backup of ${report.manifest.createdAt} (OpenLPSE ${report.manifest.appVersion}) in ${(report.restoreMs / 1000).toFixed(1)} s.`);
    io.out(`Event log: ${report.logHead.size} events, root ${report.logHead.rootHash}${report.ok ? " (as in the manifest)" : ""}.`);
    for (const line of report.check.passed) io.out(line);
    for (const line of report.check.problems) io.err(line);
    if (!report.ok) io.err("Restore verification FAILED: do not start the service on this data before finding out why.");
    return report.ok ? 0 : 1;
  });
}

/** `openlpse drill [--from DIR] [--passphrase-stdin]`: restore the latest backup somewhere temporary, verify, record. */
export async function drillCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { from: { type: "string" }, "passphrase-stdin": { type: "boolean" } } });
  const config = loadConfig(io.env);
  const passphrase = await passphraseOf(values["passphrase-stdin"], io, config);
  const runtime = await openRuntime(config);
  try {
    const { row, lines } = await runDrill(runtime.deps, { from: values.from ? path.resolve(values.from) : undefined, passphrase });
    const age = row.backup_age_seconds === null ? "unknown" : `${(row.backup_age_seconds / 3600).toFixed(1)} h`;
    const summary = `Drill ${row.ok ? "OK" : "FAILED"}: backup ${row.backup_name} (age ${age}), restore ${(row.restore_ms / 1000).toFixed(1)} s, verify ${(row.verify_ms / 1000).toFixed(1)} s; recorded as event ${row.log_index}.`;
    for (const line of lines) (row.ok ? io.out : io.err)(`  ${line}`);
    (row.ok ? io.out : io.err)(summary);
    return row.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
