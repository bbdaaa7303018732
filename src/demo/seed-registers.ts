import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { createAsset } from "../modules/registers/assets.service.js";
import { decideChange, implementChange, proposeChange, reviewChange } from "../modules/registers/changes.service.js";
import type { AssetInput, RiskInput } from "../modules/registers/registers.schemas.js";
import { addTask, createRisk } from "../modules/registers/risks.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock">;
const DAY = 86_400_000;

/** The demo LPSE's assets: a licence already expired and a server whose support ends within the alert window. */
const ASSETS: AssetInput[] = [
  { code: "HW-SRV-01", name: "Server aplikasi SPSE", type: "hardware", owner: "Admin PPE", location: "Ruang server Diskominfo lantai 2", confidentiality: 3, integrity: 3, availability: 3, acquiredOn: "2021-03-15", expiresOn: "2027-01-31", notes: "Garansi dan dukungan vendor" },
  { code: "SW-DB-01", name: "Lisensi sistem operasi server basis data", type: "software", owner: "Admin PPE", location: "Ruang server Diskominfo lantai 2", confidentiality: 2, integrity: 3, availability: 2, acquiredOn: "2023-11-01", expiresOn: "2026-11-01", notes: null },
  { code: "DT-BID-01", name: "Berkas penawaran terenkripsi", type: "data", owner: "Kepala LPSE", location: "Penyimpanan berkas server aplikasi", confidentiality: 3, integrity: 3, availability: 2, acquiredOn: null, expiresOn: null, notes: null },
  { code: "SV-NET-01", name: "Layanan internet 100 Mbps", type: "service", owner: "Diskominfo Kota Madiun", location: "Ruang server Diskominfo lantai 2", confidentiality: 1, integrity: 2, availability: 3, acquiredOn: "2025-01-01", expiresOn: "2027-12-31", notes: "Kontrak tahunan" },
  { code: "PP-HD-01", name: "Petugas helpdesk", type: "people", owner: "Kepala LPSE", location: "Kantor LPSE", confidentiality: 1, integrity: 1, availability: 2, acquiredOn: null, expiresOn: null, notes: null },
];

/** Demo risks on those assets: one per level with the default thresholds (24 and 64). */
const RISKS: (Omit<RiskInput, "assetId"> & { asset: string; tasks: { action: string; owner: string; dueDate: string; status: "open" | "in_progress" | "done" }[] })[] = [
  {
    asset: "HW-SRV-01", title: "Server mati saat batas unggah penawaran", description: "Kegagalan perangkat keras atau catu daya pada jam-jam terakhir sebelum batas unggah.", impact: 4, threat: 2, vulnerability: 3, exposure: 3, treatment: "mitigate", owner: "Admin PPE",
    tasks: [{ action: "Ganti baterai UPS", owner: "Teknisi Diskominfo", dueDate: "2026-11-20", status: "open" }, { action: "Uji pemulihan dari cadangan", owner: "Admin PPE", dueDate: "2026-12-15", status: "in_progress" }],
  },
  {
    asset: "DT-BID-01", title: "Akses tidak sah ke berkas penawaran", description: "Pihak dalam mencoba membaca berkas penawaran sebelum pembukaan.", impact: 4, threat: 2, vulnerability: 1, exposure: 2, treatment: "mitigate", owner: "Kepala LPSE",
    tasks: [{ action: "Tinjau hak akses server setiap triwulan", owner: "Admin PPE", dueDate: "2026-12-31", status: "done" }],
  },
  { asset: "SV-NET-01", title: "Gangguan koneksi internet", description: "Putusnya jaringan penyedia internet membuat penyedia tidak dapat mengunggah penawaran.", impact: 3, threat: 3, vulnerability: 2, exposure: 3, treatment: "transfer", owner: "Diskominfo Kota Madiun", tasks: [] },
  { asset: "PP-HD-01", title: "Petugas helpdesk tunggal", description: "Hanya satu petugas helpdesk; cuti atau sakit menghentikan layanan.", impact: 2, threat: 2, vulnerability: 2, exposure: 1, treatment: "accept", owner: "Kepala LPSE", tasks: [] },
];

/** The demo registers: assets, risks with mitigation tasks, and changes at each step of the workflow. */
export async function seedDemoRegisters(deps: Deps, emails: { admin: string; head: string; helpdesk: string }): Promise<void> {
  const db = deps.database.db;
  const dialect = deps.database.dialect;
  const nowMs = deps.clock.now().getTime();
  const ago = (days: number) => new Date(nowMs - days * DAY);
  const actor = async (email: string) => {
    const row = await unsafeFindUserByEmail(db, email);
    const user = row ? await findUserById(db, row.id) : undefined;
    if (!user) throw new Error(`demo registers: no user ${email}`);
    return actorOf(user, "demo");
  };
  const admin = await actor(emails.admin);
  const head = await actor(emails.head);
  const helpdesk = await actor(emails.helpdesk);

  const assetIds = new Map<string, string>();
  for (const a of ASSETS) assetIds.set(a.code, await createAsset(db, admin, a, ago(60)));
  for (const { asset, tasks, ...r } of RISKS) {
    const riskId = await createRisk(db, admin, { ...r, assetId: assetIds.get(asset) as string }, ago(45));
    for (const task of tasks) await addTask(db, admin, riskId, task, ago(40));
  }

  const ram = await proposeChange(db, helpdesk, { title: "Tambah memori server aplikasi", description: "Menambah RAM server aplikasi SPSE dari 16 GB menjadi 32 GB.", reason: "Beban puncak saat batas unggah penawaran akhir bulan." }, ago(30));
  await decideChange(db, dialect, head, ram, "approved", "Disetujui; pasang di luar jam layanan.", ago(29));
  await implementChange(db, dialect, admin, ram, "RAM terpasang Sabtu pukul 20.00 WIB.", ago(25));
  await reviewChange(db, dialect, head, ram, "Waktu tanggap saat beban puncak turun.", ago(20));
  const firewall = await proposeChange(db, admin, { title: "Perbarui aturan firewall server", description: "Menutup porta administrasi dari luar jaringan Diskominfo.", reason: "Temuan pemindaian kerentanan triwulan III." }, ago(10));
  await decideChange(db, dialect, head, firewall, "approved", "Disetujui.", ago(9));
  await proposeChange(db, helpdesk, { title: "Ganti sistem operasi server basis data", description: "Memasang rilis dukungan jangka panjang yang baru pada server basis data.", reason: "Lisensi dan dukungan sistem operasi lama sudah berakhir." }, ago(2));
}
