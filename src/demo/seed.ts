import { randomUUID } from "node:crypto";
import { appendEvent } from "../log/event-log.js";
import { newTotpSecret } from "../modules/auth/totp.js";
import { createAgency, createWorkUnit } from "../modules/orgs/orgs.service.js";
import { readSetting, writeSetting } from "../modules/settings/settings.repository.js";
import { addHoliday, getSettings, updateSettings } from "../modules/settings/settings.service.js";
import { seedDemoHelpdesk } from "./seed-helpdesk.js";
import { seedDemoRegisters } from "./seed-registers.js";
import { seedDemoOperationsRegisters } from "./seed-operations-registers.js";
import { seedDemoStaffAndServerRoom } from "./seed-staff-and-server-room.js";
import { seedDemoBudgetSuppliers } from "./seed-budget-suppliers.js";
import { seedDemoSurveys } from "./seed-surveys.js";
import { seedDemoCompliance } from "./seed-compliance.js";
import { requiresSecondFactor } from "../modules/users/roles.js";
import { unsafeFindUserByEmail, updateUser } from "../modules/users/users.repository.js";
import { createUser } from "../modules/users/users.service.js";
import { insertLicence, insertVendor, insertVerification } from "../modules/vendors/vendors.repository.js";
import type { AppDeps } from "../server/app.js";
import { publicationContext } from "../modules/tenders/publication-context.js";
import { seedDemoPeers } from "./seed-peers.js";
import { seedDemoStandards } from "./seed-standards.js";
import { seedDemoTenders } from "./seed-tenders.js";
import { DEMO_HOLIDAYS_2026, DEMO_PASSWORD, DEMO_PROFILE_NAMES, DEMO_PROFILES, DEMO_VENDORS, type DemoProfile, demoAgencies, demoUsers } from "./demo-data.js";
import { seedDemoNgawi } from "./seed-ngawi.js";

const DEMO_MARKER = "demo_seeded_at";

export interface DemoLogin {
  email: string;
  name: string;
  role: string;
  agency: string | null;
  totpSecret: string | null;
}

/**
 * Seed a demo LPSE once (Kota Madiun unless another profile is named); later runs leave the data as the user
 * changed it. Returns whether it seeded.
 */
export async function seedDemo(deps: Pick<AppDeps, "database" | "clock" | "config" | "fileStore">, profile: DemoProfile = "madiun"): Promise<boolean> {
  const db = deps.database.db;
  if (await readSetting(db, DEMO_MARKER)) return false;
  const now = deps.clock.now();
  const users = demoUsers(profile);

  const settings = await getSettings(db);
  await updateSettings(db, null, { ...settings, ...DEMO_PROFILES[profile].lpse }, now);

  const agencyIds = new Map<string, string>();
  for (const a of demoAgencies(profile)) {
    const agency = await createAgency(db, null, { code: a.code, name: a.name, kind: a.kind }, now);
    agencyIds.set(a.code, agency.id);
    for (const [code, name] of a.units) await createWorkUnit(db, null, agency.id, { code, name }, now);
  }

  const vendorIds: string[] = [];
  for (const v of DEMO_VENDORS) {
    const id = randomUUID();
    vendorIds.push(id);
    await db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      await insertVendor(trx, {
        id,
        name: v.name,
        business_form: v.businessForm,
        npwp: v.npwp,
        nib: v.nib,
        pkp: 1,
        address_street: v.street,
        address_city: v.city,
        address_province: "Jawa Timur",
        postal_code: v.postalCode,
        phone: "0351 460000",
        contact_email: `kantor.${v.nib.slice(-1)}@penyedia-madiun.demo`,
        status: "verified",
        submitted_at: at,
        verified_at: at,
        created_at: at,
        updated_at: at,
      });
      await insertLicence(trx, { id: randomUUID(), vendor_id: id, kind: "NIB", number: v.nib, issuer: "OSS RBA", kbli_codes: JSON.stringify(v.kbli), valid_from: "2024-01-02", valid_until: null, created_at: at });
      await appendEvent(trx, { actorId: null, type: "vendor.verified", subject: { type: "vendor", id }, payload: { name: v.name, npwp: v.npwp, source: "demo" }, visibility: "public" }, now);
    });
  }

  for (const u of users) {
    const user = await createUser(
      db,
      null,
      {
        name: u.name,
        email: u.email,
        role: u.role,
        agencyId: u.agencyCode ? agencyIds.get(u.agencyCode) : undefined,
        vendorId: u.vendorIndex !== undefined ? vendorIds[u.vendorIndex] : undefined,
        password: DEMO_PASSWORD,
      },
      now,
    );
    // Pre-enrolled so a newcomer can log in at once with the printed key; real users enroll at first login.
    if (requiresSecondFactor(u.role)) {
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { totp_secret: newTotpSecret(), totp_enrolled_at: now.toISOString() });
        await appendEvent(trx, { actorId: null, type: "user.second_factor_enrolled", subject: { type: "user", id: user.id }, payload: { source: "demo" } }, now);
      });
    }
  }

  // The demo vendors were checked in person by the demo Verifikator: keep that history like a real one.
  const verifier = await unsafeFindUserByEmail(db, users.find((u) => u.role === "verifikator")?.email ?? "");
  if (verifier) {
    for (const vendorId of vendorIds) {
      await insertVerification(db, { id: randomUUID(), vendor_id: vendorId, verifier_id: verifier.id, decision: "approved", mode: "in_person", reason: "Dokumen asli sesuai (data demo)", created_at: now.toISOString() });
    }
  }

  for (const h of DEMO_HOLIDAYS_2026) await addHoliday(db, null, h, now);
  const emailOf = (role: string) => users.find((u) => u.role === role)?.email ?? "";
  if (profile === "ngawi") {
    // Ngawi's installation shows the standards side: its cycles and open findings, and Madiun as its peer.
    await seedDemoNgawi(deps, { head: emailOf("kepala_lpse"), admin: emailOf("admin_ppe"), helpdesk: emailOf("helpdesk"), verifier: emailOf("verifikator") }, now);
    await writeSetting(db, DEMO_MARKER, JSON.stringify(now.toISOString()), now.toISOString());
    return true;
  }
  await seedDemoTenders(db, now, publicationContext(deps.config));
  await seedDemoStandards(db, now);
  await seedDemoPeers(db, deps.fileStore, now);
  await seedDemoHelpdesk(deps, { helpdesk: emailOf("helpdesk"), admin: emailOf("admin_ppe"), vendor: emailOf("vendor") });
  await seedDemoRegisters(deps, { admin: emailOf("admin_ppe"), head: emailOf("kepala_lpse"), helpdesk: emailOf("helpdesk") });
  await seedDemoOperationsRegisters(deps, emailOf("admin_ppe"));
  await seedDemoStaffAndServerRoom(deps, { admin: emailOf("admin_ppe"), head: emailOf("kepala_lpse") });
  await seedDemoBudgetSuppliers(deps, emailOf("admin_ppe"));
  await seedDemoSurveys(deps, { admin: emailOf("admin_ppe"), helpdesk: emailOf("helpdesk"), vendor: emailOf("vendor"), ppk: emailOf("ppk") });
  await seedDemoCompliance(deps, emailOf("admin_ppe"));
  await writeSetting(db, DEMO_MARKER, JSON.stringify(now.toISOString()), now.toISOString());
  return true;
}

/** The demo accounts as they are now in the database (TOTP keys included: demo only). */
export async function demoLogins(deps: Pick<AppDeps, "database">): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const u of DEMO_PROFILE_NAMES.flatMap(demoUsers)) {
    const row = await unsafeFindUserByEmail(deps.database.db, u.email);
    if (!row) continue;
    logins.push({ email: row.email, name: row.name, role: row.role, agency: u.agencyCode ?? null, totpSecret: row.totp_secret });
  }
  return logins;
}

export { DEMO_PASSWORD };
