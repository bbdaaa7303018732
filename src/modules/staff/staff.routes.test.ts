import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { Certificate, StaffMember, Training } from "./staff.schemas.js";
import { registerCallers } from "../../../test/support/register-callers.js";

/** The test clock: 10:00 WIB on Thursday 26 November 2026, so "today" is 2026-11-26. */
const NOW = new Date("2026-11-26T03:00:00.000Z");
const UNKNOWN = "6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11";

interface GapReport {
  items: { competence: string; staffAssessed: number; staffWithGap: number; totalGap: number; people: { name: string; gap: number }[] }[];
}

/** A staff member's fields, with overrides (test data factory). */
const buildStaffInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Rina Wulandari", nip: "198703122010012003", position: "Pranata Komputer Ahli Pertama", serviceRole: "Koordinator helpdesk", ndaSignedOn: "2026-01-05", contractEndsOn: null, ...overrides,
});
const buildTrainingInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Pelatihan Keamanan Informasi LPSE", provider: "LKPP", competence: "information_security", levelAwarded: 3, startsOn: "2026-11-16", endsOn: "2026-11-18", hours: 24, ...overrides,
});

describe("staff register: competence matrix, certificates, trainings (standard 8)", () => {
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

  it("keeps the register to the administrator; the Kepala LPSE and auditors read; others are refused", async () => {
    expectProblem(await t.client().get("/api/v1/operations/staff"), 401, "UNAUTHENTICATED");
    expectProblem(await admin.post("/api/v1/operations/staff", buildStaffInput({ name: "" })), 400, "VALIDATION_FAILED", "body.name");
    for (const outsider of [helpdesk, vendor]) {
      for (const path of ["staff", "competences/gaps", "certificates", "trainings"]) expectProblem(await outsider.get(`/api/v1/operations/${path}`), 403, "FORBIDDEN");
    }
    for (const reader of [head, auditor]) {
      const list = await reader.get<{ can: { manage: boolean } }>("/api/v1/operations/staff");
      expect(list.status).toBe(200);
      expect(list.body.can.manage).toBe(false);
      expectProblem(await reader.post("/api/v1/operations/staff", buildStaffInput()), 403, "FORBIDDEN");
      expectProblem(await reader.post("/api/v1/operations/trainings", buildTrainingInput()), 403, "FORBIDDEN");
    }
  });

  it("lists a gap as a training need, and a passed training closes it", async () => {
    const created = await admin.post<StaffMember>("/api/v1/operations/staff", buildStaffInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Rina Wulandari", serviceRole: "Koordinator helpdesk", competences: [], trainingNeeds: [], contractEnded: false });
    const staffId = created.body.id;
    const set = await admin.put<StaffMember>(`/api/v1/operations/staff/${staffId}/competences`, { competence: "information_security", requiredLevel: 3, currentLevel: 1 });
    expect(set.status).toBe(200);
    await admin.put(`/api/v1/operations/staff/${staffId}/competences`, { competence: "helpdesk_service", requiredLevel: 3, currentLevel: 4 });
    const row = (await admin.get<{ items: StaffMember[] }>("/api/v1/operations/staff")).body.items.find((s) => s.id === staffId) as StaffMember;
    expect(row.trainingNeeds).toEqual([{ competence: "information_security", requiredLevel: 3, currentLevel: 1, gap: 2 }]);
    const gaps = (await auditor.get<GapReport>("/api/v1/operations/competences/gaps")).body.items.find((g) => g.competence === "information_security");
    expect(gaps).toMatchObject({ staffAssessed: 1, staffWithGap: 1, totalGap: 2, people: [{ name: "Rina Wulandari", gap: 2 }] });

    const training = (await admin.post<Training>("/api/v1/operations/trainings", buildTrainingInput())).body;
    expect(training).toMatchObject({ competence: "information_security", levelAwarded: 3, hours: 24, attendance: [] });
    const before = await t.deps.eventLog.size();
    const attended = await admin.post<Training>(`/api/v1/operations/trainings/${training.id}/attendance`, { staffId, passed: true, result: "Lulus, nilai 86" });
    expect(attended.status).toBe(201);
    expect(attended.body.attendance).toEqual([expect.objectContaining({ staff: { id: staffId, name: "Rina Wulandari" }, passed: true, levelBefore: 1, levelAfter: 3 })]);
    expect(await t.deps.eventLog.size()).toBe(before + 1);
    const after = (await head.get<{ items: StaffMember[] }>("/api/v1/operations/staff")).body.items.find((s) => s.id === staffId) as StaffMember;
    expect(after.trainingNeeds).toEqual([]);
    expect(after.competences.find((c) => c.competence === "information_security")).toMatchObject({ currentLevel: 3, gap: 0 });

    // Attendance once per person; a failed attempt by someone else changes no level.
    expectProblem(await admin.post(`/api/v1/operations/trainings/${training.id}/attendance`, { staffId, passed: true, result: "" }), 409, "CONFLICT", "body.staffId");
    const other = (await admin.post<StaffMember>("/api/v1/operations/staff", buildStaffInput({ name: "Agus Setiawan", nip: null }))).body;
    await admin.put(`/api/v1/operations/staff/${other.id}/competences`, { competence: "information_security", requiredLevel: 2, currentLevel: 1 });
    const failed = await admin.post<Training>(`/api/v1/operations/trainings/${training.id}/attendance`, { staffId: other.id, passed: false, result: "Tidak lulus" });
    expect(failed.body.attendance.find((a) => a.staff.id === other.id)).toMatchObject({ passed: false, levelBefore: 1, levelAfter: 1 });
  });

  it("alerts certificates that expire within the asset register's window or have expired", async () => {
    const staff = (await admin.post<StaffMember>("/api/v1/operations/staff", buildStaffInput({ name: "Dewi Kartika", nip: null }))).body;
    const cert = (validUntil: string | null) => ({ staffId: staff.id, name: "Sertifikat Keahlian PBJ Level 1", issuer: "LKPP", number: `PBJ-${validUntil ?? "x"}`, validUntil });
    const expiring = await admin.post<Certificate>("/api/v1/operations/certificates", cert("2026-12-10"));
    expect(expiring.status).toBe(201);
    expect(expiring.body).toMatchObject({ staff: { name: "Dewi Kartika" }, expiry: { state: "expiring", daysLeft: 14 } });
    await admin.post("/api/v1/operations/certificates", cert("2026-11-01"));
    await admin.post("/api/v1/operations/certificates", cert(null));
    const list = (await auditor.get<{ items: Certificate[]; alerts: number }>("/api/v1/operations/certificates")).body;
    expect(list.alerts).toBe(2);
    expect(list.items.map((c) => c.expiry.state).sort()).toEqual(["expired", "expiring", "none"]);
  });

  it("refuses bad input naming the problem, and changes nothing", async () => {
    const staff = (await admin.post<StaffMember>("/api/v1/operations/staff", buildStaffInput({ name: "Hendra Gunawan", nip: null }))).body;
    const training = (await admin.post<Training>("/api/v1/operations/trainings", buildTrainingInput({ title: "Administrasi Server Linux" }))).body;
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post("/api/v1/operations/trainings", buildTrainingInput({ startsOn: "2026-11-20", endsOn: "2026-11-19" })), 400, "VALIDATION_FAILED", "body.endsOn");
    expectProblem(await admin.post("/api/v1/operations/trainings", buildTrainingInput({ levelAwarded: 5 })), 400, "VALIDATION_FAILED", "body.levelAwarded");
    expectProblem(await admin.post("/api/v1/operations/staff", buildStaffInput({ nip: "12345" })), 400, "VALIDATION_FAILED", "body.nip");
    expectProblem(await admin.put(`/api/v1/operations/staff/${staff.id}/competences`, { competence: "cooking", requiredLevel: 2, currentLevel: 1 }), 400, "VALIDATION_FAILED", "body.competence");
    expectProblem(await admin.put(`/api/v1/operations/staff/${UNKNOWN}/competences`, { competence: "procurement", requiredLevel: 2, currentLevel: 1 }), 404, "NOT_FOUND");
    expectProblem(await admin.post("/api/v1/operations/certificates", { staffId: UNKNOWN, name: "CCNA", issuer: "Cisco", number: "1", validUntil: null }), 400, "VALIDATION_FAILED", "body.staffId");
    expectProblem(await admin.post(`/api/v1/operations/trainings/${training.id}/attendance`, { staffId: UNKNOWN, passed: true, result: "" }), 400, "VALIDATION_FAILED", "body.staffId");
    expectProblem(await admin.post(`/api/v1/operations/trainings/${UNKNOWN}/attendance`, { staffId: staff.id, passed: true, result: "" }), 404, "NOT_FOUND");
    const future = (await admin.post<Training>("/api/v1/operations/trainings", buildTrainingInput({ startsOn: "2026-12-01", endsOn: "2026-12-03" }))).body;
    const beforeFuture = await t.deps.eventLog.size();
    expectProblem(await admin.post(`/api/v1/operations/trainings/${future.id}/attendance`, { staffId: staff.id, passed: true, result: "" }), 409, "OUT_OF_STAGE");
    expect(await t.deps.eventLog.size()).toBe(beforeFuture);
    expect(beforeFuture).toBe(before + 1);
    const unchanged = (await admin.get<{ items: StaffMember[] }>("/api/v1/operations/staff")).body.items.find((s) => s.id === staff.id);
    expect(unchanged?.competences).toEqual([]);
  });
});
