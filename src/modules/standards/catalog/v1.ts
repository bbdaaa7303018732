import type { Catalog, Criterion, EvidenceKind, Standard } from "./types.js";

/** Shorthand: criterion `n` of standard `number`, with its texts and expected evidence. */
const c = (number: number, n: number, id: string, en: string, evidence: EvidenceKind[]): Criterion => ({ code: `S${String(number).padStart(2, "0")}.${n}`, text: { id, en }, evidence });

const s = (number: number, id: string, en: string, criteria: Criterion[]): Standard => ({ number, code: `S${String(number).padStart(2, "0")}`, name: { id, en }, criteria });

/**
 * Version 1: the 17 standards of LKPP's Dokumen Standar LPSE (2014), the list LPSEs were assessed on from
 * 2016. The criteria are our own summary of what each standard asks, not LKPP's wording.
 */
export const CATALOG_V1: Catalog = {
  version: 1,
  title: { id: "17 Standar LPSE (Dokumen Standar LPSE 2014)", en: "The 17 LPSE standards (Dokumen Standar LPSE 2014)" },
  basis: "Dokumen Standar LPSE, LKPP 2014",
  standards: [
    s(1, "Kebijakan Layanan", "Service policy", [
      c(1, 1, "Kebijakan umum, kebijakan layanan dan kebijakan keamanan informasi ditetapkan dan ditandatangani Kepala LPSE.", "General, service and information-security policies are adopted and signed by the head of the LPSE.", ["document"]),
      c(1, 2, "Kebijakan keamanan informasi mengatur kata sandi yang kuat, cadangan konfigurasi penting dan perlindungan media cadangan.", "The information-security policy covers strong passwords, backups of critical configuration and protection of backup media.", ["document"]),
      c(1, 3, "Daftar peraturan yang berlaku dipelihara beserta masa berlakunya.", "A register of applicable regulations is kept with their validity.", ["register"]),
    ]),
    s(2, "Pengorganisasian Layanan", "Service organisation", [
      c(2, 1, "Struktur organisasi dan SK pembentukan LPSE tersedia dan berlaku.", "The organisation chart and the LPSE's founding decree (SK) exist and are in force.", ["document"]),
      c(2, 2, "Uraian tugas setiap jabatan, termasuk koordinator keamanan informasi, helpdesk dan hubungan pengguna.", "Duties are described for each position, including the information-security, helpdesk and user-relations coordinators.", ["document"]),
      c(2, 3, "Koordinator ditetapkan untuk setiap standar (SK Koordinator).", "A coordinator is appointed for every standard (SK Koordinator).", ["document", "platform"]),
    ]),
    s(3, "Pengelolaan Aset Layanan", "Service asset management", [
      c(3, 1, "Register aset untuk enam kelas: informasi, SDM, fisik, perangkat lunak, layanan dan aset tak berwujud.", "An asset register covers the six classes: information, people, physical, software, services and intangible.", ["register"]),
      c(3, 2, "Setiap aset memiliki pemilik, masa berlaku dan nilai kerahasiaan, integritas, ketersediaan (1–3) dengan nilai aset dihitung.", "Every asset has an owner, a validity and confidentiality, integrity and availability ratings (1–3) with its computed value.", ["register"]),
      c(3, 3, "Lisensi dan kontrak layanan yang akan berakhir dipantau.", "Licences and service contracts nearing expiry are monitored.", ["record", "platform"]),
    ]),
    s(4, "Pengelolaan Risiko Layanan", "Service risk management", [
      c(4, 1, "Register risiko per kelas aset dengan skor dampak × ancaman × kerawanan × keterpaparan.", "A risk register per asset class scored impact × threat × vulnerability × exposure.", ["register"]),
      c(4, 2, "Risiko di atas ambang diterima memiliki rencana mitigasi, pemilik dan tanggal target.", "Risks above the acceptance threshold have a mitigation plan, an owner and a target date.", ["register", "record"]),
      c(4, 3, "Penilaian risiko ditinjau secara berkala.", "The risk assessment is reviewed periodically.", ["record"]),
    ]),
    s(5, "Pengelolaan Layanan Helpdesk", "Helpdesk management", [
      c(5, 1, "Setiap permintaan dan gangguan dicatat sebagai tiket dengan saluran, jenis, kelompok pengguna dan prioritas.", "Every request and incident is logged as a ticket with channel, type, user group and priority.", ["register", "platform"]),
      c(5, 2, "Tiket ditangani, dieskalasi bila perlu, dan pengguna diberi tahu hasilnya.", "Tickets are handled, escalated where needed, and the user is told the outcome.", ["record", "platform"]),
      c(5, 3, "Tanya jawab (FAQ) untuk pengguna tersedia dan dipelihara.", "A FAQ for users is published and kept up to date.", ["document", "platform"]),
    ]),
    s(6, "Pengelolaan Perubahan", "Change management", [
      c(6, 1, "Permintaan perubahan dicatat dengan pemohon, tujuan dan tanggal yang diinginkan.", "Change requests are recorded with requester, purpose and wanted date.", ["register"]),
      c(6, 2, "Perubahan dievaluasi (dampak, sumber daya, rencana uji dan rencana kembali) lalu disetujui atau ditolak dengan alasan.", "Changes are evaluated (impact, resources, test and rollback plans), then approved or rejected with a reason.", ["record"]),
      c(6, 3, "Pelaksanaan perubahan, termasuk pemutakhiran platform, dicatat.", "The implementation of changes, including platform upgrades, is recorded.", ["record", "platform"]),
    ]),
    s(7, "Pengelolaan Kapasitas", "Capacity management", [
      c(7, 1, "Butir kapasitas (server, jaringan, personel) memiliki ambang batas dan pemakaian terukur.", "Capacity items (server, network, personnel) have thresholds and measured use.", ["register", "platform"]),
      c(7, 2, "Laporan kapasitas berkala memuat tren, perkiraan dan pilihan peningkatan.", "A periodic capacity report shows trends, forecasts and upgrade options.", ["document"]),
    ]),
    s(8, "Pengelolaan Sumber Daya Manusia", "Human resources management", [
      c(8, 1, "Matriks kompetensi memuat tingkat yang dibutuhkan dan tingkat saat ini untuk setiap personel.", "A competence matrix shows required and current levels for every staff member.", ["register"]),
      c(8, 2, "Kebutuhan dan riwayat pelatihan dicatat.", "Training needs and training history are recorded.", ["record"]),
      c(8, 3, "Kontrak dan perjanjian kerahasiaan personel tersedia.", "Staff contracts and non-disclosure agreements are on file.", ["document"]),
    ]),
    s(9, "Pengelolaan Keamanan Perangkat", "Physical security management", [
      c(9, 1, "Akses ke ruang server memakai formulir permohonan yang disetujui Kepala LPSE.", "Access to the server room uses a request form approved by the head of the LPSE.", ["document", "record"]),
      c(9, 2, "Kunjungan ruang server dicatat: tanda pengenal, pendamping, perangkat keluar-masuk dengan nomor seri dan waktu.", "Server-room visits are logged: badge, escort, devices in and out with serial numbers and times.", ["register"]),
    ]),
    s(10, "Pengelolaan Keamanan Operasional Layanan", "Operational security management", [
      c(10, 1, "Hak akses server diberikan atas permohonan tertulis dengan tujuan, akun, peran serta waktu buka dan tutup.", "Server access is granted on a written request with purpose, account, role and opening and closing times.", ["register"]),
      c(10, 2, "Hak akses ditinjau secara berkala dan dicabut bila tidak diperlukan.", "Access grants are reviewed periodically and revoked when no longer needed.", ["record"]),
      c(10, 3, "Informasi penting dicadangkan dan pemulihannya diuji.", "Critical information is backed up and its restore is tested.", ["record", "platform"]),
    ]),
    s(11, "Pengelolaan Keamanan Server dan Jaringan", "Server and network security management", [
      c(11, 1, "Server, perangkat jaringan, UPS, server surel dan media cadangan terlindungi.", "Servers, network devices, UPS, mail server and backup media are protected.", ["document", "record"]),
      c(11, 2, "Pembaruan keamanan (patch) dipasang dan pemindaian kerentanan dilakukan serta dicatat.", "Security patches are applied and vulnerability scans are run and recorded.", ["register"]),
      c(11, 3, "Ketersediaan layanan dan log keamanan dipantau.", "Service availability and security logs are monitored.", ["record", "platform"]),
    ]),
    s(12, "Pengelolaan Kelangsungan Layanan", "Service continuity management", [
      c(12, 1, "Prosedur keadaan darurat (deklarasi, pemulihan, penilaian kerusakan) dan rencana kelangsungan layanan ditetapkan.", "The emergency procedure (declaration, recovery, damage assessment) and the continuity plan are adopted.", ["document"]),
      c(12, 2, "Situs pemulihan bencana dan pohon kontak darurat tersedia.", "A disaster-recovery site and an emergency contact tree exist.", ["document"]),
      c(12, 3, "Latihan pemulihan dilakukan dan waktunya dicatat.", "Recovery drills are held and their timings recorded.", ["record", "platform"]),
    ]),
    s(13, "Pengelolaan Anggaran Layanan", "Service budget management", [
      c(13, 1, "Anggaran disusun per komponen biaya operasional dan modal.", "The budget is prepared by operating and capital cost component.", ["document"]),
      c(13, 2, "Realisasi anggaran dipantau.", "Budget realisation is monitored.", ["record"]),
    ]),
    s(14, "Pengelolaan Pendukung Layanan", "Supporting service management", [
      c(14, 1, "Register pemasok dengan kontrak dan tingkat layanan (SLA), misalnya target ketersediaan penyedia internet.", "A supplier register with contracts and service levels (SLA), for example the internet provider's uptime target.", ["register"]),
      c(14, 2, "Kinerja pemasok dievaluasi terhadap SLA.", "Suppliers' performance is evaluated against the SLA.", ["record"]),
    ]),
    s(15, "Pengelolaan Hubungan dengan Pengguna Layanan", "User relationship management", [
      c(15, 1, "Permintaan perbaikan dari pengguna dicatat dan ditindaklanjuti.", "Improvement requests from users are recorded and followed up.", ["register"]),
      c(15, 2, "Survei kepuasan dikirim kepada pengguna terdaftar, direkapitulasi dan dilaporkan.", "A satisfaction survey is sent to registered users, summarised and reported.", ["record", "platform"]),
    ]),
    s(16, "Pengelolaan Kepatuhan", "Compliance management", [
      c(16, 1, "Daftar induk kebijakan dan prosedur dipelihara.", "A master list of policies and procedures is kept.", ["register"]),
      c(16, 2, "Register perangkat lunak dan lisensi dicocokkan dengan yang terpasang.", "The software and licence register is reconciled with what is installed.", ["register"]),
      c(16, 3, "Kepatuhan diperiksa (antara lain dengan wawancara) dan hasilnya dicatat.", "Compliance is checked (among others by interviews) and the result recorded.", ["record"]),
    ]),
    s(17, "Penilaian Internal", "Internal assessment", [
      c(17, 1, "Tim penilai internal ditetapkan dan SOP penilaian internal tersedia.", "An internal assessment team is appointed and an internal assessment SOP exists.", ["document", "platform"]),
      c(17, 2, "Penilaian mandiri dilakukan untuk setiap standar dengan bukti.", "A self-assessment is done for every standard, with evidence.", ["platform"]),
      c(17, 3, "Temuan memiliki permintaan tindakan korektif dengan prioritas, pemilik, target dan status sampai diverifikasi.", "Findings carry corrective-action requests with priority, owner, due date and status until verified.", ["platform"]),
    ]),
  ],
};
