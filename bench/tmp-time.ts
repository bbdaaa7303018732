import { openSqlite } from "../src/db/database.js";
import { searchTenders } from "../src/modules/portal/portal.repository.js";
const database = openSqlite(process.argv[2]!);
const db = database.db;
const agencies = await db.selectFrom("agencies").select("id").orderBy("code").execute();
const cats = ["pekerjaan_konstruksi", "barang", "jasa_konsultansi", "jasa_lainnya"];
const queries: [string, Record<string, unknown>][] = [
  ...["drainase", "jalan pahlawan", "puskesmas", "gedung kantor manguharjo", "alat kesehatan", "jembatan", "rehabilitasi sekolah", "pompa", "ng", "tahap 2"].map((q) => [q, { q }] as [string, Record<string, unknown>]),
  ["agency+category", { agencyId: agencies[0]!.id, category: cats[0] }],
  ["agency+othercat", { agencyId: agencies[1]!.id, category: cats[1] }],
  ["year+hps", { fiscalYear: 2026, minHpsSen: 50000000000, maxHpsSen: 200000000000 }],
  ["none", {}],
];
const now = new Date().toISOString();
for (const [label, q] of queries) {
  const query = { page: 1, pageSize: 20, ...q } as never;
  await searchTenders(db, "sqlite", query, now);
  const t0 = performance.now();
  let r;
  for (let i = 0; i < 5; i++) r = await searchTenders(db, "sqlite", query, now);
  console.log(label.padEnd(28), ((performance.now() - t0) / 5).toFixed(1), "ms", r!.total, r!.totalExact);
}
await database.close();
