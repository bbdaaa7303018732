import type { Actor } from "../../server/actor.js";
import { IMPROVEMENT_TRANSITIONS } from "./improvements.rules.js";
import type { Improvement } from "./improvements.schemas.js";
import { canTriageImprovements } from "./surveys.policy.js";
import type { ImprovementWithRequester } from "./surveys.repository.js";

export function presentImprovement(row: ImprovementWithRequester, actor: Actor): Improvement {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    response: row.response,
    requester: { id: row.requester_id, name: row.requester_name, role: row.requester_role },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    next: canTriageImprovements(actor) ? [...IMPROVEMENT_TRANSITIONS[row.status]] : [],
  };
}
