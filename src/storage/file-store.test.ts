import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../server/errors.js";
import { LocalFileStore } from "./file-store.js";

const LIMIT_BYTES = 64 * 1024;

describe("LocalFileStore.put over a real connection", () => {
  let dir: string;
  let server: http.Server;
  let url: string;
  let bodyEnds: boolean[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "openlpse-store-"));
    const store = new LocalFileStore(dir, 8 * LIMIT_BYTES * 64);
    // A request body goes straight into the store, as the upload routes hand it over.
    bodyEnds = [];
    server = http.createServer((request, response) => {
      // Whether the body was read to its end, or the connection cut before it.
      request.on("close", () => bodyEnds.push(request.readableEnded));
      store.put(request, LIMIT_BYTES).then(
        (stored) => response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(stored)),
        (error: unknown) => response.writeHead(error instanceof AppError ? error.status : 500).end(error instanceof AppError ? error.code : "INTERNAL"),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores a body within the limit under its hash", async () => {
    const body = Buffer.alloc(LIMIT_BYTES, 7);
    const response = await fetch(url, { method: "POST", body });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sha256: createHash("sha256").update(body).digest("hex"), size: LIMIT_BYTES });
  });

  it("answers a body past the limit with 413 instead of resetting the connection, and keeps nothing of it", async () => {
    const response = await fetch(url, { method: "POST", body: Buffer.alloc(64 * LIMIT_BYTES, 7) });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("PAYLOAD_TOO_LARGE");
    expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
  });

  it("cuts the connection of a client that keeps sending far past the limit", async () => {
    // A client that ignores the 413 and goes on writing: 64 MiB against a 64 KiB limit and a 32 MiB drain.
    const { port } = server.address() as AddressInfo;
    const total = 1024 * LIMIT_BYTES;
    const socket = net.connect(port, "127.0.0.1");
    const closed = new Promise<number>((resolve) => {
      let written = 0;
      const chunk = Buffer.alloc(LIMIT_BYTES, 7);
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(written));
      socket.on("connect", () => {
        socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${total}\r\n\r\n`);
        const pump = () => {
          while (written < total && !socket.destroyed) {
            written += chunk.length;
            if (!socket.write(chunk)) return void socket.once("drain", pump);
          }
        };
        pump();
      });
    });
    expect(await closed).toBeLessThan(total);
    await expect.poll(() => bodyEnds).toEqual([false]);
    expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
  });
});

describe("LocalFileStore.put from a stream of small pieces", () => {
  it("stores every byte in order when the pieces are written in batches", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openlpse-store-"));
    try {
      const store = new LocalFileStore(dir);
      // 3.5 MiB in 10,000-byte pieces: several write batches and a partial last one.
      const bytes = Buffer.from(Array.from({ length: 3_670_016 }, (_, i) => (i * 31 + (i >> 10)) % 256));
      const pieces = Array.from({ length: Math.ceil(bytes.length / 10_000) }, (_, i) => bytes.subarray(i * 10_000, (i + 1) * 10_000));
      const stored = await store.put(Readable.from(pieces), bytes.length);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      expect(stored).toEqual({ sha256, size: bytes.length });
      expect(fs.readFileSync(path.join(dir, sha256.slice(0, 2), sha256)).equals(bytes)).toBe(true);
      // The same content again keeps one copy; the folders made the first time are reused.
      expect(await store.put(Readable.from(pieces), bytes.length)).toEqual(stored);
      expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
