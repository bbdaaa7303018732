import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { DB } from "../../db/schema.js";
import type { Clock } from "../../server/clock.js";
import * as outbox from "./mail-outbox.repository.js";

/** After this many failed attempts a mail is 'failed' and waits for an administrator's retry. */
export const MAX_ATTEMPTS = 8;
/** The first retry waits a minute; each further one twice as long, never more than an hour. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60_000;
/** A claimed row not finished by then belongs to a crashed process and is released. */
export const CLAIM_TIMEOUT_MS = 10 * 60_000;
/** Rows handled per poll, so one run stays short and shutdown is quick. */
const BATCH_SIZE = 20;
const ERROR_MAX_CHARS = 1000;
/** Well below CLAIM_TIMEOUT_MS, so a hung relay fails the attempt before the claim expires. */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Delay before the next attempt, after `attempts` failed ones: 1 min, 2, 4, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** The part of the server's logger (pino) the worker uses. */
export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailWorkerOptions {
  db: Kysely<DB>;
  clock: Clock;
  /** SMTP_URL; without it nothing is sent and mail stays pending. */
  smtpUrl: string | undefined;
  mailFrom: string;
  pollIntervalMs: number;
  log: WorkerLog;
}

export interface RunResult {
  sent: number;
  failed: number;
  /** Claims of crashed processes given back. */
  released: number;
}

type Transport = ReturnType<typeof nodemailer.createTransport>;

/**
 * Delivers the mail outbox: polls for due rows, claims each with a compare-and-set (so several app
 * processes can share one PostgreSQL database), sends it over SMTP and records the outcome.
 */
export class MailWorker {
  private readonly transport: Transport | undefined;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<RunResult> | undefined;
  private stopped = false;

  constructor(private readonly options: MailWorkerOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS_MS }) : undefined;
  }

  /** Start polling; without SMTP_URL, warn once and leave the outbox alone. */
  start(): void {
    if (!this.transport) {
      this.options.log.warn({}, "SMTP_URL is not set: mail is not sent and stays pending in the outbox");
      return;
    }
    this.schedule();
  }

  /** Stop polling, wait for a delivery in progress, close the SMTP transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
    this.transport?.close();
  }

  /** One poll: release expired claims, then send what is due. Tests call it directly. */
  runOnce(): Promise<RunResult> {
    // Serialise with a run the timer may have started, so no row is sent twice by this process.
    const previous = this.current ?? Promise.resolve(undefined);
    const run = previous.catch(() => undefined).then(() => this.poll());
    this.current = run;
    return run;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.options.log.error({ err: error }, "mail worker run failed"))
        .finally(() => this.schedule());
    }, this.options.pollIntervalMs);
    this.timer.unref();
  }

  private async poll(): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, released: 0 };
    if (!this.transport) return result;
    const { db, clock } = this.options;
    for (const id of await outbox.listDue(db, "sending", clock.now().toISOString(), BATCH_SIZE)) {
      const expired = { status: "sending", dueBy: clock.now().toISOString() } as const;
      if (await this.recordFailure(id, expired, "delivery interrupted: the sending process stopped before it finished")) result.released++;
    }
    for (const id of await outbox.listDue(db, "pending", clock.now().toISOString(), BATCH_SIZE)) {
      if (this.stopped) break;
      const now = clock.now();
      const claimed = await outbox.updateMailIf(db, id, { status: "pending", dueBy: now.toISOString() }, {
        status: "sending",
        // While sending, next_attempt_at is when the claim expires (CLAIM_TIMEOUT_MS).
        next_attempt_at: new Date(now.getTime() + CLAIM_TIMEOUT_MS).toISOString(),
      });
      if (!claimed) continue; // another process took it
      if (await this.deliver(this.transport, id)) result.sent++;
      else result.failed++;
    }
    return result;
  }

  private async deliver(transport: Transport, id: string): Promise<boolean> {
    const { db, clock, mailFrom, log } = this.options;
    const mail = await outbox.findMail(db, id);
    if (!mail) return false;
    try {
      await transport.sendMail({ from: mailFrom, to: mail.to_address, subject: mail.subject, text: mail.text_body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.recordFailure(id, { status: "sending" }, message);
      return false;
    }
    await outbox.updateMailIf(db, id, { status: "sending" }, { status: "sent", sent_at: clock.now().toISOString() });
    log.info({ mailId: id }, "mail sent");
    return true;
  }

  /** Count a failed attempt: schedule the retry with backoff, or give up after MAX_ATTEMPTS. */
  private async recordFailure(id: string, expected: outbox.Expectation, error: string): Promise<boolean> {
    const { db, clock, log } = this.options;
    const row = await outbox.findMail(db, id);
    if (!row) return false;
    const attempts = row.attempts + 1;
    const now = clock.now();
    const failed = attempts >= MAX_ATTEMPTS;
    const changed = await outbox.updateMailIf(db, id, expected, {
      status: failed ? "failed" : "pending",
      attempts,
      last_error: error.slice(0, ERROR_MAX_CHARS),
      next_attempt_at: failed ? now.toISOString() : new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
    });
    // Addresses are personal data: the server log names the mail by id, not by recipient.
    if (changed && failed) log.error({ mailId: id, attempts, error }, "mail delivery failed for good");
    else if (changed) log.warn({ mailId: id, attempts, error }, "mail delivery failed, will retry");
    return changed;
  }
}
