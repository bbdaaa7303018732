import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { createArticle } from "../modules/helpdesk/articles.service.js";
import * as helpdesk from "../modules/helpdesk/helpdesk.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The demo LPSE's FAQ: what vendors and committees ask most. The last one is still a draft. */
const ARTICLES = [
  {
    title: "Lupa kata sandi akun penyedia",
    category: "Akun",
    body: "Hubungi Helpdesk LPSE lewat halaman Bantuan dengan email yang terdaftar. Demi keamanan, kata sandi tidak pernah dikirim lewat email; petugas memverifikasi identitas Anda lalu mengatur ulang akun.",
    status: "published",
  },
  {
    title: "Cara mengunggah dokumen penawaran",
    category: "Penawaran",
    body: "Penawaran dienkripsi di peramban Anda sebelum diunggah. Gunakan Chromium, Chrome, Firefox atau Edge versi terbaru dan unggah jauh sebelum batas waktu: jam server yang berlaku, bukan jam komputer Anda.",
    status: "published",
  },
  {
    title: "Apa itu sanggah dan kapan dapat diajukan?",
    category: "Tender",
    body: "Sanggah diajukan peserta tender atas hasil pemilihan dalam masa sanggah yang tertera di jadwal (paling singkat 5 hari kalender setelah pengumuman pemenang).",
    status: "published",
  },
  {
    title: "Verifikasi penyedia: dokumen yang dibawa",
    category: "Verifikasi",
    body: "Bawa dokumen asli NIB, NPWP, akta pendirian dan perubahan terakhir, serta KTP pengurus ke kantor LPSE pada jam kerja.",
    status: "published",
  },
  { title: "Mengubah data perusahaan setelah terverifikasi", category: "Akun", body: "Draf: langkah-langkah mengubah data penyedia dan verifikasi ulang.", status: "draft" },
] as const;

/** A handful of tickets in every state and channel, filed over the last days, handled through the real services. */
export async function seedDemoHelpdesk(deps: Deps, emails: { helpdesk: string; admin: string; vendor: string }): Promise<void> {
  const now = deps.clock.now().getTime();
  const at = (msAgo: number): Deps => ({ ...deps, clock: { now: () => new Date(now - msAgo) } });
  const staffRow = await unsafeFindUserByEmail(deps.database.db, emails.helpdesk);
  const adminRow = await unsafeFindUserByEmail(deps.database.db, emails.admin);
  const vendorRow = await unsafeFindUserByEmail(deps.database.db, emails.vendor);
  if (!staffRow || !adminRow || !vendorRow) throw new Error("demo helpdesk needs the demo helpdesk, admin and vendor accounts");
  const staffUser = await findUserById(deps.database.db, staffRow.id);
  const vendorUser = await findUserById(deps.database.db, vendorRow.id);
  if (!staffUser || !vendorUser) throw new Error("demo accounts not found");
  const staff = actorOf(staffUser, "demo");
  const vendor = actorOf(vendorUser, "demo");

  for (const a of ARTICLES) await createArticle(deps.database.db, staff, a, new Date(now - 10 * 24 * HOUR));

  // A vendor with an account: answered within the hour, resolved the same morning (both targets met).
  const forgot = await helpdesk.filePublicTicket(at(72 * HOUR), vendor, {
    name: vendorUser.name,
    email: vendorUser.email,
    subject: "Tidak bisa masuk setelah ganti perangkat",
    description: "Aplikasi autentikator ada di ponsel lama yang hilang. Mohon bantuan mengatur ulang.",
    userGroup: "vendor",
  });
  await helpdesk.assignTicket(at(71.5 * HOUR), staff, forgot.id, { assigneeId: staff.id });
  await helpdesk.addStaffComment(at(71 * HOUR), staff, forgot.id, { body: "Silakan datang ke kantor LPSE dengan KTP untuk verifikasi identitas.", visibility: "public" });
  await helpdesk.changeStatus(at(69 * HOUR), staff, forgot.id, { status: "resolved", outcome: "Identitas diverifikasi di loket; akun diatur ulang dan autentikator dipasang kembali." });

  // The public: a question answered from the FAQ, then closed.
  const winner = await helpdesk.filePublicTicket(at(48 * HOUR), null, {
    name: "Andi Saputra",
    email: "andi.saputra@warga-madiun.demo",
    subject: "Di mana melihat pemenang tender?",
    description: "Saya ingin melihat siapa pemenang tender rehabilitasi jalan tahun ini.",
    userGroup: "public",
  });
  await helpdesk.classifyTicket(at(47.8 * HOUR), staff, winner.id, { type: "request", technical: false, userGroup: "public", urgency: "low", impact: "low" });
  await helpdesk.addStaffComment(at(47.5 * HOUR), staff, winner.id, { body: "Pemenang diumumkan di halaman tender (Beranda, cari nama paket) dan di data terbuka OCDS.", visibility: "public" });
  await helpdesk.changeStatus(at(47 * HOUR), staff, winner.id, { status: "resolved", outcome: "Dijelaskan letak pengumuman pemenang." });
  await helpdesk.changeStatus(at(20 * HOUR), staff, winner.id, { status: "closed" });

  // A committee phone call about a technical fault, escalated to the administrator, still in progress.
  const schedule = await helpdesk.fileStaffTicket(at(5 * HOUR), staff, {
    channel: "phone",
    name: "Eko Prasetyo (Pokja)",
    phone: "0351 462100",
    subject: "Jadwal tender tidak dapat disimpan",
    description: "Saat menyimpan perubahan jadwal muncul pesan kesalahan server.",
    type: "incident",
    technical: true,
    userGroup: "committee",
    urgency: "high",
    impact: "medium",
  });
  await helpdesk.assignTicket(at(4.8 * HOUR), staff, schedule.id, { assigneeId: staff.id });
  await helpdesk.changeStatus(at(4.7 * HOUR), staff, schedule.id, { status: "in_progress" });
  await helpdesk.addStaffComment(at(4.5 * HOUR), staff, schedule.id, { body: "Galat muncul juga di paket lain; perlu cek log server.", visibility: "internal" });
  await helpdesk.escalateTicket(at(4.4 * HOUR), staff, schedule.id, { toUserId: adminRow.id, reason: "Perlu akses log server aplikasi dan basis data." });

  // A walk-in vendor waiting to bring a document.
  const nib = await helpdesk.fileStaffTicket(at(26 * HOUR), staff, {
    channel: "walk_in",
    name: "Wahyu Nugroho",
    email: "wahyu.nugroho@penyedia-madiun.demo",
    subject: "Verifikasi NIB belum selesai",
    description: "Penyedia datang menanyakan verifikasi; salinan NIB terbaru belum dibawa.",
    type: "request",
    technical: false,
    userGroup: "vendor",
    urgency: "medium",
    impact: "low",
  });
  await helpdesk.addStaffComment(at(25.5 * HOUR), staff, nib.id, { body: "Mohon unggah atau bawa NIB terbaru dari OSS.", visibility: "public" });
  await helpdesk.changeStatus(at(25.4 * HOUR), staff, nib.id, { status: "waiting_for_user" });

  // A new request by email, not yet picked up.
  await helpdesk.fileStaffTicket(at(40 * MINUTE), staff, {
    channel: "email",
    name: "dr. Ratna Sari (PPK Dinkes)",
    email: "ratna.sari@dinkes-madiun.demo",
    subject: "Permintaan akun untuk PPK baru",
    description: "Mohon dibuatkan akun PPK untuk pejabat baru di Dinas Kesehatan.",
    type: "request",
    technical: false,
    userGroup: "ppk",
    urgency: "low",
    impact: "medium",
  });
}
