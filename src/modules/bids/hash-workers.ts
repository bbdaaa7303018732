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

interface HashWorker {
  thread: Worker;
  /** Set when the thread failed or exited: its digests can no longer be answered. */
  dead: Error | null;
}

interface Pool {
  workers: HashWorker[];
  waiting: Map<number, { worker: HashWorker; resolve: (hex: string) => void; reject: (error: Error) => void }>;
  nextId: number;
}

/** An idle worker does not keep the process alive; one with a digest to answer does. */
function holdOpen(p: Pool, worker: HashWorker): void {
  if ([...p.waiting.values()].some((w) => w.worker === worker)) worker.thread.ref();
  else worker.thread.unref();
}

let pool: Pool | null = null;

/** A failed worker fails the digests waiting on it, and the pool is made again at the next digest. */
function retire(p: Pool, worker: HashWorker, error: Error): void {
  worker.dead = error;
  for (const [id, w] of p.waiting) {
    if (w.worker !== worker) continue;
    p.waiting.delete(id);
    w.reject(error);
  }
  if (pool === p) pool = null;
  for (const other of p.workers) if (other !== worker && !other.dead && ![...p.waiting.values()].some((w) => w.worker === other)) void other.thread.terminate();
}

function workerPool(): Pool {
  if (pool) return pool;
  const created: Pool = { workers: [], waiting: new Map(), nextId: 1 };
  // One core stays with the thread that decrypts.
  const size = Math.max(1, availableParallelism() - 1);
  for (let i = 0; i < size; i++) {
    const worker: HashWorker = { thread: new Worker(WORKER_SOURCE, { eval: true }), dead: null };
    worker.thread.unref();
    worker.thread.on("message", (m: { id: number; hex: string }) => {
      created.waiting.get(m.id)?.resolve(m.hex);
      created.waiting.delete(m.id);
      holdOpen(created, worker);
    });
    worker.thread.on("error", (error) => retire(created, worker, error));
    worker.thread.on("exit", (code) => {
      if (!worker.dead) retire(created, worker, new Error(`hash worker exited with code ${code}`));
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
  const worker = p.workers[id % p.workers.length] as HashWorker;
  return {
    update(bytes: Uint8Array) {
      if (worker.dead) return;
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const buffer = owned ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
      worker.thread.postMessage({ id, bytes: buffer }, [buffer]);
    },
    hex() {
      if (worker.dead) return Promise.reject(worker.dead);
      return new Promise<string>((resolve, reject) => {
        p.waiting.set(id, { worker, resolve, reject });
        holdOpen(p, worker);
        worker.thread.postMessage({ id });
      });
    },
  };
}

/** The pool's threads, for a test that stops one to check that the opening fails instead of waiting for ever. */
export function hashWorkerThreadsForTest(): Worker[] {
  return workerPool().workers.map((w) => w.thread);
}
