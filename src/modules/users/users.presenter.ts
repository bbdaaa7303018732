import type { Role } from "./roles.js";
import type { UserWithAgency } from "./users.repository.js";
import type { UserView } from "./users.schemas.js";

/** Never the password hash or the TOTP secret. */
export function presentUser(row: UserWithAgency): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    status: row.status,
    totpEnrolled: row.totp_enrolled_at !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}
