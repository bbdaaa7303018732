import type { Actor } from "../../server/actor.js";
import { canManageAgencies } from "../orgs/orgs.policy.js";
import { canEditSettings } from "../settings/settings.policy.js";
import { canListUsers } from "../users/users.policy.js";
import type { Me } from "./auth.schemas.js";

/** The caller as the web app sees it, with the policies it uses to show only allowed actions. */
export function presentMe(actor: Actor, agencyName: string | null): Me {
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    agencyId: actor.agencyId,
    agencyName,
    vendorId: actor.vendorId,
    permissions: {
      manageAgencies: canManageAgencies(actor),
      manageUsers: canListUsers(actor),
      manageSettings: canEditSettings(actor),
      viewEventLog: true,
    },
  };
}
