import { TIME_ZONES, type TimeZoneCode } from "../settings/settings.schemas.js";
import type { CycleView } from "./standards.schemas.js";

const STATUS_ID = { met: "Terpenuhi", partially_met: "Terpenuhi sebagian", not_met: "Tidak terpenuhi", not_applicable: "Tidak berlaku" } as const;
const PRIORITY_ID = { high: "Tinggi", medium: "Sedang", low: "Rendah" } as const;
const FINDING_ID = { open: "Terbuka", done: "Selesai, menunggu verifikasi", verified: "Terverifikasi" } as const;

/** The report's own styles: it is served on its own and printed, so it cannot use the web app's. */
const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; } h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; } th, td { border: 1px solid #999; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; } .result { font-size: 14pt; font-weight: bold; border: 2px solid #111; padding: 3mm; margin: 4mm 0; }
.muted { color: #555; } tr { break-inside: avoid; } .signature { margin-top: 12mm; }
@page { size: A4; margin: 15mm; }
`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);
}

/** The print-ready report of a cycle, in Indonesian, with dates in the LPSE's time zone. */
export function renderReport(cycle: CycleView, lpse: { name: string; region: string; timeZone: TimeZoneCode }): string {
  const zone = TIME_ZONES[lpse.timeZone];
  const date = (iso: string) => new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: zone }).format(new Date(iso));
  const calendarDate = (day: string) => new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const rows = cycle.standards
    .map((s) => {
      const lkpp = s.lkpp ? `${s.lkpp.result === "met" ? "Terpenuhi" : "Tidak terpenuhi"} (${escape(s.lkpp.letterNumber)}, ${calendarDate(s.lkpp.letterDate)})` : "—";
      return `<tr><td>${s.number}</td><td>${escape(s.name.id)}</td><td>${s.met ? "Terpenuhi" : "Belum terpenuhi"}</td><td>${escape(s.coordinator?.name ?? "—")}</td><td>${lkpp}</td></tr>`;
    })
    .join("\n");
  const details = cycle.standards
    .map((s) => {
      const criteria = s.criteria
        .map((k) => {
          const a = k.assessment;
          const status = a ? STATUS_ID[a.status] + (a.reason ? ` — ${escape(a.reason)}` : "") : "Belum dinilai";
          const evidence = k.evidence.map((e) => escape(e.title)).join("; ") || "—";
          return `<tr><td>${k.code}</td><td>${escape(k.text.id)}</td><td>${status}</td><td>${escape(a?.notes ?? "")}</td><td>${evidence}</td></tr>`;
        })
        .join("\n");
      return `<h3>Standar ${s.number}. ${escape(s.name.id)}</h3><table><thead><tr><th>Kode</th><th>Kriteria</th><th>Status</th><th>Catatan</th><th>Bukti</th></tr></thead><tbody>${criteria}</tbody></table>`;
    })
    .join("\n");
  const findings =
    cycle.findings.length === 0
      ? "<p>Tidak ada temuan.</p>"
      : `<table><thead><tr><th>No.</th><th>Standar</th><th>Temuan</th><th>Tindakan korektif</th><th>Prioritas</th><th>Pemilik</th><th>Target</th><th>Status</th></tr></thead><tbody>${cycle.findings
          .map((f) => `<tr><td>${f.number}</td><td>${f.standardCode}</td><td>${escape(f.description)}</td><td>${escape(f.action)}</td><td>${PRIORITY_ID[f.priority]}</td><td>${escape(f.owner.name)}</td><td>${calendarDate(f.dueDate)}</td><td>${FINDING_ID[f.status]}${f.verifiedBy ? ` oleh ${escape(f.verifiedBy.name)}` : ""}</td></tr>`)
          .join("\n")}</tbody></table>`;
  const signature = cycle.signedOffBy && cycle.signedOffAt
    ? `<p>Ditandatangani oleh Kepala LPSE, <strong>${escape(cycle.signedOffBy.name)}</strong>, pada ${date(cycle.signedOffAt)}.${cycle.signOffNote ? ` Catatan: ${escape(cycle.signOffNote)}` : ""}</p>`
    : `<p>Penilaian belum ditandatangani Kepala LPSE (draf).</p>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Laporan Penilaian Internal Standar LPSE ${escape(cycle.period)}</title><style>${STYLE}</style></head>
<body>
<h1>Laporan Penilaian Internal 17 Standar LPSE</h1>
<p>${escape(lpse.name)} — ${escape(lpse.region)}<br>Periode ${escape(cycle.period)} · Katalog versi ${cycle.catalogVersion} (${escape(cycle.catalogTitle.id)}) · Dibuka ${date(cycle.openedAt)}</p>
<p class="result">Hasil: ${cycle.metCount} dari ${cycle.standardCount} standar terpenuhi</p>
<p>Tim penilai internal: ${cycle.team.map((m) => escape(m.name)).join(", ") || "—"}</p>
<h2>Ringkasan per standar</h2>
<table><thead><tr><th>No.</th><th>Standar</th><th>Penilaian internal</th><th>Koordinator</th><th>Verifikasi LKPP</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Temuan dan tindakan korektif</h2>
${findings}
<h2>Rincian kriteria</h2>
${details}
<div class="signature">${signature}</div>
<p class="muted">Sebuah standar terpenuhi bila semua kriterianya yang berlaku terpenuhi. Setiap perubahan tercatat dalam log kejadian OpenLPSE.</p>
</body></html>`;
}
