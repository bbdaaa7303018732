import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import type { Actor } from "../server/actor.js";
import { addDays } from "../modules/operations-registers/operations-registers.presenter.js";
import * as room from "../modules/server-room/server-room.service.js";
import * as staff from "../modules/staff/staff.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock">;

const HOUR_MS = 3_600_000;

async function demoActor(deps: Deps, email: string): Promise<Actor> {
  const row = await unsafeFindUserByEmail(deps.database.db, email);
  const user = row ? await findUserById(deps.database.db, row.id) : undefined;
  if (!user) throw new Error(`the demo staff and server-room registers need the demo account ${email}`);
  return actorOf(user, "demo");
}

/**
 * Standard 8 and 9 registers of the demo LPSE (Kota Madiun): four staff with a competence matrix where the
 * helpdesk coordinator still lacks information security, a training that closed the administrator's gap,
 * certificates (one expiring), and a server-room permit approved by the Kepala LPSE with a closed and an
 * open visit, plus a pending permit for tomorrow.
 */
export async function seedDemoStaffAndServerRoom(deps: Deps, emails: { admin: string; head: string }): Promise<void> {
  const admin = await demoActor(deps, emails.admin);
  const head = await demoActor(deps, emails.head);
  const { today } = await staff.staffContext(deps.database.db, deps.clock.now());
  const day = (offset: number) => addDays(today, offset);

  const member = (name: string, nip: string | null, position: string, serviceRole: string, contractEndsOn: string | null) =>
    staff.recordStaff(deps, admin, { name, nip, position, serviceRole, ndaSignedOn: day(-300), contractEndsOn });
  const rina = await member(admin.name, "198703122010012003", "Pranata Komputer Ahli Muda", "Administrator sistem", null);
  const bambang = await member("Bambang Hermawan", null, "Tenaga kontrak TI", "Koordinator helpdesk", day(35));
  const sri = await member("Sri Lestari, S.E.", "198511052009022001", "Pengelola Pengadaan Barang/Jasa", "Verifikator penyedia", null);
  const yoga = await member("Yoga Pratama", null, "Tenaga kontrak jaringan", "Operator jaringan dan ruang server", day(200));

  const levels: [string, "server_administration" | "network_administration" | "information_security" | "helpdesk_service" | "procurement" | "service_management", number, number][] = [
    [rina, "server_administration", 3, 3],
    [rina, "information_security", 3, 2],
    [bambang, "helpdesk_service", 3, 3],
    [bambang, "information_security", 2, 1],
    [sri, "procurement", 3, 3],
    [sri, "helpdesk_service", 2, 2],
    [yoga, "network_administration", 3, 2],
    [yoga, "server_administration", 2, 2],
  ];
  for (const [id, competence, requiredLevel, currentLevel] of levels) await staff.setCompetence(deps, admin, id, { competence, requiredLevel, currentLevel });

  await staff.recordCertificate(deps, admin, { staffId: sri, name: "Sertifikat Kompetensi PBJ Tingkat Dasar", issuer: "LKPP", number: "PBJ-D/2023/041877", validUntil: day(20) });
  await staff.recordCertificate(deps, admin, { staffId: rina, name: "Certified Information Systems Security Practitioner", issuer: "BSSN", number: "BSSN-KI-2025-0192", validUntil: day(700) });
  await staff.recordCertificate(deps, admin, { staffId: yoga, name: "MikroTik Certified Network Associate", issuer: "MikroTik", number: "2208NA4412", validUntil: day(-15) });

  const training = await staff.recordTraining(deps, admin, {
    title: "Bimtek Keamanan Informasi Layanan Pengadaan Elektronik", provider: "BSSN dan Diskominfo Provinsi Jawa Timur", competence: "information_security", levelAwarded: 3,
    startsOn: day(-40), endsOn: day(-38), hours: 24,
  });
  await staff.recordAttendance(deps, admin, training, { staffId: rina, passed: true, result: "Lulus, nilai 88" });
  const helpdeskTraining = await staff.recordTraining(deps, admin, {
    title: "Pelatihan Layanan Helpdesk SPSE", provider: "LKPP", competence: "helpdesk_service", levelAwarded: 2, startsOn: day(-90), endsOn: day(-89), hours: 16,
  });
  await staff.recordAttendance(deps, admin, helpdeskTraining, { staffId: sri, passed: true, result: "Lulus" });

  const now = deps.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR_MS).toISOString();
  const permit = await room.requestPermit(deps, admin, {
    person: "Hendra Kusuma", organisation: "PT Telkom Indonesia (Witel Madiun)", purpose: "Penggantian modul SFP pada perangkat jaringan inti", validFrom: at(-6), validUntil: at(6),
  });
  await room.approvePermit(deps, head, permit, { note: "Didampingi operator jaringan" });
  const closed = await room.recordVisit(deps, admin, {
    permitId: permit, escort: "Yoga Pratama", badgeNumber: "TAMU-03", enteredAt: at(-5),
    devices: [{ description: "Modul SFP 10G pengganti", serialNumber: "FNS21430K7P", direction: "in" }, { description: "Laptop teknisi", serialNumber: "5CD1234XYZ", direction: "in" }],
  });
  await room.recordExit(deps, admin, closed, {
    exitedAt: at(-4),
    devices: [{ description: "Modul SFP 10G rusak", serialNumber: "FNS19870A2M", direction: "out" }, { description: "Laptop teknisi", serialNumber: "5CD1234XYZ", direction: "out" }],
  });
  await room.recordVisit(deps, admin, { permitId: permit, escort: "Yoga Pratama", badgeNumber: "TAMU-03", enteredAt: at(-1), devices: [] });
  await room.requestPermit(deps, admin, { person: "Ahmad Fauzi", organisation: "CV Sinar Teknik", purpose: "Pemeriksaan berkala UPS ruang server", validFrom: at(20), validUntil: at(26) });
}
