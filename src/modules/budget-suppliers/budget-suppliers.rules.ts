import type { SLA_DIRECTIONS } from "./budget-suppliers-enums.js";

/** Realised as a percentage of planned, rounded half up to one decimal, from exact sen; 0 when nothing is planned. */
export function sharePercent(realisedSen: bigint, plannedSen: bigint): number {
  if (plannedSen <= 0n) return 0;
  return Number((realisedSen * 2000n + plannedSen) / (2n * plannedSen)) / 10;
}

/** An SLA target is met when the measured value is at least (uptime) or at most (response time) the target. */
export function slaMet(measuredMilli: bigint, targetMilli: bigint, direction: (typeof SLA_DIRECTIONS)[number]): boolean {
  return direction === "at_least" ? measuredMilli >= targetMilli : measuredMilli <= targetMilli;
}
