import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { assignCommittee } from "../modules/packages/assignment.service.js";
import type { PackageInput } from "../modules/packages/packages.schemas.js";
import { createPackage } from "../modules/packages/packages.service.js";
import { addWorkingDays, localDate, startOfLocalDate } from "../modules/settings/calendar.js";
import { flowOf } from "../modules/settings/stage-keys.js";
import { getSettings } from "../modules/settings/settings.service.js";
import { answerQuestion, askQuestion, joinTender } from "../modules/tenders/participation.service.js";
import type { PublicationContext } from "../modules/tenders/publication-context.js";
import { publishTender } from "../modules/tenders/publication.service.js";
import { proposeSchedule } from "../modules/tenders/schedule.propose.js";
import { setSchedule } from "../modules/tenders/schedule.service.js";
import { unsafeFindUserByEmail, findUserById } from "../modules/users/users.repository.js";
import type { Actor } from "../server/actor.js";
import { DEMO_PROFILES } from "./demo-data.js";

const DOMAIN = DEMO_PROFILES.madiun.domain;

async function actor(db: Kysely<DB>, localPart: string): Promise<Actor> {
  const row = await unsafeFindUserByEmail(db, `${localPart}@${DOMAIN}`);
  const user = row ? await findUserById(db, row.id) : undefined;
  if (!user) throw new Error(`demo user ${localPart} is missing`);
  return actorOf(user, "");
}

async function workUnit(db: Kysely<DB>, agencyCode: string, unitCode: string): Promise<string> {
  const row = await db
    .selectFrom("work_units")
    .innerJoin("agencies", "agencies.id", "work_units.agency_id")
    .select("work_units.id")
    .where("agencies.code", "=", agencyCode)
    .where("work_units.code", "=", unitCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

interface DemoTender {
  input: Omit<PackageInput, "workUnitId">;
  agency: string;
  unit: string;
  ppk: string;
  /** The agency's administrator, who assigns the committee. */
  admin: string;
  /** Working days between the schedule's start and today: positive = started in the past; null = stays a draft. */
  startedWorkingDaysAgo: number | null;
  committee: "pokja" | "pejabat_pengadaan";
}

const base = { fiscalYear: 2027, fundingSource: "APBD" as const, qualification: "pasca" as "pasca" | "pra", kbliCodes: [] as string[], qualificationRequirements: "" };

const DEMO_TENDERS: DemoTender[] = [
  {
    agency: "DPUPR", unit: "DPUPR-BM", ppk: "ppk.dpupr", admin: "admin.dpupr", committee: "pokja", startedWorkingDaysAgo: 2,
    input: { ...base, rupCode: "51234001", name: "Rehabilitasi Jalan Salak dan Jalan Pahlawan Kota Madiun", pagu: "2500000000", category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", contractType: "harga_satuan", kbliCodes: ["42101"], qualificationRequirements: "SBU BG009 kualifikasi kecil; pengalaman 1 pekerjaan sejenis dalam 4 tahun terakhir.",
      hpsItems: [
        { description: "Pekerjaan persiapan dan mobilisasi", unit: "ls", quantity: "1", unitPrice: "45000000" },
        { description: "Lapis aspal AC-WC tebal 4 cm", unit: "m2", quantity: "9800", unitPrice: "187500" },
        { description: "Marka jalan thermoplastic", unit: "m2", quantity: "620", unitPrice: "165000" },
      ] },
  },
  {
    agency: "DINKES", unit: "DINKES-YANKES", ppk: "ppk.dinkes", admin: "admin.dinkes", committee: "pokja", startedWorkingDaysAgo: 7,
    input: { ...base, rupCode: "51234002", name: "Pengadaan Alat Kesehatan Puskesmas Oro-Oro Ombo", pagu: "850000000", category: "barang", method: "tender", evaluationMethod: "gugur_harga_terendah", contractType: "lumsum", kbliCodes: ["46691"],
      hpsItems: [
        { description: "Tensimeter digital", unit: "unit", quantity: "40", unitPrice: "750000" },
        { description: "Elektrokardiograf 12 kanal", unit: "unit", quantity: "4", unitPrice: "48500000" },
        { description: "Kursi roda standar", unit: "unit", quantity: "25", unitPrice: "1650000" },
      ] },
  },
  {
    agency: "DINDIK", unit: "DINDIK-SD", ppk: "ppk.dindik", admin: "admin.dindik", committee: "pokja", startedWorkingDaysAgo: -1,
    input: { ...base, rupCode: "51234003", name: "Jasa Konsultansi Perencanaan Rehabilitasi Gedung SD Negeri 02 Taman", pagu: "180000000", category: "jasa_konsultansi", method: "seleksi", evaluationMethod: "kualitas_biaya", technicalWeight: 80, contractType: "waktu_penugasan", kbliCodes: ["71102"],
      hpsItems: [{ description: "Tenaga ahli arsitek (orang-bulan)", unit: "OB", quantity: "6", unitPrice: "14500000" }, { description: "Tenaga ahli struktur (orang-bulan)", unit: "OB", quantity: "4", unitPrice: "13000000" }] },
  },
  {
    // Prequalification, two files: the qualification round is under way.
    agency: "DPUPR", unit: "DPUPR-CK", ppk: "ppk.dpupr", admin: "admin.dpupr", committee: "pokja", startedWorkingDaysAgo: 1,
    input: { ...base, qualification: "pra", rupCode: "51234006", name: "Pembangunan Gedung Mal Pelayanan Publik Kota Madiun", pagu: "12500000000", category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", contractType: "gabungan", kbliCodes: ["41012"], qualificationRequirements: "SBU BG004 kualifikasi menengah; pengalaman 1 pekerjaan gedung sejenis dalam 4 tahun terakhir.",
      hpsItems: [
        { description: "Pekerjaan struktur beton bertulang", unit: "ls", quantity: "1", unitPrice: "7400000000" },
        { description: "Pekerjaan arsitektur dan interior", unit: "ls", quantity: "1", unitPrice: "3150000000" },
        { description: "Pekerjaan mekanikal, elektrikal dan plumbing", unit: "ls", quantity: "1", unitPrice: "1450000000" },
      ] },
  },
  {
    agency: "DPUPR", unit: "DPUPR-SDA", ppk: "ppk.dpupr", admin: "admin.dpupr", committee: "pokja", startedWorkingDaysAgo: null,
    input: { ...base, rupCode: "51234004", name: "Normalisasi Saluran Drainase Kali Madiun Segmen 3", pagu: "1200000000", category: "pekerjaan_konstruksi", method: "tender", evaluationMethod: "gugur_harga_terendah", contractType: "harga_satuan",
      hpsItems: [{ description: "Galian tanah dan angkutan", unit: "m3", quantity: "4200", unitPrice: "95000" }, { description: "Pasangan batu kali", unit: "m3", quantity: "850", unitPrice: "780000" }] },
  },
  {
    agency: "DINDIK", unit: "DINDIK-SMP", ppk: "ppk.dindik", admin: "admin.dindik", committee: "pejabat_pengadaan", startedWorkingDaysAgo: null,
    input: { ...base, rupCode: "51234005", name: "Pengadaan Alat Tulis Kantor Bidang SMP", pagu: "45000000", category: "barang", method: "pengadaan_langsung", evaluationMethod: "gugur_harga_terendah", contractType: "lumsum",
      hpsItems: [{ description: "Kertas HVS A4 80 gram", unit: "rim", quantity: "300", unitPrice: "55000" }, { description: "Tinta printer", unit: "botol", quantity: "60", unitPrice: "95000" }] },
  },
];

/** Packages in several stages across Kota Madiun's agencies, taken through the real services. */
export async function seedDemoTenders(db: Kysely<DB>, now: Date, context: PublicationContext): Promise<void> {
  const settings = await getSettings(db);
  const holidays = new Set((await db.selectFrom("holidays").select("date").execute()).map((h) => h.date));
  const pokja = [await actor(db, "pokja1"), await actor(db, "pokja2"), await actor(db, "pokja3")];
  const official = await actor(db, "pp.dindik");
  for (const demo of DEMO_TENDERS) {
    const today = localDate(now, settings.timeZone);
    const startDay = demo.startedWorkingDaysAgo === null ? today : addWorkingDays(today, -demo.startedWorkingDaysAgo, settings, holidays);
    const start = startOfLocalDate(startDay, settings.timeZone);
    const preparedAt = new Date(start.getTime() - 86_400_000);
    const { row } = await createPackage(db, await actor(db, demo.ppk), { ...demo.input, workUnitId: await workUnit(db, demo.agency, demo.unit) }, preparedAt);
    const assigner = await actor(db, demo.admin);
    const members = demo.committee === "pokja" ? pokja : [official];
    await assignCommittee(db, assigner, row.id, { kind: demo.committee, memberIds: members.map((m) => m.id), decreeNumber: `027/${row.rup_code.slice(-3)}/401.112/2026` }, preparedAt);
    if (demo.startedWorkingDaysAgo === null) continue;
    const windows = proposeSchedule(start, settings, holidays, flowOf(demo.input.qualification));
    const stages = windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() }));
    const lead = members[0] as Actor;
    await setSchedule(db, lead, row.id, { stages }, preparedAt, context);
    const code = await publishTender(db, lead, row.id, preparedAt, context);
    await seedActivity(db, code, windows, now, context);
  }
}

/** Two demo vendors join; where the clarification stage has begun, one asks and the Pokja answers. */
async function seedActivity(db: Kysely<DB>, tenderCode: string, windows: ReturnType<typeof proposeSchedule>, now: Date, context: PublicationContext): Promise<void> {
  const first = windows[0];
  if (!first || first.startsAt > now) return;
  const joinAt = new Date(first.startsAt.getTime() + 3_600_000);
  for (const vendor of ["vendor1", "vendor2"]) await joinTender(db, await actor(db, vendor), tenderCode, joinAt);
  const clarification = windows.find((w) => w.stage === "penjelasan");
  if (!clarification || clarification.startsAt > now) return;
  const askedAt = new Date(clarification.startsAt.getTime() + 30 * 60_000);
  const questionId = await askQuestion(db, await actor(db, "vendor1"), tenderCode, "Apakah spesifikasi mengizinkan produk dalam negeri yang setara dengan merek pada dokumen?", askedAt);
  await answerQuestion(db, await actor(db, "pokja1"), tenderCode, questionId, "Ya. Produk dalam negeri yang setara diutamakan sesuai ketentuan TKDN; cantumkan spesifikasinya pada penawaran.", new Date(askedAt.getTime() + 30 * 60_000), context);
}
