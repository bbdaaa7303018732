import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { Permit, Visit } from "./server-room.schemas.js";
import { registerCallers } from "../../../test/support/register-callers.js";

/** The test clock: 10:00 WIB on Thursday 26 November 2026. */
const NOW = new Date("2026-11-26T03:00:00.000Z");
const UNKNOWN = "6f1d3c1e-55a4-4b8e-9a51-2f1f5f0c8a11";
const BASE = "/api/v1/operations/server-room";

/** A permit request, times in WIB as the page sends them (test data factory). */
const buildPermitInput = (overrides: Record<string, unknown> = {}) => ({
  person: "Bayu Saputra", organisation: "PT Data Nusantara", purpose: "Penggantian disk server basis data", validFrom: "2026-11-26T08:00:00+07:00", validUntil: "2026-11-26T17:00:00+07:00", ...overrides,
});
const visitInput = (permitId: string, overrides: Record<string, unknown> = {}) => ({
  permitId, escort: "Andi Pratama", badgeNumber: "TAMU-07", enteredAt: "2026-11-26T09:15:00+07:00", devices: [{ description: "Laptop Lenovo ThinkPad", serialNumber: "PF-3K9Q2", direction: "in" }], ...overrides,
});

describe("server-room permits and visit log (standard 9)", () => {
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

  const approved = async (overrides: Record<string, unknown> = {}) => {
    const permit = (await admin.post<Permit>(`${BASE}/permits`, buildPermitInput(overrides))).body;
    return (await head.post<Permit>(`${BASE}/permits/${permit.id}/approve`, { note: "" })).body;
  };

  it("the administrator requests, only the Kepala LPSE approves; auditors read; others are refused", async () => {
    expectProblem(await t.client().get(`${BASE}/permits`), 401, "UNAUTHENTICATED");
    expectProblem(await admin.post(`${BASE}/permits`, buildPermitInput({ validFrom: "besok pagi" })), 400, "VALIDATION_FAILED", "body.validFrom");
    for (const outsider of [helpdesk, vendor]) {
      expectProblem(await outsider.get(`${BASE}/permits`), 403, "FORBIDDEN");
      expectProblem(await outsider.get(`${BASE}/visits`), 403, "FORBIDDEN");
    }
    expectProblem(await head.post(`${BASE}/permits`, buildPermitInput()), 403, "FORBIDDEN");
    const created = await admin.post<Permit>(`${BASE}/permits`, buildPermitInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "pending", validFrom: "2026-11-26T01:00:00.000Z", validUntil: "2026-11-26T10:00:00.000Z", approvedBy: null });
    for (const notHead of [admin, auditor]) expectProblem(await notHead.post(`${BASE}/permits/${created.body.id}/approve`, { note: "" }), 403, "FORBIDDEN");
    const ok = await head.post<Permit>(`${BASE}/permits/${created.body.id}/approve`, { note: "Didampingi admin" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "active", approvalNote: "Didampingi admin" });
    expect(ok.body.approvedBy?.id).not.toBe(created.body.requestedBy.id);
    expectProblem(await head.post(`${BASE}/permits/${created.body.id}/approve`, { note: "" }), 409, "CONFLICT");
    const list = (await auditor.get<{ items: Permit[]; timeZone: string; can: Record<string, boolean> }>(`${BASE}/permits`)).body;
    expect(list).toMatchObject({ timeZone: "WIB", can: { manage: false, approve: false, revoke: false } });
    expect((await head.get<{ can: Record<string, boolean> }>(`${BASE}/permits`)).body.can).toEqual({ manage: false, approve: true, revoke: true });
  });

  it("logs a visit with a device in, its exit with the device out, and lists open visits", async () => {
    const permit = await approved();
    const entered = await admin.post<Visit>(`${BASE}/visits`, visitInput(permit.id));
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ open: true, enteredAt: "2026-11-26T02:15:00.000Z", exitedAt: null, permit: { person: "Bayu Saputra" } });
    expect(entered.body.devices).toEqual([expect.objectContaining({ serialNumber: "PF-3K9Q2", direction: "in" })]);
    expect((await auditor.get<{ items: Visit[]; open: number }>(`${BASE}/visits?open=true`)).body.items.map((v) => v.id)).toContain(entered.body.id);

    const exited = await admin.post<Visit>(`${BASE}/visits/${entered.body.id}/exit`, { exitedAt: "2026-11-26T09:55:00+07:00", devices: [{ description: "Laptop Lenovo ThinkPad", serialNumber: "PF-3K9Q2", direction: "out" }] });
    expect(exited.status).toBe(200);
    expect(exited.body).toMatchObject({ open: false, exitedAt: "2026-11-26T02:55:00.000Z" });
    expect(exited.body.devices.map((d) => d.direction)).toEqual(["in", "out"]);
    expect((await auditor.get<{ items: Visit[] }>(`${BASE}/visits?open=true`)).body.items.map((v) => v.id)).not.toContain(entered.body.id);
    const before = await t.deps.eventLog.size();
    expectProblem(await admin.post(`${BASE}/visits/${entered.body.id}/exit`, { exitedAt: "2026-11-26T09:58:00+07:00", devices: [] }), 409, "CONFLICT");
    expect(await t.deps.eventLog.size()).toBe(before);
  });

  it("refuses a visit without a valid permit at entry time (409), and other bad input, changing nothing", async () => {
    const pending = (await admin.post<Permit>(`${BASE}/permits`, buildPermitInput({ person: "Tamu Tertunda" }))).body;
    const good = await approved({ person: "Sari Indah" });
    const revoked = await approved({ person: "Joko Susilo" });
    expectProblem(await auditor.post(`${BASE}/permits/${revoked.id}/revoke`, { reason: "Pekerjaan dibatalkan" }), 403, "FORBIDDEN");
    expect((await admin.post<Permit>(`${BASE}/permits/${revoked.id}/revoke`, { reason: "Pekerjaan dibatalkan" })).body).toMatchObject({ status: "revoked", revokedReason: "Pekerjaan dibatalkan" });
    const before = await t.deps.eventLog.size();
    const visitsBefore = (await admin.get<{ items: Visit[] }>(`${BASE}/visits`)).body.items.length;

    const refused = expectProblem(await admin.post(`${BASE}/visits`, visitInput(pending.id)), 409, "CONFLICT", "body.permitId");
    expect(refused.messages.en).toContain("not approved");
    expect(expectProblem(await admin.post(`${BASE}/visits`, visitInput(revoked.id)), 409, "CONFLICT", "body.permitId").messages.en).toContain("revoked");
    expect(expectProblem(await admin.post(`${BASE}/visits`, visitInput(good.id, { enteredAt: "2026-11-26T07:30:00+07:00" })), 409, "CONFLICT", "body.permitId").messages.en).toContain("not yet valid");
    expectProblem(await admin.post(`${BASE}/visits`, visitInput(UNKNOWN)), 400, "VALIDATION_FAILED", "body.permitId");
    expectProblem(await admin.post(`${BASE}/visits`, visitInput(good.id, { enteredAt: "2026-11-26T11:00:00+07:00" })), 400, "VALIDATION_FAILED", "body.enteredAt");
    expectProblem(await admin.post(`${BASE}/visits`, visitInput(good.id, { devices: [{ description: "Flashdisk", serialNumber: "", direction: "in" }] })), 400, "VALIDATION_FAILED", "body.devices.0.serialNumber");
    expectProblem(await admin.post(`${BASE}/permits`, buildPermitInput({ validUntil: "2026-11-26T07:00:00+07:00" })), 400, "VALIDATION_FAILED", "body.validUntil");
    expectProblem(await head.post(`${BASE}/permits/${UNKNOWN}/approve`, { note: "" }), 404, "NOT_FOUND");
    expectProblem(await admin.post(`${BASE}/permits/${revoked.id}/revoke`, { reason: "Sekali lagi" }), 409, "CONFLICT");
    expectProblem(await head.post(`${BASE}/permits/${revoked.id}/approve`, { note: "" }), 409, "CONFLICT");
    expectProblem(await admin.post(`${BASE}/visits/${UNKNOWN}/exit`, { exitedAt: "2026-11-26T09:58:00+07:00", devices: [] }), 404, "NOT_FOUND");

    const visit = (await admin.post<Visit>(`${BASE}/visits`, visitInput(good.id))).body;
    expectProblem(await admin.post(`${BASE}/visits/${visit.id}/exit`, { exitedAt: "2026-11-26T09:00:00+07:00", devices: [] }), 400, "VALIDATION_FAILED", "body.exitedAt");
    expect(await t.deps.eventLog.size()).toBe(before + 1);
    expect((await admin.get<{ items: Visit[] }>(`${BASE}/visits`)).body.items.length).toBe(visitsBefore + 1);
  });

  it("an expired permit can no longer be approved", async () => {
    const old = (await admin.post<Permit>(`${BASE}/permits`, buildPermitInput({ validFrom: "2026-11-20T08:00:00+07:00", validUntil: "2026-11-20T17:00:00+07:00" }))).body;
    expect(old.status).toBe("expired");
    expectProblem(await head.post(`${BASE}/permits/${old.id}/approve`, { note: "" }), 409, "CONFLICT");
  });
});
