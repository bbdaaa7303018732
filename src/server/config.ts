import path from "node:path";
import { z } from "zod";

/**
 * Configuration, read from the environment once at start-up and validated here.
 * Nothing else in the code base reads process.env (see docs/ARCHITECTURE.md, "Configuration").
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** OCDS ocid prefix: "ocds-" and the 6 characters the OCDS helpdesk registers, optionally "-suffix". */
export const DEFAULT_OCDS_PREFIX = "ocds-xxxxxx-openlpse";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite database)")
    .optional(),
  PUBLIC_URL: z.url({ message: "must be an absolute URL such as https://lpse.example.go.id" }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_SIGNING_KEY_PATH: z.string().min(1).optional(),
  TREE_HEAD_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("OpenLPSE <no-reply@localhost>"),
  MAIL_POLL_SECONDS: z.coerce.number({ message: "must be a number" }).int().min(1).max(300).default(5),
  TRUST_PROXY: booleanFromEnv.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  OCDS_PREFIX: z.string().regex(/^ocds-[A-Za-z0-9]{6}(-[A-Za-z0-9]+)*$/, "must be ocds- and 6 letters or digits, optionally followed by -suffix (e.g. ocds-213czf or ocds-213czf-madiun)").default(DEFAULT_OCDS_PREFIX),
  BACKUP_DIR: z.string().min(1).default("./backups"),
  BACKUP_PASSPHRASE_FILE: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters (a random token)").optional(),
  HELPDESK_SMTP_PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).optional(),
  HELPDESK_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  HELPDESK_MAIL_ADDRESS: z.email({ message: "must be an email address such as helpdesk@lpse.example.go.id" }).optional(),
  HELPDESK_MAIL_MAX_BYTES: z.coerce.number({ message: "must be a number" }).int().min(1024).max(64 * 1024 * 1024).default(10 * 1024 * 1024),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  signingKeyPath: string;
  treeHeadIntervalSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often the mail worker looks for due mail in the outbox. */
  mailPollSeconds: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Prefix of OCDS ocids (open contracting ids): `${ocdsPrefix}-${tenderCode}`. */
  ocdsPrefix: string;
  /** Cookies get the Secure flag when the service is reached over HTTPS. */
  secureCookies: boolean;
  /** Where `openlpse backup` and the scheduled backups write, and where `openlpse drill` looks. */
  backupDir: string;
  /** A file holding the passphrase that encrypts scheduled backups (unset: scheduled backups are not encrypted). */
  backupPassphraseFile: string | undefined;
  /** Bearer token for /metrics; without it /metrics answers only direct loopback requests. */
  metricsToken: string | undefined;
  /** Incoming helpdesk mail: the SMTP listener's port (undefined: off), its address, the one recipient accepted, the size limit. */
  helpdeskMail: { smtpPort: number | undefined; smtpHost: string; address: string | undefined; maxBytes: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validate the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const known = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(known[String(i.path[0])])})`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    signingKeyPath: path.resolve(e.LOG_SIGNING_KEY_PATH ?? path.join(dataDir, "keys", "log-signing-key.pem")),
    treeHeadIntervalSeconds: e.TREE_HEAD_INTERVAL_SECONDS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPollSeconds: e.MAIL_POLL_SECONDS,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    ocdsPrefix: e.OCDS_PREFIX,
    secureCookies: publicUrl.startsWith("https://"),
    backupDir: path.resolve(e.BACKUP_DIR),
    backupPassphraseFile: e.BACKUP_PASSPHRASE_FILE ? path.resolve(e.BACKUP_PASSPHRASE_FILE) : undefined,
    metricsToken: e.METRICS_TOKEN,
    helpdeskMail: { smtpPort: e.HELPDESK_SMTP_PORT, smtpHost: e.HELPDESK_SMTP_HOST, address: e.HELPDESK_MAIL_ADDRESS?.toLowerCase(), maxBytes: e.HELPDESK_MAIL_MAX_BYTES },
    ...overrides,
  };
}

/** One line per variable, for `openlpse --help` and docs/OPERATIONS.md. */
export const CONFIG_HELP: Record<keyof z.infer<typeof envSchema>, string> = {
  PORT: "TCP port to listen on (default 3000)",
  HOST: "address to listen on (default 127.0.0.1; use 0.0.0.0 behind a reverse proxy)",
  DATA_DIR: "directory for the SQLite database, documents and keys (default ./data)",
  DATABASE_URL: "postgres://user:pass@host:5432/db to use PostgreSQL instead of the embedded SQLite",
  PUBLIC_URL: "the address users reach, e.g. https://lpse.madiunkota.go.id (https turns on Secure cookies)",
  LOG_LEVEL: "fatal, error, warn, info (default), debug, trace or silent",
  LOG_SIGNING_KEY_PATH: "Ed25519 key that signs event-log tree heads (default DATA_DIR/keys/log-signing-key.pem)",
  TREE_HEAD_INTERVAL_SECONDS: "how often a new signed tree head is published, 1-60 (default 60)",
  SMTP_URL: "smtp://user:pass@host:587 for outgoing mail (unset: mail stays in the outbox)",
  MAIL_FROM: "sender address of outgoing mail",
  MAIL_POLL_SECONDS: "how often the mail worker checks the outbox for mail to send, 1-300 (default 5)",
  TRUST_PROXY: "true when behind a reverse proxy that sets X-Forwarded-For",
  BODY_LIMIT_BYTES: "largest JSON request body accepted (default 1 MiB)",
  OCDS_PREFIX: "OCDS ocid prefix registered for this LPSE, e.g. ocds-213czf (default ocds-xxxxxx-openlpse, a placeholder)",
  BACKUP_DIR: "where backups are written and drills look for the latest one (default ./backups; keep it outside DATA_DIR)",
  BACKUP_PASSPHRASE_FILE: "file holding the passphrase that encrypts scheduled backups (unset: scheduled backups are not encrypted)",
  METRICS_TOKEN: "bearer token for /metrics (at least 24 characters); unset: /metrics answers only direct requests from the same machine",
  HELPDESK_SMTP_PORT: "port of the SMTP listener that turns incoming mail into helpdesk tickets, e.g. 2525 (unset: off; `openlpse helpdesk-mail` reads one message on stdin instead)",
  HELPDESK_SMTP_HOST: "address the helpdesk SMTP listener binds (default 127.0.0.1: plain SMTP without TLS or AUTH, meant behind the LPSE's mail server)",
  HELPDESK_MAIL_ADDRESS: "the only recipient the helpdesk SMTP listener accepts, e.g. helpdesk@lpse.madiunkota.go.id (unset: any recipient)",
  HELPDESK_MAIL_MAX_BYTES: "largest incoming helpdesk message accepted, listener and command alike (default 10 MiB)",
};
