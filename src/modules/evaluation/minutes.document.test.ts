import { describe, expect, it } from "vitest";
import { escapeHtml, formatIndonesianDate, formatRupiah, type MinutesFacts, minutesDocument, minutesHash, renderMinutesContent } from "./minutes.document.js";

const facts = (overrides: Partial<MinutesFacts> = {}): MinutesFacts => ({
  kind: "hasil_pemilihan",
  lpse: { name: "LPSE Kota Kupang", region: "Nusa Tenggara Timur", timeZone: "WITA" },
  agencyName: "Dinas Pekerjaan Umum",
  workUnitName: "Bidang Bina Marga",
  packageName: "Jasa Konsultansi Pengawasan Jalan",
  tenderCode: "202700001",
  rupCode: "37700001",
  fiscalYear: 2027,
  category: "jasa_konsultansi",
  method: "seleksi",
  evaluationMethod: "kualitas_biaya",
  technicalWeight: 80,
  hpsSen: 1_250_000_000_050n,
  paguSen: 1_500_000_000_000n,
  date: new Date("2026-12-16T02:10:00Z"),
  scored: true,
  combined: true,
  findingsRequired: true,
  bidders: [
    {
      vendorName: "PT <b>Konsultan</b>",
      opened: true,
      openingError: null,
      offer: "12000000000.50",
      corrected: "12000000000.50",
      price: { passed: true, aboveHps: false, needsClarification: false },
      findings: { administrasi: { passed: true, reason: "" }, teknis: { passed: true, reason: "Metodologi baik" }, kualifikasi: { passed: true, reason: "" } },
      technicalScore: "87.50",
      combinedScore: "90.00",
      rank: 1,
      winner: true,
    },
  ],
  winner: { vendorName: "PT <b>Konsultan</b>", corrected: "12000000000.50", determinedAt: new Date("2026-12-16T02:30:00Z"), namedBy: "pa_kpa" },
  committee: { decreeNumber: "027/5/2026", members: ["Ani", "Budi", "Citra"] },
  ...overrides,
});

describe("the minutes document", () => {
  it("writes Rupiah, dates on the LPSE's wall clock and escapes text", () => {
    expect(formatRupiah(1_250_000_000_050n)).toBe("Rp12.500.000.000,50");
    expect(formatRupiah(0n)).toBe("Rp0,00");
    expect(formatIndonesianDate(new Date("2026-12-16T02:10:00Z"), "WITA")).toBe("Rabu, 16 Desember 2026 pukul 10.10 WITA");
    expect(formatIndonesianDate(new Date("2026-12-16T16:10:00Z"), "WIT")).toBe("Kamis, 17 Desember 2026 pukul 01.10 WIT");
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("shows the scores of the scored methods, the weights and who named the winner", () => {
    const html = renderMinutesContent(facts());
    for (const text of ["Berita Acara Hasil Pemilihan", "LPSE Kota Kupang", "Kualitas dan biaya (bobot teknis 80%, harga 20%)", "Nilai teknis", "Nilai akhir", "87,50", "90,00", "Rp12.000.000.000,50", "Rp15.000.000.000,00", "PA/KPA atas usulan Pokja Pemilihan", "Rabu, 16 Desember 2026 pukul 10.30 WITA", "027/5/2026", "Citra"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain("PT &lt;b&gt;Konsultan&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    // The amounts that decide also stand in words (terbilang).
    expect(html).toContain("Rp12.500.000.000,50 (Dua belas miliar lima ratus juta rupiah lima puluh sen)");
    expect(html).toContain("Rp15.000.000.000,00 (Lima belas miliar rupiah)");
    expect(html).toContain("Rp12.000.000.000,50 (Dua belas miliar rupiah lima puluh sen)");
  });

  it("leaves the committee's findings out of Tender Cepat and the scores out of sistem gugur", () => {
    const html = renderMinutesContent(facts({ kind: "evaluasi", method: "tender_cepat", evaluationMethod: "gugur_harga_terendah", scored: false, combined: false, findingsRequired: false, winner: null }));
    expect(html).toContain("Berita Acara Evaluasi Penawaran");
    expect(html).not.toMatch(/Nilai teknis|Administrasi<\/th>/);
  });

  it("prints the hash outside the hashed body, or marks a draft", () => {
    const content = renderMinutesContent(facts());
    const sha256 = minutesHash(content);
    const issued = minutesDocument("hasil_pemilihan", content, { sha256, issuedAt: new Date("2026-12-16T03:00:00Z"), zone: "WITA" });
    expect(issued).toContain(`<main>\n${content}\n</main>`);
    expect(issued).toContain(sha256);
    expect(issued).not.toContain("DRAF");
    expect(minutesDocument("hasil_pemilihan", content, null)).toContain("DRAF");
  });
});
