import type { Bilingual } from "./catalog/types.js";

/**
 * The registers this platform keeps, by the criteria they give evidence for. The assessor sees them on the
 * criterion and attaches one as a link (the page, read live by whoever follows it) rather than exporting a
 * copy that would go stale. Paths are web app routes; platform-registers.test.ts checks each exists.
 */
export interface PlatformRegister {
  criteria: readonly string[];
  title: Bilingual;
  path: string;
}

const r = (criteria: readonly string[], id: string, en: string, path: string): PlatformRegister => ({ criteria, title: { id, en }, path });

export const PLATFORM_REGISTERS: readonly PlatformRegister[] = [
  r(["S01.3", "S16.1"], "Register peraturan", "Regulation register", "/app/peraturan"),
  r(["S03.1", "S03.2", "S03.3"], "Register aset", "Asset register", "/app/register/aset"),
  r(["S03.3", "S16.2"], "Register lisensi perangkat lunak", "Software licence register", "/app/lisensi"),
  r(["S04.1", "S04.2", "S04.3"], "Register risiko dan peta panas", "Risk register and heat map", "/app/register/risiko"),
  r(["S05.1", "S05.2"], "Tiket helpdesk", "Helpdesk tickets", "/app/helpdesk"),
  r(["S05.2"], "Laporan bulanan helpdesk", "Helpdesk monthly report", "/app/helpdesk/laporan"),
  r(["S05.3"], "Basis pengetahuan (FAQ)", "Knowledge base (FAQ)", "/app/helpdesk/faq"),
  r(["S06.1", "S06.2", "S06.3"], "Register perubahan", "Change register", "/app/register/perubahan"),
  r(["S07.1", "S07.2"], "Kapasitas layanan", "Service capacity", "/app/kapasitas"),
  r(["S08.1", "S08.3"], "Pegawai, matriks kompetensi dan sertifikat", "Staff, competence matrix and certificates", "/app/kompetensi"),
  r(["S08.2"], "Kebutuhan dan riwayat pelatihan", "Training needs and history", "/app/pelatihan"),
  r(["S09.1", "S09.2"], "Izin dan buku tamu ruang server", "Server-room permits and visit log", "/app/ruang-server"),
  r(["S10.1", "S10.2"], "Hak akses server dan kaji ulang", "Server access grants and reviews", "/app/akses-server"),
  r(["S10.3", "S12.3"], "Uji pemulihan cadangan", "Restore drills", "/app/uji-pemulihan"),
  r(["S11.2"], "Patch dan pemindaian kerentanan", "Patches and vulnerability scans", "/app/patch-kerentanan"),
  r(["S11.3"], "Log kejadian (tamper-evident)", "Event log (tamper-evident)", "/app/log"),
  r(["S13.1", "S13.2"], "Anggaran layanan per komponen biaya dan realisasinya", "Service budget by cost component and its realisation", "/app/anggaran"),
  r(["S14.1", "S14.2"], "Pemasok, kontrak, target SLA dan evaluasi", "Suppliers, contracts, SLA targets and reviews", "/app/pemasok"),
  r(["S15.1"], "Usulan perbaikan dari pengguna", "Improvement requests from users", "/app/usulan"),
  r(["S15.2"], "Survei kepuasan pengguna dan IKM", "User satisfaction surveys and IKM", "/app/survei"),
];

/** The registers that give evidence for the criterion. */
export function registersFor(criterionCode: string): PlatformRegister[] {
  return PLATFORM_REGISTERS.filter((x) => x.criteria.includes(criterionCode));
}
