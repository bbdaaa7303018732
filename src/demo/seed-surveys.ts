import { randomBytes, randomUUID } from "node:crypto";
import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { localDate } from "../modules/settings/calendar.js";
import { getSettings } from "../modules/settings/settings.service.js";
import { changeImprovementStatus, fileImprovement } from "../modules/surveys/improvements.service.js";
import * as repo from "../modules/surveys/surveys.repository.js";
import type { Question } from "../modules/surveys/surveys.schemas.js";
import { closeSurvey, createSurvey, hashToken } from "../modules/surveys/surveys.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_ANSWERS = 12;

/** The nine unsur of PermenPAN-RB 14/2017, asked the way an LPSE asks its users. */
export const DEMO_QUESTIONS: Question[] = [
  { unsur: "persyaratan", text: "Bagaimana kesesuaian persyaratan pendaftaran dan verifikasi penyedia?" },
  { unsur: "prosedur", text: "Bagaimana kemudahan prosedur layanan LPSE?" },
  { unsur: "waktu", text: "Bagaimana kecepatan waktu layanan verifikasi dan bantuan?" },
  { unsur: "biaya", text: "Bagaimana kewajaran biaya layanan (layanan LPSE tidak dipungut biaya)?" },
  { unsur: "produk", text: "Bagaimana kesesuaian layanan dengan standar pelayanan yang diumumkan?" },
  { unsur: "kompetensi", text: "Bagaimana kompetensi petugas LPSE?" },
  { unsur: "perilaku", text: "Bagaimana kesopanan dan keramahan petugas?" },
  { unsur: "sarana", text: "Bagaimana kualitas sarana dan prasarana (aplikasi, ruang layanan)?" },
  { unsur: "pengaduan", text: "Bagaimana penanganan pengaduan pengguna layanan?" },
];

async function actor(deps: Deps, email: string) {
  const row = await unsafeFindUserByEmail(deps.database.db, email);
  const user = row ? await findUserById(deps.database.db, row.id) : undefined;
  if (!user) throw new Error(`demo surveys need the demo account ${email}`);
  return actorOf(user, "demo");
}

/**
 * Standard 15 of the demo LPSE: last semester's survey, closed with 12 answers (IKM 83.33, grade B), and two
 * improvement requests, one planned with its answer to the vendor. The answers are written directly: the
 * demo has no mailbox to follow the links from.
 */
export async function seedDemoSurveys(deps: Deps, emails: { admin: string; helpdesk: string; vendor: string; ppk: string }): Promise<void> {
  const db = deps.database.db;
  const admin = await actor(deps, emails.admin);
  const now = deps.clock.now();
  const zone = (await getSettings(db)).timeZone;
  const day = (offset: number) => localDate(new Date(now.getTime() + offset * DAY_MS), zone);

  const id = await createSurvey(deps, admin, { title: "Survei Kepuasan Pengguna LPSE Semester II", periodFrom: day(-45), periodTo: day(-10), questions: DEMO_QUESTIONS });
  const recipients = await repo.listActiveRecipients(db, ["vendor", "ppk", "pokja", "pejabat_pengadaan", "pa_kpa", "admin_agency"]);
  await db.transaction().execute(async (trx) => {
    await repo.insertInvitations(
      trx,
      recipients.map((r, i) => ({ id: randomUUID(), survey_id: id, user_id: r.id, token_hash: hashToken(randomBytes(32).toString("base64url")), answered: i < DEMO_ANSWERS ? 1 : 0 })),
    );
    for (let i = 0; i < Math.min(DEMO_ANSWERS, recipients.length); i++) {
      // A third of the answers "sangat baik" (4), the rest "baik" (3): mean 3.33, IKM 83.33, grade B.
      const scores = DEMO_QUESTIONS.map((_, q) => ((i + q) % 3 === 0 ? 4 : 3));
      const comment = ["Verifikasi dokumen penyedia cepat.", "Mohon jam layanan helpdesk diperpanjang.", "", ""][i % 4] ?? "";
      await repo.insertResponse(trx, { id: randomUUID(), survey_id: id, scores: JSON.stringify(scores), comment });
    }
    await repo.updateSurvey(trx, id, { status: "open", recipients: recipients.length, sent_at: new Date(now.getTime() - 45 * DAY_MS).toISOString() });
  });
  await closeSurvey(deps, admin, id);

  const vendor = await actor(deps, emails.vendor);
  const planned = await fileImprovement(deps, vendor, { title: "Pengingat batas unggah penawaran", description: "Mohon sistem mengirim pengingat surel sehari sebelum batas akhir unggah penawaran." });
  const helpdesk = await actor(deps, emails.helpdesk);
  await changeImprovementStatus(deps, helpdesk, planned, { status: "under_review", response: "Usulan sedang dikaji bersama Admin PPE." });
  await changeImprovementStatus(deps, admin, planned, { status: "planned", response: "Direncanakan pada pembaruan aplikasi bulan depan." });
  await fileImprovement(deps, await actor(deps, emails.ppk), { title: "Unduh rekap HPS ke spreadsheet", description: "Mohon rincian HPS dapat diunduh dalam format spreadsheet untuk arsip PPK." });
}
