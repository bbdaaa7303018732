import type { Client } from "../support/client.js";

export interface PeopleWorld {
  staffId: string;
  trainingId: string;
  /** A pending permit, for approval and revocation. */
  permitId: string;
  /** An approved permit valid from an hour ago to tomorrow, for new visits. */
  visitPermitId: string;
  /** An open visit, for the exit. */
  visitId: string;
  /** Times by the server's clock for a new visit's entry and the open visit's exit. */
  entryAt: string;
  exitAt: string;
}

async function created(what: string, r: { status: number; text: string; body: unknown }): Promise<{ id: string }> {
  if (r.status !== 201 && r.status !== 200) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return r.body as { id: string };
}

const HOUR = 3_600_000;

/** The staff and server-room registers of the fixture world, kept by the administrator and approved by the Kepala LPSE. */
export async function buildPeopleWorld(admin: Client, head: Client, now: Date): Promise<PeopleWorld> {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const staff = await created("staff member", await admin.post("/api/v1/operations/staff", { name: "Staf Satu", nip: null, position: "Pranata Komputer", serviceRole: "Helpdesk", ndaSignedOn: null, contractEndsOn: null }));
  const training = await created("training", await admin.post("/api/v1/operations/trainings", { title: "Pelatihan Helpdesk", provider: "LKPP", competence: "helpdesk_service", levelAwarded: 2, startsOn: "2026-01-05", endsOn: "2026-01-06", hours: 16 }));
  const permit = { organisation: "PT Mitra", purpose: "Pemeliharaan server", validFrom: at(-HOUR), validUntil: at(24 * HOUR) };
  const pending = await created("permit", await admin.post("/api/v1/operations/server-room/permits", { ...permit, person: "Tamu Satu" }));
  const forVisits = await created("permit", await admin.post("/api/v1/operations/server-room/permits", { ...permit, person: "Tamu Dua" }));
  await created("approval", await head.post(`/api/v1/operations/server-room/permits/${forVisits.id}/approve`, { note: "" }));
  const visit = await created("visit", await admin.post("/api/v1/operations/server-room/visits", { permitId: forVisits.id, escort: "Admin", badgeNumber: "T-1", enteredAt: at(-60_000), devices: [] }));
  return { staffId: staff.id, trainingId: training.id, permitId: pending.id, visitPermitId: forVisits.id, visitId: visit.id, entryAt: at(-30_000), exitAt: at(0) };
}
