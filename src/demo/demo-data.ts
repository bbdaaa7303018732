import type { Holiday } from "../modules/settings/settings.schemas.js";
import type { Role } from "../modules/users/roles.js";

/**
 * The demo LPSEs. One installation is one LPSE, so the demo is started as either: Kota Madiun, Jawa Timur
 * (WIB), which meets all 17 LPSE standards and shows every register and procurement; or Kabupaten Ngawi,
 * which meets 11 and learns from Madiun (the standards side: its cycles, open findings and Madiun as a peer).
 */
export const DEMO_PROFILES = {
  madiun: { lpse: { name: "LPSE Kota Madiun", region: "Kota Madiun, Jawa Timur", timeZone: "WIB" as const }, domain: "lpse-madiun.demo", hospital: "RSUD Kota Madiun" },
  ngawi: { lpse: { name: "LPSE Kabupaten Ngawi", region: "Kabupaten Ngawi, Jawa Timur", timeZone: "WIB" as const }, domain: "lpse-ngawi.demo", hospital: "RSUD dr. Soeroto Ngawi" },
};
export type DemoProfile = keyof typeof DEMO_PROFILES;
export const DEMO_PROFILE_NAMES = Object.keys(DEMO_PROFILES) as DemoProfile[];

/** One password for every demo account; it satisfies the password policy. Demo data only. */
export const DEMO_PASSWORD = "Madiun#Demo2026";

export const DEMO_AGENCIES = [
  { code: "SETDA-PBJ", name: "Sekretariat Daerah — Bagian Pengadaan Barang/Jasa (UKPBJ)", kind: "sekretariat", units: [["PBJ-01", "Subbagian Pengelolaan Pengadaan"], ["PBJ-02", "Subbagian Layanan Pengadaan Secara Elektronik"]] },
  { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: "dinas", units: [["DPUPR-BM", "Bidang Bina Marga"], ["DPUPR-SDA", "Bidang Sumber Daya Air"], ["DPUPR-CK", "Bidang Cipta Karya"]] },
  { code: "DINDIK", name: "Dinas Pendidikan", kind: "dinas", units: [["DINDIK-SD", "Bidang Pembinaan Sekolah Dasar"], ["DINDIK-SMP", "Bidang Pembinaan Sekolah Menengah Pertama"]] },
  { code: "DINKES", name: "Dinas Kesehatan dan Keluarga Berencana", kind: "dinas", units: [["DINKES-YANKES", "Bidang Pelayanan Kesehatan"], ["DINKES-P2P", "Bidang Pencegahan dan Pengendalian Penyakit"]] },
  { code: "DISHUB", name: "Dinas Perhubungan", kind: "dinas", units: [["DISHUB-LLAJ", "Bidang Lalu Lintas Angkutan Jalan"]] },
  { code: "RSUD", name: "RSUD", kind: "rsud", units: [["RSUD-PENUNJANG", "Bidang Penunjang Medik"]] },
  { code: "INSPEKTORAT", name: "Inspektorat Daerah", kind: "lainnya", units: [["INSP-01", "Sekretariat Inspektorat"]] },
] as const;

/** The agencies of a demo LPSE: the same set, with its own hospital. */
export function demoAgencies(profile: DemoProfile) {
  return DEMO_AGENCIES.map((a) => (a.code === "RSUD" ? { ...a, name: DEMO_PROFILES[profile].hospital } : a));
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  agencyCode?: string;
  vendorIndex?: number;
}

/** The demo accounts of a demo LPSE, at its own mail domain. */
export function demoUsers(profile: DemoProfile): DemoUser[] {
  const domain = DEMO_PROFILES[profile].domain;
  return DEMO_ACCOUNTS.map((u) => ({ ...u, email: `${u.email}@${domain}` }));
}

const DEMO_ACCOUNTS: DemoUser[] = [
  { email: "kepala", name: "Drs. Suryo Wibowo", role: "kepala_lpse" },
  { email: "admin", name: "Rina Wulandari", role: "admin_ppe" },
  { email: "admin.dpupr", name: "Agus Setiawan", role: "admin_agency", agencyCode: "DPUPR" },
  { email: "admin.pbj", name: "Sri Handayani", role: "admin_agency", agencyCode: "SETDA-PBJ" },
  { email: "admin.dinkes", name: "Yuli Astuti", role: "admin_agency", agencyCode: "DINKES" },
  { email: "admin.dindik", name: "Teguh Santoso", role: "admin_agency", agencyCode: "DINDIK" },
  { email: "verifikator", name: "Dewi Lestari", role: "verifikator" },
  { email: "helpdesk", name: "Bayu Pratama", role: "helpdesk" },
  { email: "kpa.dpupr", name: "Ir. Heru Susanto", role: "pa_kpa", agencyCode: "DPUPR" },
  { email: "ppk.dpupr", name: "Yudi Hartono", role: "ppk", agencyCode: "DPUPR" },
  { email: "ppk.dindik", name: "Siti Aminah", role: "ppk", agencyCode: "DINDIK" },
  { email: "ppk.dinkes", name: "dr. Ratna Sari", role: "ppk", agencyCode: "DINKES" },
  { email: "pokja1", name: "Eko Prasetyo", role: "pokja", agencyCode: "SETDA-PBJ" },
  { email: "pokja2", name: "Nur Hidayati", role: "pokja", agencyCode: "SETDA-PBJ" },
  { email: "pokja3", name: "Bambang Sutrisno", role: "pokja", agencyCode: "SETDA-PBJ" },
  { email: "pp.dindik", name: "Fitri Rahmawati", role: "pejabat_pengadaan", agencyCode: "DINDIK" },
  { email: "auditor", name: "Hendra Gunawan", role: "auditor" },
  { email: "vendor1", name: "Slamet Riyadi", role: "vendor", vendorIndex: 0 },
  { email: "vendor2", name: "Wahyu Nugroho", role: "vendor", vendorIndex: 1 },
  { email: "vendor3", name: "Lilik Suryani", role: "vendor", vendorIndex: 2 },
];

/** Verified demo vendors. NPWP numbers are made up and only shaped like real ones. */
export const DEMO_VENDORS = [
  { name: "CV Karya Manunggal", businessForm: "CV", npwp: "012345678123000", nib: "9120001234561", street: "Jl. Pahlawan No. 12", city: "Kota Madiun", postalCode: "63121", kbli: ["41011", "42101"] },
  { name: "PT Madiun Jaya Konstruksi", businessForm: "PT", npwp: "023456789456000", nib: "9120001234562", street: "Jl. Soekarno-Hatta No. 88", city: "Kota Madiun", postalCode: "63133", kbli: ["41012", "42102", "43211"] },
  { name: "CV Sumber Rejeki Teknik", businessForm: "CV", npwp: "034567890789000", nib: "9120001234563", street: "Jl. Cokroaminoto No. 5", city: "Kota Madiun", postalCode: "63122", kbli: ["46591", "47411"] },
] as const;

/**
 * 2026 national holidays and cuti bersama as listed in the joint ministerial decree (SKB 3 Menteri).
 * Demo data: the LPSE administrator keeps the real calendar under Pengaturan.
 */
export const DEMO_HOLIDAYS_2026: Holiday[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "national" },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national" },
  { date: "2026-02-16", name: "Cuti Bersama Tahun Baru Imlek", kind: "cuti_bersama" },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "national" },
  { date: "2026-03-18", name: "Cuti Bersama Hari Suci Nyepi", kind: "cuti_bersama" },
  { date: "2026-03-19", name: "Hari Suci Nyepi Tahun Baru Saka 1948", kind: "national" },
  { date: "2026-03-20", name: "Cuti Bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-21", name: "Idulfitri 1447 H", kind: "national" },
  { date: "2026-03-22", name: "Idulfitri 1447 H", kind: "national" },
  { date: "2026-03-23", name: "Cuti Bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-03-24", name: "Cuti Bersama Idulfitri 1447 H", kind: "cuti_bersama" },
  { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "national" },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "national" },
  { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "national" },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "national" },
  { date: "2026-05-15", name: "Cuti Bersama Kenaikan Yesus Kristus", kind: "cuti_bersama" },
  { date: "2026-05-27", name: "Iduladha 1447 H", kind: "national" },
  { date: "2026-05-28", name: "Cuti Bersama Iduladha 1447 H", kind: "cuti_bersama" },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "national" },
  { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "national" },
  { date: "2026-06-16", name: "Tahun Baru Islam 1448 H", kind: "national" },
  { date: "2026-08-17", name: "Hari Kemerdekaan Republik Indonesia", kind: "national" },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "national" },
  { date: "2026-12-24", name: "Cuti Bersama Hari Raya Natal", kind: "cuti_bersama" },
  { date: "2026-12-25", name: "Hari Raya Natal", kind: "national" },
  { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "national" },
];
