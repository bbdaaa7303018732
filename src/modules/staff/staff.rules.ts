import type { Competence } from "./staff-enums.js";

export interface Cell {
  competence: Competence;
  requiredLevel: number;
  currentLevel: number;
}

/** The gap of one cell: how far the current level is below the required one (0 when met). */
export function gapOf(cell: { requiredLevel: number; currentLevel: number }): number {
  return Math.max(0, cell.requiredLevel - cell.currentLevel);
}

/**
 * The level after a training attendance: a pass raises the current level to the level the training awards,
 * never lowers it; a fail changes nothing.
 */
export function levelAfterAttendance(current: number, awarded: number, passed: boolean): number {
  return passed ? Math.max(current, awarded) : current;
}

/** Per competence: the people assessed, those with a gap, and the sum of the gaps (the gap report). */
export function gapReport<P extends { staffId: string; name: string }>(cells: (Cell & P)[], competences: readonly Competence[]) {
  return competences.map((competence) => {
    const assessed = cells.filter((c) => c.competence === competence);
    const people = assessed.map((c) => ({ staffId: c.staffId, name: c.name, requiredLevel: c.requiredLevel, currentLevel: c.currentLevel, gap: gapOf(c) })).filter((p) => p.gap > 0);
    return { competence, staffAssessed: assessed.length, staffWithGap: people.length, totalGap: people.reduce((sum, p) => sum + p.gap, 0), people };
  });
}
