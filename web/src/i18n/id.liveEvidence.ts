/** Indonesian texts of live evidence: what the platform proves itself for the standards assessment. */
export const idLiveEvidence = {
  liveEvidence: {
    title: "Bukti langsung dari platform",
    intro: "Dihitung dari data platform sendiri. Bukti yang dilampirkan kedaluwarsa setelah jendela kesegarannya; kriteria lalu perlu ditinjau.",
    passes: "Memenuhi",
    fails: "Tidak memenuhi",
    threshold: "Ambang: {{threshold}}",
    updated: "diperbarui {{ago}}",
    window: "segar selama {{days}} hari",
    attach: "Lampirkan sebagai bukti",
    attached: "Bukti langsung {{code}} dilampirkan.",
    snapshots: "Bukti langsung terlampir",
    snapshot: "{{value}} · data {{ago}} · dilampirkan {{name}}",
    stale: "Kedaluwarsa",
    needsReview: "Perlu ditinjau",
  },
};
