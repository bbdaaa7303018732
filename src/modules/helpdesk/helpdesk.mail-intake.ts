import { simpleParser } from "mailparser";
import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./helpdesk.repository.js";
import { addSubmitterReply, fileEmailTicket } from "./helpdesk.service.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

/** The default largest message accepted (10 MiB): attachments are not kept, so this only bounds the work. */
export const DEFAULT_MAIL_MAX_BYTES = 10 * 1024 * 1024;
/** The ticket's limits (helpdesk.schemas.ts): subjects 5–200 characters, descriptions 10–5000. */
const SUBJECT_MAX = 200;
const SUBJECT_MIN = 5;
const DESCRIPTION_MAX = 5000;
const DESCRIPTION_MIN = 10;
const NAME_MAX = 120;
/** A tracking code anywhere in the subject, e.g. "Re: [HD-7KQ2MX9P] Tidak bisa mengunggah". */
const CODE_IN_SUBJECT = /\bHD-[2-9A-HJKMNP-Z]{8}\b/i;
/** A header field name at the very start: anything else is not an RFC 5322 message. */
const FIRST_HEADER = /^[\x21-\x39\x3b-\x7e]+:/;
const EmailSchema = z.email().max(254);

/** The message cannot be read as mail (no header, no sender address): retrying will not help. */
export class MalformedMailError extends Error {}
/** The message is larger than the limit. */
export class MailTooLargeError extends Error {}

/** What the helpdesk did with a message. */
export type IntakeResult = { kind: "ticket"; code: string; id: string } | { kind: "reply"; code: string; id: string } | { kind: "ignored"; reason: string };

/** Senders that are mail systems, not people: answering them would start a loop of acknowledgements. */
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|no-?reply|bounce[s]?)@/i;

interface IncomingMail {
  fromName: string;
  fromEmail: string;
  subject: string;
  text: string;
  attachments: { filename: string; size: number }[];
  /** Why the message was sent by a machine (an auto-reply, a bounce, a list), if it was (RFC 3834). */
  automatic: string | null;
}

/**
 * The text of an HTML body, by mailparser's own converter: it converts only an HTML part that is the whole
 * message or has a text sibling, so an HTML-only body inside multipart/mixed (a message with attachments)
 * is parsed again on its own.
 */
async function htmlToText(html: string): Promise<string> {
  const single = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html, "utf8").toString("base64")}\r\n`;
  return (await simpleParser(Buffer.from(single), { skipImageLinks: true, skipTextToHtml: true })).text ?? "";
}

/** Parse one RFC 5322 message; the text body is generated from the HTML part when there is no text part. */
export async function parseIncomingMail(raw: Buffer, maxBytes: number): Promise<IncomingMail> {
  if (raw.length > maxBytes) throw new MailTooLargeError(`message of ${raw.length} bytes is larger than ${maxBytes}`);
  const head = raw.subarray(0, 1000).toString("latin1").replace(/^(\r?\n)+/, "");
  if (!FIRST_HEADER.test(head)) throw new MalformedMailError("the message does not start with a header field");
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const sender = (Array.isArray(parsed.from) ? parsed.from[0] : parsed.from)?.value[0];
  const fromEmail = sender?.address?.trim().toLowerCase() ?? "";
  if (!EmailSchema.safeParse(fromEmail).success) throw new MalformedMailError("the message has no valid From address");
  return {
    fromName: sender?.name?.trim() || (fromEmail.split("@")[0] as string),
    fromEmail,
    subject: (parsed.subject ?? "").replace(/\s+/g, " ").trim(),
    text: (parsed.text?.trim() || (typeof parsed.html === "string" ? await htmlToText(parsed.html) : "")).replace(/\r\n/g, "\n").trim(),
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "(tanpa nama)", size: a.size })),
    automatic: automaticReason(parsed.headers, fromEmail),
  };
}

/** RFC 3834 Auto-Submitted, the Precedence of lists and bulk mail, and mail-system senders. */
function automaticReason(headers: Map<string, unknown>, fromEmail: string): string | null {
  const header = (name: string) => String(headers.get(name) ?? "").trim().toLowerCase();
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  if (["bulk", "junk", "list", "auto_reply"].includes(header("precedence"))) return `Precedence: ${header("precedence")}`;
  if (SYSTEM_SENDER.test(fromEmail)) return `sender ${fromEmail}`;
  return null;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`);

/** The ticket's description: the text body, then the attachments it came with (listed, not kept). */
function descriptionOf(mail: IncomingMail, subject: string): string {
  const list = mail.attachments.map((a) => `- ${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join("\n");
  // Half the description at most, so a message with hundreds of attachments still keeps its text.
  const note = list ? clip(`\n\nLampiran email (tidak disimpan) / Email attachments (not kept):\n${list}`, DESCRIPTION_MAX / 2) : "";
  const body = mail.text || subject;
  const text = clip(body, DESCRIPTION_MAX - note.length) + note;
  return text.length >= DESCRIPTION_MIN ? text : `${text} (email)`.padEnd(DESCRIPTION_MIN, ".");
}

/**
 * Turn one incoming message into helpdesk work. A subject carrying the tracking code of an open ticket
 * filed with the same sender address becomes a public reply on it; anything else becomes a new ticket on
 * the email channel, whose submitter is told its code by mail. The From address is not authenticated, so a
 * mailed ticket is never attached to an account: it is followed like a web ticket, by code and address.
 */
export async function intakeMail(deps: Deps, raw: Buffer, maxBytes: number): Promise<IntakeResult> {
  const mail = await parseIncomingMail(raw, maxBytes);
  // A machine's message (an out-of-office reply to our acknowledgement, a bounce) files nothing and is not
  // answered: otherwise two auto-responders mail each other for ever.
  if (mail.automatic) return { kind: "ignored", reason: mail.automatic };
  const own = [deps.config.helpdeskMail.address, deps.config.mailFrom].map((a) => a?.toLowerCase());
  if (own.some((a) => a && a.includes(mail.fromEmail))) return { kind: "ignored", reason: `sender ${mail.fromEmail} is this helpdesk` };
  const code = CODE_IN_SUBJECT.exec(mail.subject)?.[0].toUpperCase();
  if (code) {
    const ticket = await repo.unsafeFindTicketByCodeAndEmail(deps.database.db, code, mail.fromEmail);
    if (ticket && ticket.status !== "resolved" && ticket.status !== "closed") {
      const reply = clip(mail.text || mail.subject, DESCRIPTION_MAX);
      try {
        await addSubmitterReply(deps, code, mail.fromEmail, reply);
        return { kind: "reply", code, id: ticket.id };
      } catch (error) {
        // Resolved or closed in the meantime: the message becomes a new ticket below.
        if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      }
    }
  }
  const subject = clip(mail.subject, SUBJECT_MAX);
  const title = subject.length >= SUBJECT_MIN ? subject : `Email: ${subject || "(tanpa subjek)"}`;
  const filed = await fileEmailTicket(deps, { name: clip(mail.fromName, NAME_MAX).padEnd(2, "."), email: mail.fromEmail, subject: title, description: descriptionOf(mail, title) });
  return { kind: "ticket", ...filed };
}
