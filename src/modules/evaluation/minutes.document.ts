import { createHash } from "node:crypto";
import { TIME_ZONES, type TimeZoneCode } from "../settings/settings.schemas.js";
import { rupiahInWords } from "../packages/terbilang.js";
import { FINDING_STAGES } from "./evaluation.rules.js";

/*
 * The committee's minutes as a print-ready HTML document in Indonesian (A4): Berita Acara Evaluasi
 * Penawaran after the opening, Berita Acara Hasil Pemilihan once the winner is named. Pure functions: the
 * service gathers the facts, this file writes them. Every text that comes from a user is escaped.
 */

export const MINUTES_KINDS = ["evaluasi", "hasil_pemilihan"] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

const TITLES: Record<MinutesKind, string> = { evaluasi: "Berita Acara Evaluasi Penawaran", hasil_pemilihan: "Berita Acara Hasil Pemilihan" };
const CATEGORIES: Record<string, string> = { barang: "Pengadaan Barang", pekerjaan_konstruksi: "Pekerjaan Konstruksi", jasa_konsultansi: "Jasa Konsultansi", jasa_lainnya: "Jasa Lainnya" };
const METHODS: Record<string, string> = { tender: "Tender", tender_cepat: "Tender Cepat", seleksi: "Seleksi", pengadaan_langsung: "Pengadaan Langsung", penunjukan_langsung: "Penunjukan Langsung" };
const EVALUATION_METHODS: Record<string, string> = {
  gugur_harga_terendah: "Harga terendah sistem gugur",
  nilai: "Sistem nilai",
  umur_ekonomis: "Penilaian biaya selama umur ekonomis",
  kualitas_biaya: "Kualitas dan biaya",
  kualitas: "Kualitas",
  pagu_anggaran: "Pagu anggaran",
  biaya_terendah: "Biaya terendah",
};
const STAGE_LABELS: Record<string, string> = { administrasi: "Administrasi", teknis: "Teknis", kualifikasi: "Kualifikasi", harga: "Harga" };

export interface MinutesBidder {
  vendorName: string;
  opened: boolean;
  openingError: string | null;
  offer: string | null;
  corrected: string | null;
  price: { passed: boolean; aboveHps: boolean; needsClarification: boolean } | null;
  findings: Record<(typeof FINDING_STAGES)[number], { passed: boolean; reason: string } | null>;
  technicalScore: string | null;
  combinedScore: string | null;
  rank: number | null;
  winner: boolean;
}

export interface MinutesFacts {
  kind: MinutesKind;
  lpse: { name: string; region: string; timeZone: TimeZoneCode };
  agencyName: string;
  workUnitName: string;
  packageName: string;
  tenderCode: string;
  rupCode: string;
  fiscalYear: number;
  category: string;
  method: string;
  evaluationMethod: string;
  technicalWeight: number | null;
  hpsSen: bigint;
  paguSen: bigint;
  /** When the minutes are made: the issue time, or now for a draft. */
  date: Date;
  scored: boolean;
  combined: boolean;
  /** Tender Cepat: price only, no committee findings. */
  findingsRequired: boolean;
  bidders: MinutesBidder[];
  winner: { vendorName: string; corrected: string; determinedAt: Date; namedBy: "pokja" | "pa_kpa" } | null;
  committee: { decreeNumber: string | null; members: string[] };
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[c] ?? c);
}

/** Sen as Indonesian Rupiah: Rp18.000.000,00. */
export function formatRupiah(sen: bigint): string {
  const negative = sen < 0n;
  const abs = negative ? -sen : sen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}Rp${whole},${(abs % 100n).toString().padStart(2, "0")}`;
}

/** A decimal Rupiah string from the API ("18000000", "1250.50") in sen. */
function senOf(amount: string): bigint {
  const [whole = "0", cents = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt(cents.padEnd(2, "0") || "0");
}

/** A decimal Rupiah string from the API as Indonesian Rupiah. */
function rupiahText(amount: string | null): string {
  return amount === null ? "—" : formatRupiah(senOf(amount));
}

/** The figure and the amount in words, as the minutes state the amounts that decide: Rp1.000,00 (Seribu rupiah). */
const withWords = (sen: bigint) => `${formatRupiah(sen)} (${rupiahInWords(sen)})`;

const score = (value: string | null) => (value === null ? "—" : value.replace(".", ","));

/** "Rabu, 16 Desember 2026 pukul 09.30 WIB" on the LPSE's wall clock. */
export function formatIndonesianDate(instant: Date, zone: TimeZoneCode): string {
  const timeZone = TIME_ZONES[zone];
  const day = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).format(instant);
  const time = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(instant);
  return `${day} pukul ${time} ${zone}`;
}

const verdict = (passed: boolean | null | undefined) => (passed === true ? "Lulus" : passed === false ? "Gugur" : "—");

function factsTable(f: MinutesFacts): string {
  const rows: [string, string][] = [
    ["Kode tender", f.tenderCode],
    ["Kode RUP", f.rupCode],
    ["Nama paket", f.packageName],
    ["Instansi", f.agencyName],
    ["Satuan kerja", f.workUnitName],
    ["Tahun anggaran", String(f.fiscalYear)],
    ["Jenis pengadaan", CATEGORIES[f.category] ?? f.category],
    ["Metode pemilihan", METHODS[f.method] ?? f.method],
    ["Metode evaluasi", `${EVALUATION_METHODS[f.evaluationMethod] ?? f.evaluationMethod}${f.combined && f.technicalWeight !== null ? ` (bobot teknis ${f.technicalWeight}%, harga ${100 - f.technicalWeight}%)` : ""}`],
    ["Pagu anggaran", withWords(f.paguSen)],
    ["Nilai HPS", withWords(f.hpsSen)],
  ];
  return `<table class="facts">${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>`;
}

function resultsTable(f: MinutesFacts): string {
  const stages = f.findingsRequired ? FINDING_STAGES : [];
  const head = [
    "No",
    "Nama peserta",
    "Harga penawaran",
    "Harga terkoreksi",
    ...stages.map((s) => STAGE_LABELS[s] ?? s),
    "Harga",
    ...(f.scored ? ["Nilai teknis"] : []),
    ...(f.combined ? ["Nilai akhir"] : []),
    "Peringkat",
    "Keterangan",
  ];
  const body = f.bidders.map((b, i) => {
    const cells = [
      String(i + 1),
      b.vendorName,
      rupiahText(b.offer),
      rupiahText(b.corrected),
      ...stages.map((s) => verdict(b.findings[s]?.passed)),
      verdict(b.price?.passed),
      ...(f.scored ? [score(b.technicalScore)] : []),
      ...(f.combined ? [score(b.combinedScore)] : []),
      b.rank === null ? "—" : String(b.rank),
      b.winner ? "Pemenang" : !b.opened ? `Penawaran tidak dapat dibuka: ${b.openingError ?? ""}` : b.price?.aboveHps ? "Di atas HPS" : b.price?.needsClarification ? "Di bawah 80% HPS: klarifikasi kewajaran harga" : "",
    ];
    return `<tr>${cells.map((c, j) => `<td${j >= 2 && j <= 3 ? ' class="num"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  return `<table class="results"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

/** The committee's reasons per bidder and stage, the failures first in each bidder's list. */
function reasons(f: MinutesFacts): string {
  const items = f.bidders.flatMap((b) =>
    FINDING_STAGES.flatMap((s) => {
      const finding = b.findings[s];
      if (!finding || finding.reason.trim() === "") return [];
      return [`<li><strong>${escapeHtml(b.vendorName)}</strong> — ${escapeHtml(STAGE_LABELS[s] ?? s)} (${finding.passed ? "lulus" : "gugur"}): ${escapeHtml(finding.reason)}</li>`];
    }),
  );
  return items.length === 0 ? "<p>Tidak ada catatan evaluasi.</p>" : `<ol class="reasons">${items.join("")}</ol>`;
}

function conclusion(f: MinutesFacts): string {
  const ranked = f.bidders.filter((b) => b.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  if (f.kind === "hasil_pemilihan" && f.winner) {
    const by = f.winner.namedBy === "pa_kpa" ? "PA/KPA atas usulan Pokja Pemilihan" : "Pokja Pemilihan";
    return `<p>Berdasarkan hasil evaluasi di atas, pemenang pemilihan ditetapkan oleh ${escapeHtml(by)} pada ${escapeHtml(formatIndonesianDate(f.winner.determinedAt, f.lpse.timeZone))}:</p>
<table class="facts winner"><tr><th scope="row">Pemenang</th><td>${escapeHtml(f.winner.vendorName)}</td></tr><tr><th scope="row">Harga terkoreksi</th><td>${escapeHtml(withWords(senOf(f.winner.corrected)))}</td></tr></table>`;
  }
  if (ranked.length === 0) return "<p>Tidak ada penawaran yang lulus seluruh tahap evaluasi.</p>";
  const first = ranked[0];
  return `<p>Jumlah penawaran yang dievaluasi: ${f.bidders.length}; yang lulus seluruh tahap evaluasi: ${ranked.length}. Peringkat pertama: <strong>${escapeHtml(first?.vendorName ?? "")}</strong> dengan harga terkoreksi ${escapeHtml(rupiahText(first?.corrected ?? null))}.</p>`;
}

function signatures(f: MinutesFacts): string {
  const rows = f.committee.members.map((name, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(name)}</td><td>Anggota Pokja Pemilihan</td><td class="sign">${i + 1}. ..............................</td></tr>`);
  const decree = f.committee.decreeNumber ? ` (surat keputusan nomor ${escapeHtml(f.committee.decreeNumber)})` : "";
  return `<h2>Pokja Pemilihan${decree}</h2><table class="signatures"><thead><tr><th scope="col">No</th><th scope="col">Nama</th><th scope="col">Jabatan</th><th scope="col">Tanda tangan</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The body of the minutes: what the SHA-256 covers. */
export function renderMinutesContent(f: MinutesFacts): string {
  const subject = f.kind === "evaluasi" ? "telah melaksanakan evaluasi penawaran" : "telah melaksanakan pemilihan penyedia";
  return `<header><p class="lpse">${escapeHtml(f.lpse.name)}<br>${escapeHtml(f.lpse.region)}</p><p class="agency">${escapeHtml(f.agencyName)}</p></header>
<h1>${escapeHtml(TITLES[f.kind])}</h1>
<p class="code">Kode tender ${escapeHtml(f.tenderCode)}</p>
<p>Pada hari ini, ${escapeHtml(formatIndonesianDate(f.date, f.lpse.timeZone))}, Pokja Pemilihan ${subject} untuk paket berikut:</p>
${factsTable(f)}
<h2>Hasil evaluasi</h2>
${resultsTable(f)}
<h2>Catatan dan alasan Pokja</h2>
${reasons(f)}
<h2>Kesimpulan</h2>
${conclusion(f)}
<p>Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.</p>
${signatures(f)}`;
}

/** SHA-256 (hex) of the minutes' body as UTF-8: logged when issued, printed on every copy. */
export function minutesHash(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

const PRINT_CSS = `@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 11pt; line-height: 1.4; color: #000; margin: 0 auto; max-width: 180mm; }
header { text-align: center; border-bottom: 2px solid #000; padding-bottom: 4pt; margin-bottom: 10pt; }
header p { margin: 0; font-weight: bold; text-transform: uppercase; }
h1 { text-align: center; font-size: 14pt; text-transform: uppercase; margin: 8pt 0 0; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt; }
.code { text-align: center; margin-top: 0; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
.results th, .results td, .signatures th, .signatures td { border: 1px solid #000; padding: 2pt 4pt; font-size: 9.5pt; vertical-align: top; }
.facts th { text-align: left; font-weight: normal; width: 35%; padding: 1pt 4pt 1pt 0; vertical-align: top; }
.facts td { padding: 1pt 0; }
.num { text-align: right; white-space: nowrap; }
.signatures td.sign { height: 28pt; vertical-align: bottom; }
.draft { color: #b00; font-weight: bold; text-align: center; border: 2px solid #b00; padding: 4pt; }
footer { margin-top: 14pt; border-top: 1px solid #000; padding-top: 4pt; font-size: 8.5pt; word-break: break-all; }`;

/**
 * The whole document: the body, and a footer with its SHA-256 (issued) or a draft notice. The footer is
 * outside the hashed body, so the printed hash can be compared with the one in the log.
 */
export function minutesDocument(kind: MinutesKind, content: string, issued: { sha256: string; issuedAt: Date; zone: TimeZoneCode } | null): string {
  const notice = issued
    ? `<footer>Dokumen ini diterbitkan pada ${escapeHtml(formatIndonesianDate(issued.issuedAt, issued.zone))}. SHA-256: <span class="hash">${issued.sha256}</span>. Cocokkan nilai ini dengan log kejadian yang dapat diverifikasi.</footer>`
    : `<p class="draft">DRAF — belum diterbitkan oleh Pokja Pemilihan</p>`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${escapeHtml(TITLES[kind])}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${issued ? "" : notice}
<main>
${content}
</main>
${issued ? notice : ""}
</body>
</html>
`;
}
