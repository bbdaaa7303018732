import type { AppDeps } from "../server/app.js";
import { actorOf } from "../modules/auth/session.hook.js";
import * as repo from "../modules/budget-suppliers/budget-suppliers.repository.js";
import * as budget from "../modules/budget-suppliers/budget-suppliers.service.js";
import { addDays } from "../modules/operations-registers/operations-registers.presenter.js";
import { findUserById, unsafeFindUserByEmail } from "../modules/users/users.repository.js";

type Deps = Pick<AppDeps, "database" | "clock">;

/**
 * The budget and supplier registers of the demo LPSE (Kota Madiun): last fiscal year planned, realised and
 * closed; this year's lines with a realisation to date; the ISP (uptime at least 99.5%) reviewed for a quarter in
 * which it missed the target, and a data-centre contract ending within the alert window.
 */
export async function seedDemoBudgetSuppliers(deps: Deps, adminEmail: string): Promise<void> {
  const db = deps.database.db;
  const row = await unsafeFindUserByEmail(db, adminEmail);
  const user = row ? await findUserById(db, row.id) : undefined;
  if (!user) throw new Error("demo budget needs the demo administrator");
  const admin = actorOf(user, "demo");
  const today = await budget.today(db, deps.clock.now());
  const year = Number(today.slice(0, 4));
  const asset = async (code: string) => (await repo.findAssetByCode(db, code))?.id ?? null;
  const network = await asset("SV-NET-01");
  const server = await asset("HW-SRV-01");

  const lastYear = year - 1;
  const lastInternet = await budget.addLine(deps, admin, { year: lastYear, component: "internet", description: "Langganan internet 100 Mbps Diskominfo", planned: "114000000", assetId: network });
  await budget.addRealisation(deps, admin, lastInternet, { realisedOn: `${lastYear}-06-30`, amount: "57000000", description: "Semester I", reference: `SP2D 00412/LS/${lastYear}` });
  await budget.addRealisation(deps, admin, lastInternet, { realisedOn: `${lastYear}-12-15`, amount: "57000000", description: "Semester II", reference: `SP2D 01377/LS/${lastYear}` });
  const lastTraining = await budget.addLine(deps, admin, { year: lastYear, component: "training", description: "Pelatihan pengelola pengadaan", planned: "25000000", assetId: null });
  await budget.addRealisation(deps, admin, lastTraining, { realisedOn: `${lastYear}-09-10`, amount: "22500000", description: "Bimbingan teknis SPSE", reference: `SP2D 00958/LS/${lastYear}` });
  await budget.closeYear(deps, admin, lastYear);

  const internet = await budget.addLine(deps, admin, { year, component: "internet", description: "Langganan internet 100 Mbps Diskominfo", planned: "120000000", assetId: network });
  await budget.addRealisation(deps, admin, internet, { realisedOn: today, amount: "60000000", description: "Semester I", reference: `SP2D 00488/LS/${year}` });
  await budget.addLine(deps, admin, { year, component: "staff", description: "Honorarium pengelola LPSE", planned: "96000000", assetId: null });
  await budget.addLine(deps, admin, { year, component: "maintenance", description: "Pemeliharaan server dan UPS", planned: "35000000", assetId: server });
  const servers = await budget.addLine(deps, admin, { year, component: "servers", description: "Server aplikasi cadangan", planned: "185000000", assetId: null });
  await budget.addRealisation(deps, admin, servers, { realisedOn: today, amount: "178500000.50", description: "Pengadaan server melalui e-purchasing", reference: `SP2D 00731/LS/${year}` });
  await budget.addLine(deps, admin, { year, component: "licences", description: "Lisensi sistem operasi server basis data", planned: "18000000", assetId: null });

  const isp = await budget.addSupplier(deps, admin, {
    name: "PT Telkom Indonesia Witel Madiun", service: "isp", contractNumber: `027/045/SPK/401.301/${year}`, contractStartsOn: `${year}-01-01`, contractEndsOn: `${year}-12-31`,
    contact: "Account manager Witel Madiun, (0351) 462000", assetIds: network ? [network] : [],
    targets: [{ metric: "Uptime", target: "99.5", unit: "%", direction: "at_least" }, { metric: "Waktu respons gangguan", target: "4", unit: "jam", direction: "at_most" }],
  });
  const targets = await repo.listTargets(db, [isp]);
  const uptime = targets.find((t) => t.metric === "Uptime")?.id as string;
  const response = targets.find((t) => t.metric !== "Uptime")?.id as string;
  await budget.addReview(deps, admin, isp, {
    periodFrom: addDays(today, -120), periodTo: addDays(today, -30), rating: 3, notes: "Putus serat optik dua kali; penanganan cepat tetapi uptime di bawah target.",
    measurements: [{ targetId: uptime, measured: "99.21" }, { targetId: response, measured: "3.5" }],
  });
  await budget.addSupplier(deps, admin, {
    name: "CV Solusi Jaringan", service: "hardware_maintenance", contractNumber: `027/112/SPK/401.301/${year}`, contractStartsOn: addDays(today, -300), contractEndsOn: addDays(today, 45),
    contact: "Teknisi, 0812-3456-7890", assetIds: server ? [server] : [],
    targets: [{ metric: "Waktu respons kerusakan", target: "8", unit: "jam", direction: "at_most" }],
  });
}
