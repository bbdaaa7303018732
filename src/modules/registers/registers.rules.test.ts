import { describe, expect, it } from "vitest";
import { assetClass, assetValue, expiryOf, likelihoodBand, riskLevel, riskScore, taskOverdue } from "./registers.rules.js";

const T = { riskLowMax: 24, riskMediumMax: 64 };

describe("register computations", () => {
  it("values an asset as C + I + A and bands it 3–4 rendah, 5–6 sedang, 7–9 tinggi", () => {
    expect(assetValue({ confidentiality: 1, integrity: 1, availability: 1 })).toBe(3);
    expect(assetValue({ confidentiality: 3, integrity: 2, availability: 3 })).toBe(8);
    expect([3, 4, 5, 6, 7, 8, 9].map(assetClass)).toEqual(["rendah", "rendah", "sedang", "sedang", "tinggi", "tinggi", "tinggi"]);
  });

  it("scores a risk as impact × threat × vulnerability × exposure, from 1 to 256", () => {
    expect(riskScore({ impact: 1, threat: 1, vulnerability: 1, exposure: 1 })).toBe(1);
    expect(riskScore({ impact: 3, threat: 2, vulnerability: 4, exposure: 1 })).toBe(24);
    expect(riskScore({ impact: 4, threat: 4, vulnerability: 4, exposure: 4 })).toBe(256);
  });

  it("levels a score at the thresholds: ≤ 24 rendah, ≤ 64 sedang, above tinggi", () => {
    expect([1, 24, 25, 64, 65, 256].map((s) => riskLevel(s, T))).toEqual(["rendah", "rendah", "sedang", "sedang", "tinggi", "tinggi"]);
    expect(riskLevel(24, { riskLowMax: 12, riskMediumMax: 48 })).toBe("sedang");
  });

  it("bands likelihood by the rounded geometric mean: 1–3, 4–15, 16–42, 43–64", () => {
    const band = (threat: number, vulnerability: number, exposure: number) => likelihoodBand({ threat, vulnerability, exposure });
    expect([band(1, 1, 1), band(3, 1, 1), band(2, 2, 1), band(3, 4, 1), band(4, 4, 1), band(2, 2, 2)]).toEqual([1, 1, 2, 2, 3, 2]);
    expect([band(4, 2, 2), band(3, 3, 3), band(3, 3, 4), band(4, 4, 3), band(4, 4, 4)]).toEqual([3, 3, 3, 4, 4]);
    for (let k = 1; k <= 4; k++) expect(band(k, k, k)).toBe(k);
  });

  it("flags expiry: expired before today, expiring within the alert days, otherwise ok", () => {
    expect(expiryOf(null, "2026-11-26", 90)).toEqual({ state: "none", daysLeft: null });
    expect(expiryOf("2026-11-25", "2026-11-26", 90)).toEqual({ state: "expired", daysLeft: -1 });
    expect(expiryOf("2026-11-26", "2026-11-26", 90)).toEqual({ state: "expiring", daysLeft: 0 });
    expect(expiryOf("2027-02-24", "2026-11-26", 90)).toEqual({ state: "expiring", daysLeft: 90 });
    expect(expiryOf("2027-02-25", "2026-11-26", 90)).toEqual({ state: "ok", daysLeft: 91 });
  });

  it("calls a task overdue only when not done and due before today", () => {
    expect(taskOverdue({ status: "open", due_date: "2026-11-25" }, "2026-11-26")).toBe(true);
    expect(taskOverdue({ status: "done", due_date: "2026-11-25" }, "2026-11-26")).toBe(false);
    expect(taskOverdue({ status: "in_progress", due_date: "2026-11-26" }, "2026-11-26")).toBe(false);
  });
});
