import type { Role } from "../../src/modules/users/roles.js";
import type { Rule } from "./access-table.js";

// Built here rather than with access-table.ts's `roles`, which imports this file (a cycle at load time).
const roles = (...allowed: Role[]): Rule => ({ describe: allowed.join(", "), allows: (p) => p.role !== null && allowed.includes(p.role) });

const MANAGERS = roles("admin_ppe");
const READERS = roles("admin_ppe", "kepala_lpse", "auditor");

/**
 * The staff register (standard 8) and the server-room register (standard 9): the administrator keeps them,
 * the Kepala LPSE approves permits, the Kepala LPSE and auditors read (staff.policy.ts, server-room.policy.ts).
 */
export const PEOPLE_ACCESS: Record<string, Rule> = {
  "GET /api/v1/operations/staff": READERS,
  "POST /api/v1/operations/staff": MANAGERS,
  "PUT /api/v1/operations/staff/{staffId}/competences": MANAGERS,
  "GET /api/v1/operations/competences/gaps": READERS,
  "GET /api/v1/operations/certificates": READERS,
  "POST /api/v1/operations/certificates": MANAGERS,
  "GET /api/v1/operations/trainings": READERS,
  "POST /api/v1/operations/trainings": MANAGERS,
  "POST /api/v1/operations/trainings/{trainingId}/attendance": MANAGERS,
  "GET /api/v1/operations/server-room/permits": READERS,
  "POST /api/v1/operations/server-room/permits": MANAGERS,
  "POST /api/v1/operations/server-room/permits/{permitId}/approve": roles("kepala_lpse"),
  "POST /api/v1/operations/server-room/permits/{permitId}/revoke": roles("admin_ppe", "kepala_lpse"),
  "GET /api/v1/operations/server-room/visits": READERS,
  "POST /api/v1/operations/server-room/visits": MANAGERS,
  "POST /api/v1/operations/server-room/visits/{visitId}/exit": MANAGERS,
};
