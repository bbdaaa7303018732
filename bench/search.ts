import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createAgency, createWorkUnit } from "../src/modules/orgs/orgs.service.js";
import { DEFAULT_RATE_LIMITS } from "../src/modules/settings/settings.schemas.js";
import { getSettings, updateSettings } from "../src/modules/settings/settings.service.js";
import { createUser } from "../src/modules/users/users.service.js";
import { loadConfig } from "../src/server/config.js";
import { openRuntime } from "../src/server/start.js";
import { report, scratchDir, size } from "./lib.js";
import { startAndWait, stop } from "./processes.js";

/*
 * Public search: PACKAGES published packages with Indonesian names, agencies and values are seeded, the
 * built server is started on them (`npm run build` first), and a load generator in another process sends
 * text and filter queries from CLIENTS concurrent clients for SECONDS. The limit: a bare Fastify route
 * answering the same JSON from memory, loaded the same way in the same run.
 */

const PACKAGES = size("SEARCH_PACKAGES", 100_000);
const CLIENTS = size("SEARCH_CLIENTS", 50);
const SECONDS = size("SEARCH_SECONDS", 10);
/** Where the server writes a CPU profile (node --cpu-prof) of the load, to see where the time goes; none unless set. */
const PROFILE_DIR = process.env.BENCH_SEARCH_PROFILE_DIR;
const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

const WORKS = ["Pembangunan", "Rehabilitasi", "Peningkatan", "Pemeliharaan Berkala", "Pengadaan", "Belanja", "Jasa Konsultansi Perencanaan", "Jasa Konsultansi Pengawasan", "Penataan", "Normalisasi"];
const OBJECTS = ["Jalan", "Jembatan", "Saluran Drainase", "Gedung Kantor", "Puskesmas", "Sekolah Dasar Negeri", "Pasar Tradisional", "Alat Kesehatan", "Komputer dan Printer", "Kendaraan Dinas", "Taman Kota", "Rumah Pompa", "Instalasi Pengolahan Air Limbah", "Penerangan Jalan Umum", "Trotoar"];
const PLACES = ["Kelurahan Manguharjo", "Kelurahan Nambangan Lor", "Kecamatan Taman", "Kecamatan Kartoharjo", "Jalan Pahlawan", "Jalan Soekarno-Hatta", "Desa Sidorejo", "Desa Karangrejo", "Kawasan Alun-Alun", "Lingkungan Pilangbango"];
const AGENCIES = [
  ["DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"],
  ["DINKES", "Dinas Kesehatan"],
  ["DINDIK", "Dinas Pendidikan"],
  ["DISHUB", "Dinas Perhubungan"],
  ["DLH", "Dinas Lingkungan Hidup"],
  ["DPRKP", "Dinas Perumahan dan Kawasan Permukiman"],
  ["BPBD", "Badan Penanggulangan Bencana Daerah"],
  ["RSUD", "Rumah Sakit Umum Daerah"],
] as const;
const CATEGORIES = ["pekerjaan_konstruksi", "barang", "jasa_konsultansi", "jasa_lainnya"];

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;


async function seed(dataDir: string): Promise<string[]> {
  const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "error" }));
  const db = runtime.deps.database.db;
  const now = new Date();
  const agencyIds: string[] = [];
  const units: string[] = [];
  for (const [code, name] of AGENCIES) {
    const agency = await createAgency(db, null, { code, name, kind: "dinas" }, now);
    agencyIds.push(agency.id);
    units.push((await createWorkUnit(db, null, agency.id, { code: `${code}-1`, name: "Sekretariat" }, now)).id);
  }
  const ppk = await createUser(db, null, { name: "PPK Uji", email: "ppk@bench.test", role: "ppk", agencyId: agencyIds[0], password: "Kata-sandi-uji-beban-2026" }, now);
  const at = now.toISOString();
  // One transaction: one durable commit for the whole seed (the search triggers run for every row).
  await db.transaction().execute(async (trx) => {
    for (let done = 0; done < PACKAGES; done += 1000) {
      const rows = Array.from({ length: Math.min(1000, PACKAGES - done) }, (_, j) => {
        const i = done + j;
        const a = i % AGENCIES.length;
        const hps = 50_000_000 + ((i * 7919) % 9_950) * 1_000_000;
        return {
          id: randomUUID(),
          agency_id: agencyIds[a] as string,
          work_unit_id: units[a] as string,
          ppk_id: ppk.id,
          rup_code: String(30_000_000 + i),
          name: `${pick(WORKS, i)} ${pick(OBJECTS, Math.floor(i / 10))} ${pick(PLACES, Math.floor(i / 150))} Tahap ${(i % 4) + 1}`,
          fiscal_year: 2025 + (i % 3),
          funding_source: "APBD",
          pagu_sen: hps * 110,
          hps_sen: hps * 100,
          category: pick(CATEGORIES, i),
          method: "tender",
          evaluation_method: "gugur_harga_terendah",
          technical_weight: null,
          qualification: "pasca",
          contract_type: "harga_satuan",
          kbli_codes: "[]",
          qualification_requirements: "",
          status: "published" as const,
          hps_set_at: at,
          retender_of: null,
          tender_code: String(2_027_000_000 + i),
          // Published in the order inserted, a minute apart, the last one now.
          published_at: new Date(now.getTime() - (PACKAGES - 1 - i) * 60_000).toISOString(),
          created_at: at,
          updated_at: at,
        };
      });
      for (let k = 0; k < rows.length; k += 100) await trx.insertInto("packages").values(rows.slice(k, k + 100)).execute();
    }
  });
  // One address sends every request here: the limit for public search (a setting) is raised out of the way.
  const settings = await getSettings(db);
  await updateSettings(db, null, { ...settings, security: { ...settings.security, rateLimits: { ...DEFAULT_RATE_LIMITS, ...settings.security.rateLimits, publicSearch: 1_000_000 } } }, now);
  await runtime.close();
  return agencyIds;
}

async function load(url: string, paths: string[]) {
  const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "load.ts"), url, JSON.stringify(paths), String(CLIENTS), String(SECONDS)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { requests: number; errors: number; seconds: number; p50: number; p95: number; p99: number };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, "dist", "server"))) throw new Error("build first: npm run build");
  const dataDir = process.env.BENCH_SEARCH_KEEP_DIR ?? scratchDir("search");
  const agencyIds = await seed(dataDir);
  const text = ["drainase", "jalan pahlawan", "puskesmas", "gedung kantor manguharjo", "alat kesehatan", "jembatan", "rehabilitasi sekolah", "pompa"];
  const paths = [
    ...text.map((q) => `/api/v1/public/tenders?q=${encodeURIComponent(q)}`),
    ...agencyIds.map((id, i) => `/api/v1/public/tenders?agencyId=${id}&category=${pick(CATEGORIES, i)}`),
    "/api/v1/public/tenders?fiscalYear=2026&minHps=500000000&maxHps=2000000000",
    "/api/v1/public/tenders",
  ];

  const nodeFlags = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const server = await startAndWait([...nodeFlags, path.join(root, "bin", "openlpse.js"), "start"], { DATA_DIR: dataDir, LOG_LEVEL: "warn" }, "/api/health");
  const sample = await (await fetch(`${server.url}${paths[0]}`)).text();
  const app = await load(server.url, paths);
  await stop(server.child);

  const bodyFile = path.join(dataDir, "bare-body.json");
  fs.writeFileSync(bodyFile, sample);
  const bare = await startAndWait(["--import", "tsx", path.join(import.meta.dirname, "bare-server.ts"), bodyFile], {}, "/api/health");
  const baseline = await load(bare.url, paths);
  await stop(bare.child);

  const appRps = app.requests / app.seconds;
  const bareRps = baseline.requests / baseline.seconds;
  report({
    name: "search",
    sizes: { packages: PACKAGES, clients: CLIENTS, seconds: SECONDS },
    figures: { requestsPerSecond: appRps, p50Ms: app.p50, p95Ms: app.p95, p99Ms: app.p99, errors: app.errors, bareRequestsPerSecond: bareRps, bareP95Ms: baseline.p95 },
    ratios: { throughputToBareRoute: appRps / bareRps },
    goals: [
      { what: "p95 under 50 ms", met: app.p95 < 50 },
      { what: "at least 30% of the bare route's throughput", met: appRps / bareRps >= 0.3 },
      { what: "no errors", met: app.errors === 0 },
    ],
  });
}

await main();
