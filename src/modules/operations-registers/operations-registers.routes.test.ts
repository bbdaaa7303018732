import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { AccessGrant } from "./operations-registers.schemas.js";
import { registerCallers } from "../../../test/support/register-callers.js";

/** The test clock: 10:00 WIB on Thursday 26 November 2026, so "today" is 2026-11-26. */
const NOW = new Date("2026-11-26T03:00:00.000Z");

interface Scan {
  id: string;
  findingsBySeverity: Record<string, number>;
  openFindings: number;
  overdueFindings: number;
  findings: { id: string; title: string; status: string; overdue: boolean; resolvedOn: string | null; resolutionNote: string | null }[];
}

describe("operations registers: server access, patches and vulnerability scans", () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;
  let auditor: Client;
  let helpdesk: Client;
  let vendor: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    ({ admin, head, auditor, helpdesk, vendor } = await registerCallers(t));
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  const grant = (overrides: Record<string, unknown>) => ({
    person: "Andi Pratama", system: "Server aplikasi SPSE", level: "admin", reason: "Administrator sistem LPSE", grantedBy: "Kepala LPSE", startsOn: "2026-01-10", expiresOn: null, ...overrides,
  });

  it("keeps the registers to the administrator; the Kepala LPSE and auditors read; others are refused", async () => {
    expectProblem(await t.client().get("/api/v1/operations/access-grants"), 401, "UNAUTHENTICATED");
    for (const outsider of [helpdesk, vendor]) {
      for (const path of ["access-grants", "access-reviews", "patches", "scans", "capacity/samples", "capacity/report?month=2026-11"]) {
        expectProblem(await outsider.get(`/api/v1/operations/${path}`), 403, "FORBIDDEN");
      }
      expectProblem(await outsider.post("/api/v1/operations/access-grants", grant({})), 403, "FORBIDDEN");
    }
    for (const reader of [head, auditor]) {
      expect((await reader.get("/api/v1/operations/access-grants")).status).toBe(200);
      expect((await reader.get("/api/v1/operations/scans")).status).toBe(200);
      expectProblem(await reader.post("/api/v1/operations/access-grants", grant({})), 403, "FORBIDDEN");
      expectProblem(await reader.post("/api/v1/operations/patches", { system: "Server basis data", patchId: "PostgreSQL 16.4", appliedOn: "2026-11-20", appliedBy: "Andi", relatedChange: null, notes: "" }), 403, "FORBIDDEN");
    }
  });

  it("flags expired grants and overdue reviews; a review keeps or revokes; revoking ends the grant", async () => {
    const before = await t.deps.eventLog.size();
    const overdue = await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({}));
    expect(overdue.status).toBe(201);
    // Never reviewed: due 90 days after its start (10 January + 90 days = 10 April), so overdue.
    expect(overdue.body).toMatchObject({ status: "active", reviewDueOn: "2026-04-10", reviewOverdue: true, lastReviewedOn: null });
    const expired = (await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({ person: "Vendor Pemeliharaan", level: "operator", startsOn: "2026-11-01", expiresOn: "2026-11-25" }))).body;
    expect(expired).toMatchObject({ status: "expired", reviewDueOn: null, reviewOverdue: false });
    const current = (await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({ person: "Budi Hartono", level: "read", startsOn: "2026-10-01", expiresOn: "2027-06-30" }))).body;
    expect(current).toMatchObject({ status: "active", reviewDueOn: "2026-12-30", reviewOverdue: false });
    const scheduled = (await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({ person: "Citra Lestari", startsOn: "2026-12-01", expiresOn: "2026-12-01" }))).body;
    expect(scheduled.status).toBe("scheduled");
    // Expiring on its last day: still active that day.
    const lastDay = (await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({ person: "Dedi Kurnia", startsOn: "2026-11-01", expiresOn: "2026-11-26" }))).body;
    expect(lastDay.status).toBe("active");

    const review = await admin.post<{ reviewedOn: string; reviewer: { name: string }; decisions: { grantId: string; decision: string }[] }>("/api/v1/operations/access-reviews", {
      reviewedOn: "2026-11-25",
      notes: "Kaji ulang triwulan IV",
      decisions: [
        { grantId: overdue.body.id, decision: "keep", note: "Masih bertugas" },
        { grantId: current.id, decision: "revoke", note: "Pindah tugas" },
      ],
    });
    expect(review.status).toBe(201);
    expect(review.body.decisions.map((d) => [d.grantId, d.decision]).sort()).toEqual([[current.id, "revoke"], [overdue.body.id, "keep"]].sort());

    const listed = await head.get<{ items: AccessGrant[]; reviewDays: number; today: string }>("/api/v1/operations/access-grants");
    expect(listed.body).toMatchObject({ reviewDays: 90, today: "2026-11-26" });
    const byId = new Map(listed.body.items.map((g) => [g.id, g]));
    // Kept on 25 November: next review 90 days later.
    expect(byId.get(overdue.body.id)).toMatchObject({ status: "active", lastReviewedOn: "2026-11-25", reviewDueOn: "2027-02-23", reviewOverdue: false });
    expect(byId.get(current.id)).toMatchObject({ status: "revoked", revokedOn: "2026-11-25", revokedReason: "Pindah tugas", reviewOverdue: false });

    // A revoked grant cannot be reviewed or revoked again.
    expectProblem(await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-11-26", notes: "", decisions: [{ grantId: current.id, decision: "keep", note: "" }] }), 409, "CONFLICT", "body.decisions.0.grantId");
    const revoked = await admin.post<AccessGrant>(`/api/v1/operations/access-grants/${expired.id}/revoke`, { revokedOn: "2026-11-26", reason: "Kontrak pemeliharaan selesai" });
    expect(revoked.body).toMatchObject({ status: "revoked", revokedOn: "2026-11-26" });
    expectProblem(await admin.post(`/api/v1/operations/access-grants/${expired.id}/revoke`, { revokedOn: "2026-11-26", reason: "Kontrak pemeliharaan selesai" }), 409, "CONFLICT");
    expect(await t.deps.eventLog.size()).toBe(before + 7);

    // The review period is a setting: 30 days makes the kept grant due on 25 December.
    const settings = (await admin.get<Record<string, unknown>>("/api/v1/settings")).body;
    await admin.put("/api/v1/settings", { ...settings, operations: { ...(settings.operations as object), accessReviewDays: 30 } });
    const shorter = await auditor.get<{ items: AccessGrant[] }>("/api/v1/operations/access-grants");
    expect(shorter.body.items.find((g) => g.id === overdue.body.id)?.reviewDueOn).toBe("2026-12-25");

    const reviews = await auditor.get<{ items: { notes: string; reviewer: { name: string } }[] }>("/api/v1/operations/access-reviews");
    expect(reviews.body.items.map((r) => r.notes)).toEqual(["Kaji ulang triwulan IV"]);
  });

  it("refuses bad grant, review and revocation input naming the field", async () => {
    expectProblem(await admin.post("/api/v1/operations/access-grants", grant({ startsOn: "2026-11-10", expiresOn: "2026-11-01" })), 400, "VALIDATION_FAILED", "body.expiresOn");
    expectProblem(await admin.post("/api/v1/operations/access-grants", grant({ level: "superuser" })), 400, "VALIDATION_FAILED", "body.level");
    const g = (await admin.post<AccessGrant>("/api/v1/operations/access-grants", grant({ person: "Eko Saputra", startsOn: "2026-11-02" }))).body;
    expectProblem(await admin.post(`/api/v1/operations/access-grants/${g.id}/revoke`, { revokedOn: "2026-11-27", reason: "Tidak diperlukan lagi" }), 400, "VALIDATION_FAILED", "body.revokedOn");
    expectProblem(await admin.post(`/api/v1/operations/access-grants/${g.id}/revoke`, { revokedOn: "2026-11-01", reason: "Tidak diperlukan lagi" }), 400, "VALIDATION_FAILED", "body.revokedOn");
    expectProblem(await admin.post("/api/v1/operations/access-grants/6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11/revoke", { revokedOn: "2026-11-26", reason: "Tidak diperlukan lagi" }), 404, "NOT_FOUND");
    expectProblem(await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-11-27", notes: "", decisions: [{ grantId: g.id, decision: "keep", note: "" }] }), 400, "VALIDATION_FAILED", "body.reviewedOn");
    expectProblem(await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-11-26", notes: "", decisions: [{ grantId: "6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11", decision: "keep", note: "" }] }), 400, "VALIDATION_FAILED", "body.decisions.0.grantId");
    expectProblem(await admin.post("/api/v1/operations/access-reviews", { reviewedOn: "2026-11-26", notes: "", decisions: [] }), 400, "VALIDATION_FAILED", "body.decisions");
  });

  it("records patches, newest first", async () => {
    const first = await admin.post("/api/v1/operations/patches", { system: "Server aplikasi SPSE", patchId: "Debian 12.8 (linux 6.1.0-27)", appliedOn: "2026-11-02", appliedBy: "Andi Pratama", relatedChange: "PRB-2026-014", notes: "Pembaruan keamanan kernel" });
    expect(first.status).toBe(201);
    await admin.post("/api/v1/operations/patches", { system: "Server basis data", patchId: "PostgreSQL 16.5", appliedOn: "2026-11-20", appliedBy: "Budi Hartono", relatedChange: null, notes: "" });
    expectProblem(await admin.post("/api/v1/operations/patches", { system: "Server basis data", patchId: "PostgreSQL 16.6", appliedOn: "2026-11-27", appliedBy: "Budi Hartono", relatedChange: null, notes: "" }), 400, "VALIDATION_FAILED", "body.appliedOn");
    const listed = await auditor.get<{ items: { patchId: string; relatedChange: string | null }[] }>("/api/v1/operations/patches");
    expect(listed.body.items).toEqual([
      expect.objectContaining({ patchId: "PostgreSQL 16.5", relatedChange: null }),
      expect.objectContaining({ patchId: "Debian 12.8 (linux 6.1.0-27)", relatedChange: "PRB-2026-014" }),
    ]);
  });

  it("counts findings by severity, flags overdue remediation and records remediation", async () => {
    const created = await admin.post<Scan>("/api/v1/operations/scans", {
      scannedOn: "2026-11-01",
      tool: "OpenVAS 23",
      scope: "lpse.example.go.id dan server basis data",
      findings: [
        { title: "TLS 1.0 masih aktif", severity: "critical", dueOn: "2026-11-15" },
        { title: "Header HSTS tidak ada", severity: "high", dueOn: "2026-12-15" },
        { title: "Versi server terlihat", severity: "low", dueOn: "2026-11-10" },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ findingsBySeverity: { critical: 1, high: 1, medium: 0, low: 1 }, openFindings: 3, overdueFindings: 2 });
    const low = created.body.findings.find((f) => f.title === "Versi server terlihat");
    const remediated = await admin.post<Scan>(`/api/v1/operations/scans/${created.body.id}/findings/${low?.id}`, { status: "remediated", note: "ServerTokens Prod" });
    expect(remediated.status).toBe(200);
    expect(remediated.body).toMatchObject({ openFindings: 2, overdueFindings: 1 });
    expect(remediated.body.findings.find((f) => f.id === low?.id)).toMatchObject({ status: "remediated", overdue: false, resolvedOn: "2026-11-26", resolutionNote: "ServerTokens Prod" });
    // Reopened: no longer resolved, and overdue again.
    const reopened = await admin.post<Scan>(`/api/v1/operations/scans/${created.body.id}/findings/${low?.id}`, { status: "open", note: "" });
    expect(reopened.body.findings.find((f) => f.id === low?.id)).toMatchObject({ status: "open", overdue: true, resolvedOn: null });

    expectProblem(await admin.post(`/api/v1/operations/scans/${created.body.id}/findings/${low?.id}`, { status: "accepted", note: "" }), 400, "VALIDATION_FAILED", "body.note");
    expectProblem(await admin.post(`/api/v1/operations/scans/${created.body.id}/findings/6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11`, { status: "open", note: "" }), 404, "NOT_FOUND");
    expectProblem(await head.post(`/api/v1/operations/scans/${created.body.id}/findings/${low?.id}`, { status: "remediated", note: "" }), 403, "FORBIDDEN");
    expectProblem(
      await admin.post("/api/v1/operations/scans", { scannedOn: "2026-11-01", tool: "OpenVAS 23", scope: "lpse.example.go.id", findings: [{ title: "Port terbuka", severity: "medium", dueOn: "2026-10-30" }] }),
      400,
      "VALIDATION_FAILED",
      "body.findings.0.dueOn",
    );
    expectProblem(await auditor.get("/api/v1/operations/scans/6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11"), 404, "NOT_FOUND");

    const listed = await auditor.get<{ items: Omit<Scan, "findings">[] }>("/api/v1/operations/scans");
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, openFindings: 3, overdueFindings: 2 })]);
    const one = await head.get<Scan>(`/api/v1/operations/scans/${created.body.id}`);
    expect(one.body.findings.map((f) => f.title)).toEqual(["Versi server terlihat", "TLS 1.0 masih aktif", "Header HSTS tidak ada"]);
  });
});
