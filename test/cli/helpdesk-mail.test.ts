import { spawnSync } from "node:child_process";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/commands.js";
import { runCli } from "../../src/cli/main.js";
import { projectRoot } from "../../src/server/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";

/** An MTA's pipe: the message on stdin, the outcome in the exit code. */
function pipeIo(env: Record<string, string | undefined>, message: string | Buffer): Io & { stdout: string[]; stderr: string[] } {
  const stdin = new PassThrough();
  stdin.end(message);
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (s) => stdout.push(s), err: (s) => stderr.push(s), env, stdin, stdout, stderr };
}

const message = (from: string, subject: string, body: string) =>
  [`From: Rina Kartika <${from}>`, "To: helpdesk@lpse.madiun.test", `Subject: ${subject}`, "Date: Thu, 26 Nov 2026 10:00:00 +0700", "Message-ID: <cli-1@cv-maju.test>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body, ""].join("\r\n");

describe("openlpse helpdesk-mail", () => {
  let t: TestApp;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    t = await createTestApp();
    env = { DATA_DIR: t.testDb.dataDir, DATABASE_URL: t.testDb.databaseUrl, LOG_LEVEL: "silent", HELPDESK_MAIL_MAX_BYTES: "4096" };
  });
  afterAll(() => t.close());

  const tickets = () => t.deps.database.db.selectFrom("helpdesk_tickets").selectAll().orderBy("created_at").execute();

  it("files a piped message as an email ticket and queues the submitter's mail (exit 0)", async () => {
    const io = pipeIo(env, message("rina@cv-maju.test", "Lupa kata sandi akun penyedia", "Tautan atur ulang kata sandi tidak sampai ke email saya."));
    expect(await runCli(["helpdesk-mail"], io)).toBe(0);
    const [ticket] = await tickets();
    expect(io.stdout.join("\n")).toBe(`Ticket ${ticket?.code} filed.`);
    expect(ticket).toMatchObject({ channel: "email", submitter_email: "rina@cv-maju.test", submitter_name: "Rina Kartika", subject: "Lupa kata sandi akun penyedia", description: "Tautan atur ulang kata sandi tidak sampai ke email saya." });
    const outbox = await t.deps.database.db.selectFrom("mail_outbox").select(["to_address", "subject"]).where("to_address", "=", "rina@cv-maju.test").execute();
    expect(outbox).toEqual([expect.objectContaining({ subject: expect.stringContaining(ticket?.code as string) })]);

    const reply = pipeIo(env, message("rina@cv-maju.test", `Re: ${ticket?.code} Lupa kata sandi akun penyedia`, "Sudah saya cek folder spam, tidak ada."));
    expect(await runCli(["helpdesk-mail"], reply)).toBe(0);
    expect(reply.stdout.join("\n")).toBe(`Reply added to ticket ${ticket?.code}.`);
    expect(await tickets()).toHaveLength(1);
  });

  it("exits 65 for a malformed or too large message and 75 when the database cannot be reached, filing nothing", async () => {
    const garbage = pipeIo(env, "this is not an email at all\r\n");
    expect(await runCli(["helpdesk-mail"], garbage)).toBe(65);
    expect(garbage.stderr.join("\n")).toMatch(/Message refused: .*header/);
    const noSender = pipeIo(env, "Subject: Tanpa pengirim\r\n\r\nIsi.\r\n");
    expect(await runCli(["helpdesk-mail"], noSender)).toBe(65);
    const large = pipeIo(env, message("rina@cv-maju.test", "Berkas besar", "x".repeat(5000)));
    expect(await runCli(["helpdesk-mail"], large)).toBe(65);
    expect(large.stderr.join("\n")).toMatch(/larger than 4096/);
    const down = pipeIo({ ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, message("rina@cv-maju.test", "Server mati", "Coba lagi nanti ya."));
    expect(await runCli(["helpdesk-mail"], down)).toBe(75);
    expect(down.stderr.join("\n")).toMatch(/Temporary failure/);
    expect(await tickets()).toHaveLength(1);
  });

  it("files nothing and answers nothing for an auto-reply, a bounce or a list message (no mail loop)", async () => {
    const before = (await tickets()).length;
    const outboxBefore = (await t.deps.database.db.selectFrom("mail_outbox").select("id").execute()).length;
    const autoReply = message("rina@cv-maju.test", "Di luar kantor: Re: HD tiket", "Saya sedang cuti sampai Senin.").replace("MIME-Version", "Auto-Submitted: auto-replied\r\nMIME-Version");
    const bounce = message("MAILER-DAEMON@mx.cv-maju.test", "Undelivered Mail Returned to Sender", "Alamat tujuan tidak dikenal.");
    const list = message("berita@milis.test", "Buletin pengadaan minggu ini", "Isi buletin mingguan.").replace("MIME-Version", "Precedence: list\r\nMIME-Version");
    for (const m of [autoReply, bounce, list]) {
      const io = pipeIo(env, m);
      expect(await runCli(["helpdesk-mail"], io)).toBe(0);
      expect(io.stdout.join("\n")).toMatch(/^Not filed: automatic message/);
    }
    expect(await tickets()).toHaveLength(before);
    expect(await t.deps.database.db.selectFrom("mail_outbox").select("id").execute()).toHaveLength(outboxBefore);
  });

  it("takes a message piped into the package bin as an MTA would", () => {
    const bin = path.join(projectRoot(), "bin", "openlpse.js");
    const run = (input: string) => spawnSync(process.execPath, [bin, "helpdesk-mail"], { input, encoding: "utf8", env: { ...process.env, ...env } });
    const filed = run(message("budi@cv-sejahtera.test", "Jadwal tender tidak tampil", "Halaman jadwal tender kosong sejak kemarin."));
    expect(filed.status, filed.stderr).toBe(0);
    expect(filed.stdout).toMatch(/^Ticket HD-[2-9A-HJKMNP-Z]{8} filed\.$/m);
    expect(run("bukan email\r\n").status).toBe(65);
  });
});
