import { randomBytes, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.js";
import { createAgency } from "../../src/modules/orgs/orgs.service.js";
import { isAgencyRole, requiresSecondFactor, type Role } from "../../src/modules/users/roles.js";
import { updateUser } from "../../src/modules/users/users.repository.js";
import { createUser } from "../../src/modules/users/users.service.js";
import { insertVendor } from "../../src/modules/vendors/vendors.repository.js";
import type { TestApp, TestContext } from "./app.js";
import type { Client } from "./client.js";

export const TEST_PASSWORD = "Rahasia#Kuat2026";

function suffix(): string {
  return randomBytes(4).toString("hex");
}

export async function buildAgency(t: TestContext, overrides: Partial<{ code: string; name: string; kind: "dinas" | "badan" }> = {}) {
  const s = suffix();
  return createAgency(t.deps.database.db, null, { code: `OPD-${s}`, name: `Dinas Uji ${s}`, kind: "dinas", ...overrides }, t.clock.now());
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  agencyId: string | null;
  totpSecret: string | null;
}

/** A user of the given role; agency roles get a fresh agency unless one is given; 2FA roles are enrolled. */
export async function buildUser(t: TestContext, role: Role, overrides: Partial<{ agencyId: string; email: string; name: string }> = {}): Promise<TestUser> {
  const agencyId = isAgencyRole(role) ? (overrides.agencyId ?? (await buildAgency(t)).id) : undefined;
  const email = overrides.email ?? `${role}.${suffix()}@uji.test`;
  const user = await createUser(t.deps.database.db, null, { name: overrides.name ?? `Pengguna ${role}`, email, role, agencyId, password: TEST_PASSWORD }, t.clock.now());
  let totpSecret: string | null = null;
  if (requiresSecondFactor(role)) {
    totpSecret = newTotpSecret();
    await updateUser(t.deps.database.db, user.id, { totp_secret: totpSecret, totp_enrolled_at: t.clock.now().toISOString() });
  }
  return { id: user.id, email, password: TEST_PASSWORD, role, agencyId: agencyId ?? null, totpSecret };
}

/** An account already enrolled in the authenticator with the given secret, as after its first login (browser tests log in with its codes). */
export async function createEnrolledUser(db: TestContext["deps"]["database"]["db"], input: Parameters<typeof createUser>[2], totpSecret: string, now: Date): Promise<string> {
  const user = await createUser(db, null, input, now);
  await updateUser(db, user.id, { totp_secret: totpSecret, totp_enrolled_at: now.toISOString() });
  return user.id;
}

/** The current code; moves the clock one TOTP step first, since a used code cannot be replayed. */
export function nextTotp(t: TestApp, secret: string): string {
  t.clock.advance(30_000);
  return totpCode(secret, t.clock.now());
}

/** A client logged in as the user, through the real login endpoints. */
export async function loginAs(t: TestApp, user: TestUser): Promise<Client> {
  const client = t.client();
  const r = await client.post<{ status: string }>("/api/v1/auth/login", { email: user.email, password: user.password });
  expect(r.status, r.text).toBe(200);
  if (r.body.status === "totp_required") {
    if (!user.totpSecret) throw new Error("user has no TOTP secret");
    const second = await client.post("/api/v1/auth/totp", { code: nextTotp(t, user.totpSecret) });
    expect(second.status, second.text).toBe(200);
  }
  return client;
}

/** A vendor company in the given status with one user; verified unless said otherwise. */
export async function buildVendor(t: TestContext, status: "draft" | "submitted" | "verified" | "rejected" = "verified", name = `CV Uji ${suffix()}`): Promise<TestUser & { vendorId: string }> {
  const vendorId = randomUUID();
  const at = t.clock.now().toISOString();
  const npwp = String(Math.floor(Math.random() * 1e15)).padStart(15, "0");
  await insertVendor(t.deps.database.db, { id: vendorId, name, business_form: "CV", npwp, status, verified_at: status === "verified" ? at : null, created_at: at, updated_at: at });
  const email = `vendor.${suffix()}@uji.test`;
  const user = await createUser(t.deps.database.db, null, { name: `Direktur ${name}`, email, role: "vendor", vendorId, password: TEST_PASSWORD }, t.clock.now());
  return { id: user.id, email, password: TEST_PASSWORD, role: "vendor", agencyId: null, totpSecret: null, vendorId };
}
