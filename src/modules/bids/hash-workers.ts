import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Digest } from "../../crypto/envelope.js";

/*
 * SHA-256 on other cores while the opening decrypts on this one. Opening a bid is AES-256-GCM over its
 * chunks and SHA-256 over each file's plaintext (for the opening record); on one thread the two together
 * run at about half the speed of AES alone, since SHA-256 costs about as much. The workers are plain
 * node:crypto in CommonJS, given as source text, so the same code runs from src/ (tests) and dist/.
 */

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const running = new Map();
parentPort.on("message", (m) => {
  let hash = running.get(m.id);
  if (!hash) { hash = createHash("sha256"); running.set(m.id, hash); }
  if (m.bytes) { hash.update(new Uint8Array(m.bytes)); return; }
  running.delete(m.id);
  parentPort.postMessage({ id: m.id, hex: hash.digest("hex") });
});
`;

interface Pool {
  workers: Worker[];
  waiting: Map<number, { worker: Worker; resolve: (hex: string) => void; reject: (error: Error) => void }>;
  nextId: number;
}

/** An idle worker does not keep the process alive; one with a digest to answer does. */
function holdOpen(p: Pool, worker: Worker): void {
  if ([...p.waiting.values()].some((w) => w.worker === worker)) worker.ref();
  else worker.unref();
}

let pool: Pool | null = null;

function workerPool(): Pool {
  if (pool) return pool;
  const created: Pool = { workers: [], waiting: new Map(), nextId: 1 };
  // One core stays with the thread that decrypts.
  const size = Math.max(1, availableParallelism() - 1);
  for (let i = 0; i < size; i++) {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on("message", (m: { id: number; hex: string }) => {
      created.waiting.get(m.id)?.resolve(m.hex);
      created.waiting.delete(m.id);
      holdOpen(created, worker);
    });
    worker.on("error", (error) => {
      for (const w of created.waiting.values()) w.reject(error);
      created.waiting.clear();
      pool = null;
    });
    created.workers.push(worker);
  }
  pool = created;
  return created;
}

/**
 * A running SHA-256 computed by a worker thread. Each piece given to `update` is handed over to the worker
 * without a copy where it owns its memory: the caller must not use it afterwards (the opening does not).
 */
export function workerDigest(): Digest {
  const p = workerPool();
  const id = p.nextId++;
  const worker = p.workers[id % p.workers.length] as Worker;
  return {
    update(bytes: Uint8Array) {
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const buffer = owned ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
      worker.postMessage({ id, bytes: buffer }, [buffer]);
    },
    hex() {
      return new Promise<string>((resolve, reject) => {
        p.waiting.set(id, { worker, resolve, reject });
        holdOpen(p, worker);
        worker.postMessage({ id });
      });
    },
  };
}
