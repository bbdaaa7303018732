/*
 * A load generator in its own process: CLIENTS concurrent loops, each sending GETs for the paths it is
 * given in turn over kept-alive connections, until DURATION seconds have passed or MAX requests were sent.
 * Loopback targets only. Prints one JSON line: requests, errors, seconds, latencies' percentiles (ms).
 */

const [target, pathsJson, clientsText, durationText, maxText] = process.argv.slice(2);
if (!target || !pathsJson) throw new Error("usage: load.ts TARGET PATHS_JSON CLIENTS SECONDS MAX");
const url = new URL(target);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`load only loopback addresses, not ${url.hostname}`);
const paths = JSON.parse(pathsJson) as string[];
const clients = Number(clientsText ?? 50);
const deadline = Date.now() + Number(durationText ?? 10) * 1000;
const max = Number(maxText ?? 1_000_000);

const latencies: number[] = [];
let sent = 0;
let errors = 0;
const started = process.hrtime.bigint();

async function loop(offset: number): Promise<void> {
  for (let i = offset; Date.now() < deadline && sent < max; i += clients) {
    sent++;
    const path = paths[i % paths.length] as string;
    const t0 = process.hrtime.bigint();
    try {
      const response = await fetch(new URL(path, url));
      await response.arrayBuffer();
      if (!response.ok) errors++;
    } catch {
      errors++;
    }
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}

await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? Number.NaN;
console.log(JSON.stringify({ requests: latencies.length, errors, seconds, p50: at(50), p95: at(95), p99: at(99) }));
