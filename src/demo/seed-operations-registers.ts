import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import { takeCapacitySample } from "../modules/operations-registers/capacity.sampler.js";
import { addDays } from "../modules/operations-registers/operations-registers.presenter.js";
import * as repo from "../modules/operations-registers/operations-registers.repository.js";
import * as ops from "../modules/operations-registers/operations-registers.service.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const SAMPLE_INTERVAL_MS = 15 * 60_000;
const DEMO_SAMPLES = 4;

/**
 * The operations registers of the demo LPSE: the last hour's capacity samples (real readings of this machine),
 * server access grants with one review, two patches, and a vulnerability scan with one finding remediated.
 */
export async function seedDemoOperationsRegisters(deps: Deps, adminEmail: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const row = await unsafeFindUserByEmail(deps.database.db, adminEmail);
  const user = row ? await findUserById(deps.database.db, row.id) : undefined;
  if (!user) throw new Error("demo operations registers need the demo administrator");
  const admin = actorOf(user, "demo");

  for (let i = DEMO_SAMPLES - 1; i >= 0; i--) {
    await takeCapacitySample({ ...deps, clock: { now: () => new Date(now - i * SAMPLE_INTERVAL_MS) } }, (DEMO_SAMPLES - i) * 3_500_000);
  }

  const { today } = await ops.today(deps.database.db, deps.clock.now());
  const ago = (days: number) => addDays(today, -days);
  const app = await ops.recordGrant(deps, admin, { person: user.name, system: "Server aplikasi SPSE", level: "root", reason: "Administrator sistem LPSE", grantedBy: "Kepala LPSE", startsOn: ago(200), expiresOn: null });
  await ops.recordGrant(deps, admin, { person: "Rina Kartika", system: "Server basis data", level: "read", reason: "Penyusunan laporan bulanan", grantedBy: "Kepala LPSE", startsOn: ago(150), expiresOn: null });
  await ops.recordGrant(deps, admin, { person: "CV Solusi Jaringan", system: "Perangkat jaringan kantor LPSE", level: "operator", reason: "Kontrak pemeliharaan jaringan", grantedBy: "Kepala LPSE", startsOn: ago(120), expiresOn: ago(10) });
  await ops.recordReview(deps, admin, { reviewedOn: ago(30), notes: "Kaji ulang triwulan", decisions: [{ grantId: app, decision: "keep", note: "Masih bertugas sebagai administrator" }] });

  await ops.recordPatch(deps, admin, { system: "Server aplikasi SPSE", patchId: "Debian 12 pembaruan keamanan kernel", appliedOn: ago(20), appliedBy: user.name, relatedChange: null, notes: "Dipasang di luar jam kerja" });
  await ops.recordPatch(deps, admin, { system: "Server basis data", patchId: "PostgreSQL 16 rilis minor", appliedOn: ago(5), appliedBy: user.name, relatedChange: "Perubahan terjadwal bulan ini", notes: "" });

  const scanId = await ops.recordScan(deps, admin, {
    scannedOn: ago(14),
    tool: "OpenVAS",
    scope: "Aplikasi LPSE dan server basis data",
    findings: [
      { title: "Protokol TLS 1.0 masih diterima", severity: "high", dueOn: ago(7) },
      { title: "Header keamanan HSTS belum dipasang", severity: "medium", dueOn: addDays(today, 14) },
      { title: "Versi perangkat lunak server terlihat", severity: "low", dueOn: addDays(today, 30) },
    ],
  });
  const low = (await repo.listFindings(deps.database.db, [scanId])).find((f) => f.severity === "low");
  if (low) await ops.updateFindingStatus(deps, admin, scanId, low.id, { status: "remediated", note: "Versi disembunyikan pada konfigurasi server web" });
}
