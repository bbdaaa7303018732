import { intakeMail, MailTooLargeError, MalformedMailError } from "../modules/helpdesk/helpdesk.mail-intake.js";
import { loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
import type { Io } from "./commands.js";
import { UsageError } from "./usage-error.js";

/** sysexits.h, as mail transfer agents read a pipe command's exit: bounce the message, or keep it and retry. */
export const EX_OK = 0;
export const EX_DATAERR = 65;
export const EX_TEMPFAIL = 75;

/** Read stdin whole, but keep at most `max + 1` bytes (the rest is drained so the writer is not blocked). */
async function readMessage(stdin: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    if (kept <= max) {
      chunks.push(bytes.subarray(0, max + 1 - kept));
      kept += Math.min(bytes.length, max + 1 - kept);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * `openlpse helpdesk-mail`: one RFC 5322 message on stdin becomes a helpdesk ticket (or a reply on one), for
 * an MTA's pipe transport (Postfix `pipe`, a `.forward` or aliases entry). Exit 0 when taken, 65 when the
 * message is malformed or too large (the MTA bounces it), 75 on anything temporary (the MTA retries).
 */
export async function helpdeskMailCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    // A configuration being fixed should not bounce mail: the MTA keeps it and retries.
    io.err(error instanceof Error ? error.message : String(error));
    return EX_TEMPFAIL;
  }
  const raw = await readMessage(io.stdin, config.helpdeskMail.maxBytes);
  let runtime: Awaited<ReturnType<typeof openRuntime>> | undefined;
  try {
    runtime = await openRuntime(config);
    const result = await intakeMail(runtime.deps, raw, config.helpdeskMail.maxBytes);
    io.out(result.kind === "ticket" ? `Ticket ${result.code} filed.` : result.kind === "reply" ? `Reply added to ticket ${result.code}.` : `Not filed: automatic message (${result.reason}).`);
    return EX_OK;
  } catch (error) {
    if (error instanceof MalformedMailError || error instanceof MailTooLargeError) {
      io.err(`Message refused: ${error.message}`);
      return EX_DATAERR;
    }
    io.err(`Temporary failure: ${error instanceof Error ? error.message : String(error)}`);
    return EX_TEMPFAIL;
  } finally {
    await runtime?.close();
  }
}
