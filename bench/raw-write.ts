import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/*
 * The disk's own limit for the surge, in a plain Node script: COUNT files of BYTES each written by
 * CONCURRENCY writers into DIR, each made durable the way the file store makes a bid durable (write, fsync,
 * rename into its folder, fsync the folder), nothing else. Prints one line of JSON: seconds and MB/s.
 */

const [dirArg, countText, bytesText, concurrencyText] = process.argv.slice(2);
if (!dirArg) throw new Error("usage: raw-write.ts DIR COUNT BYTES CONCURRENCY");
const dir: string = dirArg;
const count = Number(countText);
const bytes = Number(bytesText);
const concurrency = Number(concurrencyText);
const tmp = path.join(dir, "tmp");
fs.mkdirSync(tmp, { recursive: true });
// Incompressible, and different per file like the envelopes: the first 32 bytes are each file's own.
const content = randomBytes(bytes);

async function syncDirectory(folder: string): Promise<void> {
  const handle = await fs.promises.open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

let next = 0;
async function writer(): Promise<void> {
  while (next < count) {
    next++;
    randomBytes(32).copy(content, 0);
    const name = randomBytes(16).toString("hex");
    const temp = path.join(tmp, name);
    const handle = await fs.promises.open(temp, "wx", 0o600);
    await handle.write(content);
    await handle.sync();
    await handle.close();
    const folder = path.join(dir, name.slice(0, 2));
    await fs.promises.mkdir(folder, { recursive: true });
    await fs.promises.rename(temp, path.join(folder, name));
    await syncDirectory(folder);
  }
}

const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: concurrency }, () => writer()));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ seconds, mbPerSecond: (count * bytes) / 1_048_576 / seconds }));
