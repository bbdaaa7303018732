import type { Role } from "../../src/modules/users/roles.js";
import type { Rule } from "./access-table.js";

// Built here rather than with access-table.ts's `roles`, which imports this file (a cycle at load time).
const roles = (...allowed: Role[]): Rule => ({ describe: allowed.join(", "), allows: (p) => p.role !== null && allowed.includes(p.role) });

const COMPLIANCE_MANAGERS = roles("admin_ppe");
const COMPLIANCE_READERS = roles("admin_ppe", "kepala_lpse", "auditor");

/** The compliance registers (standards 1.3 and 16): the administrator keeps them; the Kepala LPSE and auditors read (compliance.policy.ts). */
export const COMPLIANCE_ACCESS: Record<string, Rule> = {
  "GET /api/v1/compliance/regulations": COMPLIANCE_READERS,
  "POST /api/v1/compliance/regulations": COMPLIANCE_MANAGERS,
  "GET /api/v1/compliance/regulations/{regulationId}": COMPLIANCE_READERS,
  "PUT /api/v1/compliance/regulations/{regulationId}": COMPLIANCE_MANAGERS,
  "GET /api/v1/compliance/licences": COMPLIANCE_READERS,
  "POST /api/v1/compliance/licences": COMPLIANCE_MANAGERS,
  "GET /api/v1/compliance/licences/{softwareLicenceId}": COMPLIANCE_READERS,
  "PUT /api/v1/compliance/licences/{softwareLicenceId}": COMPLIANCE_MANAGERS,
  "POST /api/v1/compliance/licences/{softwareLicenceId}/installations": COMPLIANCE_MANAGERS,
  "DELETE /api/v1/compliance/licences/{softwareLicenceId}/installations/{installationId}": COMPLIANCE_MANAGERS,
};
