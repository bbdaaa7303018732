import type { ImprovementStatus } from "./improvements.schemas.js";

/** received → under review → planned or declined; planned → done. Declined and done are final. */
export const IMPROVEMENT_TRANSITIONS: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  received: ["under_review", "declined"],
  under_review: ["planned", "declined"],
  planned: ["done"],
  declined: [],
  done: [],
};

export function mayMove(from: ImprovementStatus, to: ImprovementStatus): boolean {
  return IMPROVEMENT_TRANSITIONS[from].includes(to);
}

/** Declining must say why: the requester is owed a reason. */
export function needsResponse(to: ImprovementStatus): boolean {
  return to === "declined";
}
