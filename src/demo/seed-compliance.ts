import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import type { LicenceInput, RegulationInput } from "../modules/compliance/compliance.schemas.js";
import * as compliance from "../modules/compliance/compliance.service.js";
import { addDays } from "../modules/operations-registers/operations-registers.presenter.js";
import { findAssetByCode } from "../modules/registers/assets.repository.js";
import { createAsset, registerContext } from "../modules/registers/assets.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock">;

/** The regulations an LPSE works under, from the procurement law down to its own SOPs; one replaced. */
const REGULATIONS: RegulationInput[] = [
  { title: "Pengadaan Barang/Jasa Pemerintah", number: "Perpres 16/2018", kind: "perpres", issuedOn: "2018-03-16", status: "replaced", replacedBy: "Perpres 12/2021", link: "https://peraturan.bpk.go.id/Details/73586" },
  { title: "Perubahan atas Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah", number: "Perpres 12/2021", kind: "perpres", issuedOn: "2021-02-02", status: "in_force", link: "https://peraturan.bpk.go.id/Details/161828" },
  { title: "Layanan Pengadaan Secara Elektronik", number: "Peraturan LKPP 14/2018", kind: "peraturan_lkpp", issuedOn: "2018-09-27", status: "in_force", notes: "Dasar standar layanan LPSE" },
  { title: "Informasi dan Transaksi Elektronik", number: "UU 11/2008", kind: "uu", issuedOn: "2008-04-21", status: "in_force" },
  { title: "Penyelenggaraan Sistem dan Transaksi Elektronik", number: "PP 71/2019", kind: "pp", issuedOn: "2019-10-10", status: "in_force" },
  { title: "Pembentukan LPSE Kota Madiun", number: "Perwal Madiun 23/2020", kind: "perbup_perwal", issuedOn: "2020-06-15", status: "in_force" },
];

/** Relative to the demo's today: an SK nearing its end and an SOP due for review. */
const DATED_REGULATIONS = (today: string): RegulationInput[] => [
  { title: "Tim Pengelola LPSE Kota Madiun", number: "SK Wali Kota 027/112/2025", kind: "sk", issuedOn: "2025-01-06", validUntil: addDays(today, 35), status: "in_force", notes: "Perpanjang untuk tahun berikutnya" },
  { title: "SOP Pengelolaan Helpdesk", number: "SOP-LPSE-05", kind: "sop", issuedOn: "2024-02-01", reviewOn: addDays(today, -10), status: "in_force" },
];

/** The demo LPSE's regulations and licences: one licence over its seats, one subscription nearing its end. */
export async function seedDemoCompliance(deps: Deps, adminEmail: string): Promise<void> {
  const db = deps.database.db;
  const row = await unsafeFindUserByEmail(db, adminEmail);
  const user = row ? await findUserById(db, row.id) : undefined;
  if (!user) throw new Error("demo compliance registers need the demo administrator");
  const admin = actorOf(user, "demo");
  const { today } = await registerContext(db, deps.clock.now());

  for (const r of [...REGULATIONS, ...DATED_REGULATIONS(today)]) await compliance.recordRegulation(deps, admin, r);

  const pc = (code: string, name: string) =>
    createAsset(db, admin, { code, name, type: "hardware", owner: "Admin PPE", location: "Kantor LPSE", confidentiality: 2, integrity: 2, availability: 2, acquiredOn: "2024-03-01", expiresOn: null, notes: null }, deps.clock.now());
  const server = (await findAssetByCode(db, "HW-SRV-01"))?.id ?? (await pc("HW-SRV-01", "Server aplikasi SPSE"));
  const helpdeskPc = await pc("PC-HD-01", "Komputer helpdesk");
  const verifierPc = await pc("PC-VER-01", "Komputer verifikator");

  const licences: { input: LicenceInput; on: string[] }[] = [
    { input: { product: "Microsoft Office 2021 Standard", vendor: "Microsoft", licenceType: "perpetual", seats: 1, cost: "4250000", notes: "Dibeli satu lisensi; terpasang di dua komputer" }, on: [helpdeskPc, verifierPc] },
    { input: { product: "Antivirus Endpoint Protection", vendor: "ESET", licenceType: "subscription", seats: 10, validUntil: addDays(today, 40), cost: "3750000.50" }, on: [helpdeskPc, verifierPc, server] },
    { input: { product: "PostgreSQL", vendor: "PostgreSQL Global Development Group", licenceType: "open_source", seats: null }, on: [server] },
  ];
  for (const { input, on } of licences) {
    const id = await compliance.recordLicence(deps, admin, input);
    for (const assetId of on) await compliance.installLicence(deps, admin, id, { assetId });
  }
}
