import type { Client } from "../support/client.js";

/** The budget and supplier registers of the fixture world: a 2026 line with one realisation, an ISP with an uptime target. */
export interface BudgetSuppliersWorld {
  year: string;
  lineId: string;
  supplierId: string;
  targetId: string;
}

async function created<T>(what: string, r: { status: number; body: unknown; text: string }): Promise<T> {
  if (r.status !== 201) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return r.body as T;
}

export async function buildBudgetSuppliersWorld(admin: Client, assetId: string): Promise<BudgetSuppliersWorld> {
  const line = await created<{ id: string }>("budget line", await admin.post("/api/v1/budget/lines", { year: 2026, component: "internet", description: "Bandwidth 100 Mbps", planned: "120000000", assetId }));
  await created("realisation", await admin.post(`/api/v1/budget/lines/${line.id}/realisations`, { realisedOn: "2026-06-30", amount: "30000000", description: "Triwulan II", reference: "SP2D 00123/LS/2026" }));
  const supplier = await created<{ id: string; targets: { id: string }[] }>(
    "supplier",
    await admin.post("/api/v1/suppliers", {
      name: "PT Telkom Indonesia", service: "isp", contractNumber: "027/SPK/LPSE/2026", contractStartsOn: "2026-01-01", contractEndsOn: "2026-12-31", contact: "0351-123456",
      assetIds: [assetId], targets: [{ metric: "Uptime", target: "99.5", unit: "%", direction: "at_least" }],
    }),
  );
  return { year: "2026", lineId: line.id, supplierId: supplier.id, targetId: supplier.targets[0]?.id as string };
}

/** Path parameters of the budget and supplier routes. */
export function budgetSuppliersParams(w: BudgetSuppliersWorld): Record<string, string> {
  return { year: w.year, lineId: w.lineId, supplierId: w.supplierId };
}
