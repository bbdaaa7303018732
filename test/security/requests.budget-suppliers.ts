import type { World } from "./world.js";

interface Op {
  key: string;
}

/** Example bodies of the budget and supplier routes (ids of the fixture world), or undefined for other operations. */
export function budgetSuppliersBody(op: Op, world: World): unknown {
  const w = world.budgetSuppliers;
  switch (op.key) {
    case "POST /api/v1/budget/lines":
      return { year: 2026, component: "servers", description: "Server cadangan", planned: "85000000", assetId: world.registers.assetId };
    case "POST /api/v1/budget/lines/{lineId}/realisations":
      return { realisedOn: "2026-09-30", amount: "1000000", description: "Triwulan III", reference: "SP2D 00200/LS/2026" };
    case "POST /api/v1/suppliers":
      return {
        name: "PT Pusat Data Madiun", service: "data_centre", contractNumber: "028/SPK/LPSE/2026", contractStartsOn: "2026-01-01", contractEndsOn: "2027-12-31", contact: "0351-654321",
        assetIds: [], targets: [{ metric: "Uptime", target: "99.9", unit: "%", direction: "at_least" }],
      };
    case "POST /api/v1/suppliers/{supplierId}/reviews":
      return { periodFrom: "2026-07-01", periodTo: "2026-09-30", rating: 4, notes: "Baik", measurements: [{ targetId: w.targetId, measured: "99.7" }] };
    default:
      return undefined;
  }
}
