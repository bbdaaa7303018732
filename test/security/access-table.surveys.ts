import type { Role } from "../../src/modules/users/roles.js";
import type { Rule } from "./access-table.js";
import type { Principal } from "./world.js";

// The rules are built here rather than imported: access-table.ts spreads this record in, so importing its values
// back would read them before they exist.
const rule = (describe: string, allows: (p: Principal) => boolean): Rule => ({ describe, allows });
const roles = (...allowed: Role[]) => rule(allowed.join(", "), (p) => p.role !== null && allowed.includes(p.role));
const PUBLIC = rule("public", () => true);
const AUTHENTICATED = rule("authenticated", (p) => p.role !== null);

/** Surveys: the administrator creates, sends and closes; the head and auditors read results (surveys.policy.ts). */
const SURVEY_MANAGERS = roles("admin_ppe");
const SURVEY_READERS = roles("admin_ppe", "kepala_lpse", "auditor");
/** Improvement requests: the administrator and the helpdesk triage; the head and auditors read all; a requester reads its own (the fixture request is vendor A's). */
const IMPROVEMENT_TRIAGE = roles("admin_ppe", "helpdesk");
const STAFF_READERS: Role[] = ["admin_ppe", "helpdesk", "kepala_lpse", "auditor"];
const IMPROVEMENT_READERS = rule(`${STAFF_READERS.join(", ")} | the requester (vendor A's user)`, (p) => p.ownerVendor || (p.role !== null && STAFF_READERS.includes(p.role)));

/** LPSE standard 15: satisfaction surveys (with the public answer form) and improvement requests. */
export const SURVEY_ACCESS: Record<string, Rule> = {
  "GET /api/v1/surveys": SURVEY_READERS,
  "POST /api/v1/surveys": SURVEY_MANAGERS,
  "GET /api/v1/surveys/{surveyId}": SURVEY_READERS,
  "POST /api/v1/surveys/{surveyId}/send": SURVEY_MANAGERS,
  "POST /api/v1/surveys/{surveyId}/close": SURVEY_MANAGERS,
  // The personal link is the credential: anyone holding one answers, without an account.
  "GET /api/v1/survey-form": PUBLIC,
  "POST /api/v1/survey-form": PUBLIC,
  "GET /api/v1/improvement-requests": AUTHENTICATED,
  "POST /api/v1/improvement-requests": AUTHENTICATED,
  "GET /api/v1/improvement-requests/{requestId}": IMPROVEMENT_READERS,
  "POST /api/v1/improvement-requests/{requestId}/status": IMPROVEMENT_TRIAGE,
};
