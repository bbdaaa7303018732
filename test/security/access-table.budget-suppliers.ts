import type { Role } from "../../src/modules/users/roles.js";
import type { Rule } from "./access-table.js";

/**
 * The budget (standard 13) and supplier (standard 14) registers: the LPSE administrator keeps them; the Kepala
 * LPSE and auditors read (budget-suppliers.policy.ts). `roles` comes as an argument to keep this file out of an
 * import cycle with access-table.ts.
 */
export function budgetSuppliersAccess(roles: (...allowed: Role[]) => Rule): Record<string, Rule> {
  const MANAGERS = roles("admin_ppe");
  const READERS = roles("admin_ppe", "kepala_lpse", "auditor");
  return {
    "GET /api/v1/budget/years": READERS,
    "GET /api/v1/budget/years/{year}": READERS,
    "POST /api/v1/budget/years/{year}/close": MANAGERS,
    "POST /api/v1/budget/lines": MANAGERS,
    "GET /api/v1/budget/lines/{lineId}": READERS,
    "POST /api/v1/budget/lines/{lineId}/realisations": MANAGERS,
    "GET /api/v1/suppliers": READERS,
    "POST /api/v1/suppliers": MANAGERS,
    "GET /api/v1/suppliers/{supplierId}": READERS,
    "POST /api/v1/suppliers/{supplierId}/reviews": MANAGERS,
  };
}
