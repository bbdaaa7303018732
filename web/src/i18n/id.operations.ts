/** Indonesian texts of operations: restore drills (evidence for LPSE standard 12, continuity). */
export const idOperations = {
  drills: {
    title: "Uji Pemulihan Cadangan",
    intro:
      "Setiap uji memulihkan cadangan terbaru ke tempat sementara, memeriksanya seperti `openlpse verify`, dan mencatat hasilnya di sini dan di log kejadian. Bukti untuk standar LPSE 12 (keberlangsungan layanan). Uji dijalankan dengan `openlpse drill` di server.",
    empty: "Belum ada uji pemulihan. Jalankan `openlpse drill` di server.",
    startedAt: "Waktu uji",
    backup: "Cadangan",
    backupAge: "Umur cadangan",
    restore: "Pemulihan",
    verify: "Verifikasi",
    result: "Hasil",
    logSize: "Kejadian di log",
    ok: "Berhasil",
    failed: "Gagal",
    hours: "{{value}} jam",
    seconds: "{{value}} detik",
    unknown: "tidak diketahui",
    logIndex: "Kejadian #{{index}}",
  },
};
