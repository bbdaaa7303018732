import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "../server/errors.js";

/** What a stored file is known by: its content hash (the store is content-addressed) and size. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/** Sees bytes arriving in the store (the /metrics upload gauges); never changes them. */
export interface TransferObserver {
  started(): void;
  received(bytes: number): void;
  finished(): void;
}

/**
 * Where documents live. The local store is the default; an S3-compatible store can implement the same
 * interface for several app nodes. Names given by users never reach a path: files are found by hash.
 */
export interface FileStore {
  /** Stream into the store, hashing as it goes, refusing more than `maxBytes`; durable when it resolves. */
  put(source: Readable, maxBytes: number): Promise<StoredFile>;
  /** Reads a stored file as a stream (downloads). */
  open(sha256: string): Readable;
  /** Reads a stored file front to back in pieces of the sizes asked for (the opening reads sealed chunks exactly). */
  reader(sha256: string): Promise<SequentialReader>;
  /** The first bytes of a stored file, for detecting its type from content. */
  head(sha256: string, bytes: number): Promise<Uint8Array>;
  /**
   * Resumable uploads: a partial file grows by appends at its current end (`offset` must equal it), each
   * append fsynced; `partialSize` says where to continue after a dropped connection; `promotePartial`
   * hashes it (showing every chunk to `inspect`) and moves it into the store under its hash.
   */
  appendPartial(id: string, offset: number, source: Readable, maxTotal: number): Promise<number>;
  partialSize(id: string): Promise<number | null>;
  promotePartial(id: string, inspect: (chunk: Uint8Array) => void): Promise<StoredFile>;
  removePartial(id: string): Promise<void>;
  /** Report uploads in progress and bytes received to `observer` (one observer; the last one set). */
  observe(observer: TransferObserver): void;
}

/**
 * Reads the next n bytes (fewer only at the end of the file); close when done. The bytes returned are valid
 * until the next read: the reader fills one buffer again and again rather than allocating a megabyte per read.
 */
export interface SequentialReader {
  read(n: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Pieces of an upload arrive as the network hands them over (often 16–64 KiB); they are written in batches
 * of about this size, so a 2 MB bid costs a few writes to the disk instead of dozens of trips to libuv's
 * thread pool (which the deadline surge's profile showed as the upload path's largest cost).
 */
const WRITE_BATCH_BYTES = 1_048_576;

/**
 * How much of a refused body is still read (and dropped) so the client gets the answer: a browser whose
 * upload is cut off mid-way reports a network failure, not the 413. Past this the connection is reset.
 */
const DEFAULT_DRAIN_LIMIT_BYTES = 64 * 1_048_576;

/** Reads and drops what is left of a refused body, up to `limit` bytes; then cuts the connection. */
function drain(source: Readable, limit: number): void {
  let dropped = 0;
  source.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) source.destroy();
  });
  source.on("error", () => undefined);
  source.resume();
}

export class LocalFileStore implements FileStore {
  private observer: TransferObserver | null = null;

  constructor(
    private readonly root: string,
    private readonly drainLimitBytes = DEFAULT_DRAIN_LIMIT_BYTES,
  ) {}

  /** Folders known to exist: made once per process, not on every upload. */
  private readonly madeDirs = new Set<string>();

  observe(observer: TransferObserver): void {
    this.observer = observer;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    this.madeDirs.add(dir);
  }

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error("not a SHA-256 hex digest");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable, maxBytes: number): Promise<StoredFile> {
    const tempDir = path.join(this.root, "tmp");
    await this.ensureDir(tempDir);
    const temp = path.join(tempDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    const handle = await fs.promises.open(temp, "wx", 0o600);
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batchBytes === 0) return;
      const pieces = batch;
      batch = [];
      batchBytes = 0;
      await writeAll(handle, pieces);
    };
    const observer = this.observer;
    observer?.started();
    try {
      // Not destroyed on a refusal: see the catch below.
      for await (const chunk of source.iterator({ destroyOnReturn: false })) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        observer?.received(bytes.length);
        if (size > maxBytes) {
          throw new AppError(
            "PAYLOAD_TOO_LARGE",
            { id: `Berkas melebihi batas ${Math.floor(maxBytes / 1_048_576)} MB`, en: `The file exceeds the ${Math.floor(maxBytes / 1_048_576)} MB limit` },
            [{ field: "body", message: { id: "terlalu besar", en: "too large" } }],
          );
        }
        hash.update(bytes);
        batch.push(bytes);
        batchBytes += bytes.length;
        if (batchBytes >= WRITE_BATCH_BYTES) await flush();
      }
      await flush();
      // Durable before anything refers to it: a crash after the caller commits must not lose the file.
      await handle.sync();
    } catch (error) {
      // The rest of the body is read and dropped (bounded), as Fastify does past its own body limit:
      // destroying the request at once would reset the connection, and the browser would never see the 413.
      drain(source, this.drainLimitBytes);
      await handle.close();
      await fs.promises.rm(temp, { force: true });
      throw error;
    } finally {
      observer?.finished();
    }
    await handle.close();
    const sha256 = hash.digest("hex");
    const final = this.pathOf(sha256);
    await this.ensureDir(path.dirname(final));
    // Same content, same name: an existing copy is kept and the new one dropped.
    await fs.promises.rename(temp, final);
    await syncDirectory(path.dirname(final));
    return { sha256, size };
  }

  open(sha256: string): Readable {
    return fs.createReadStream(this.pathOf(sha256));
  }

  private partialPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("not an upload id");
    return path.join(this.root, "partial", id);
  }

  async partialSize(id: string): Promise<number | null> {
    try {
      return (await fs.promises.stat(this.partialPath(id))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async appendPartial(id: string, offset: number, source: Readable, maxTotal: number): Promise<number> {
    const file = this.partialPath(id);
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const handle = await fs.promises.open(file, "a", 0o600);
    let size = (await handle.stat()).size;
    const observer = this.observer;
    observer?.started();
    try {
      if (size !== offset) {
        throw new AppError("CONFLICT", { id: `Unggahan berlanjut dari byte ${size}, bukan ${offset}`, en: `The upload continues from byte ${size}, not ${offset}` }, [
          { field: "query.offset", message: { id: `harus ${size}`, en: `must be ${size}` } },
        ]);
      }
      for await (const chunk of source.iterator({ destroyOnReturn: false })) {
        const bytes = chunk as Buffer;
        if (size + bytes.length > maxTotal) {
          throw new AppError("PAYLOAD_TOO_LARGE", { id: "Unggahan melebihi ukuran yang dinyatakan", en: "The upload exceeds its declared size" }, [{ field: "body", message: { id: "terlalu besar", en: "too large" } }]);
        }
        await handle.write(bytes);
        size += bytes.length;
        observer?.received(bytes.length);
      }
    } catch (error) {
      // What arrived before a dropped connection stays, durably: the client continues from there.
      await handle.sync();
      await handle.close();
      drain(source, this.drainLimitBytes);
      throw error;
    } finally {
      observer?.finished();
    }
    await handle.sync();
    await handle.close();
    return size;
  }

  async promotePartial(id: string, inspect: (chunk: Uint8Array) => void): Promise<StoredFile> {
    const file = this.partialPath(id);
    const hash = createHash("sha256");
    let size = 0;
    for await (const chunk of fs.createReadStream(file)) {
      const bytes = chunk as Buffer;
      inspect(bytes);
      hash.update(bytes);
      size += bytes.length;
    }
    const sha256 = hash.digest("hex");
    const final = this.pathOf(sha256);
    await fs.promises.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
    await fs.promises.rename(file, final);
    await syncDirectory(path.dirname(final));
    return { sha256, size };
  }

  async removePartial(id: string): Promise<void> {
    await fs.promises.rm(this.partialPath(id), { force: true });
  }

  async reader(sha256: string): Promise<SequentialReader> {
    const handle = await fs.promises.open(this.pathOf(sha256), "r");
    let reused = Buffer.alloc(0);
    return {
      async read(n: number) {
        if (reused.length < n) reused = Buffer.allocUnsafe(n);
        const buffer = reused.subarray(0, n);
        let filled = 0;
        while (filled < n) {
          const { bytesRead } = await handle.read(buffer, filled, n - filled, null);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return filled === n ? buffer : buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  }

  async head(sha256: string, bytes: number): Promise<Uint8Array> {
    const handle = await fs.promises.open(this.pathOf(sha256), "r");
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
}

/** Writes every byte of the pieces: a short write (which the system may return) continues where it stopped. */
async function writeAll(handle: fs.promises.FileHandle, pieces: Buffer[]): Promise<void> {
  const total = pieces.reduce((n, p) => n + p.length, 0);
  const { bytesWritten } = await handle.writev(pieces);
  if (bytesWritten === total) return;
  let rest = Buffer.concat(pieces).subarray(bytesWritten);
  while (rest.length > 0) {
    const written = (await handle.write(rest)).bytesWritten;
    rest = rest.subarray(written);
  }
}

/** fsync a directory so a rename into it survives a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
