import type { Role } from "../modules/users/roles.js";

/** The authenticated caller, as every policy sees it. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  vendorId: string | null;
  sessionId: string;
}
