import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { SMTPServer } from "smtp-server";
import type { AppDeps } from "../../server/app.js";
import { intakeMail, MailTooLargeError, MalformedMailError } from "./helpdesk.mail-intake.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

export interface HelpdeskSmtpOptions {
  host: string;
  port: number;
  /** Only this recipient is accepted (others get 550); unset: every recipient, for an MTA that already filters. */
  address: string | undefined;
  maxBytes: number;
}

export interface HelpdeskSmtp {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply error: smtp-server answers with `responseCode` and the message. */
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * A small SMTP listener that turns each message it receives into a helpdesk ticket or reply. It takes mail
 * from the LPSE's own mail server (or straight from senders on a trusted network): plain SMTP without AUTH or
 * TLS, so it listens on loopback by default and belongs behind the MTA that faces the internet.
 */
export async function startHelpdeskSmtp(deps: Deps, options: HelpdeskSmtpOptions, log: FastifyBaseLogger): Promise<HelpdeskSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    logger: false,
    banner: "OpenLPSE helpdesk",
    onRcptTo(address, _session, callback) {
      if (options.address && address.address.toLowerCase() !== options.address.toLowerCase()) return callback(smtpError(550, "No such mailbox here"));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let received = 0;
      // The listener keeps reading past the size limit (and only flags it): what is past it is dropped, not kept.
      stream.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (stream.sizeExceeded || received > options.maxBytes) return callback(smtpError(552, `Message larger than ${options.maxBytes} bytes`));
        intakeMail(deps, Buffer.concat(chunks), options.maxBytes).then(
          (result) => {
            if (result.kind === "ignored") {
              log.info({ reason: result.reason }, "helpdesk mail from a machine ignored");
              return callback(null, "Accepted, not filed: automatic message");
            }
            log.info({ kind: result.kind, code: result.code }, "helpdesk mail received");
            callback(null, `Accepted as ${result.code}`);
          },
          (error: unknown) => {
            if (error instanceof MalformedMailError) return callback(smtpError(554, `Malformed message: ${error.message}`));
            if (error instanceof MailTooLargeError) return callback(smtpError(552, error.message));
            log.error({ err: error }, "helpdesk mail intake failed");
            callback(smtpError(451, "Temporary failure, try again later"));
          },
        );
      });
    },
  });
  server.on("error", (error) => log.error({ err: error }, "helpdesk SMTP listener error"));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
