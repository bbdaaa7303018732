import { expiryOf } from "../registers/registers.rules.js";
import type * as repo from "./staff.repository.js";
import type { Competence } from "./staff-enums.js";
import { gapOf } from "./staff.rules.js";
import type { Certificate, StaffMember, Training } from "./staff.schemas.js";

/** A staff member with their row of the competence matrix and the training needs it shows. */
export function presentStaff(s: repo.StaffRow, cells: repo.CompetenceRow[], today: string): StaffMember {
  const competences = cells
    .filter((c) => c.staff_id === s.id)
    .map((c) => {
      const cell = { competence: c.competence as Competence, requiredLevel: c.required_level, currentLevel: c.current_level };
      return { ...cell, gap: gapOf(cell) };
    });
  return {
    id: s.id,
    name: s.name,
    nip: s.nip,
    position: s.position,
    serviceRole: s.service_role,
    ndaSignedOn: s.nda_signed_on,
    contractEndsOn: s.contract_ends_on,
    contractEnded: s.contract_ends_on !== null && s.contract_ends_on < today,
    competences,
    trainingNeeds: competences.filter((c) => c.gap > 0),
  };
}

export function presentCertificate(c: repo.CertificateRow, today: string, alertDays: number): Certificate {
  return {
    id: c.id,
    staff: { id: c.staff_id, name: c.staff_name },
    name: c.name,
    issuer: c.issuer,
    number: c.number,
    validUntil: c.valid_until,
    expiry: expiryOf(c.valid_until, today, alertDays),
  };
}

export function presentTraining(t: repo.TrainingRow, attendance: repo.AttendanceRow[]): Training {
  return {
    id: t.id,
    title: t.title,
    provider: t.provider,
    competence: t.competence as Competence,
    levelAwarded: t.level_awarded,
    startsOn: t.starts_on,
    endsOn: t.ends_on,
    hours: t.hours,
    attendance: attendance
      .filter((a) => a.training_id === t.id)
      .map((a) => ({ id: a.id, staff: { id: a.staff_id, name: a.staff_name }, passed: a.passed === 1, result: a.result, levelBefore: a.level_before, levelAfter: a.level_after, recordedAt: a.recorded_at })),
  };
}
