import type * as repo from "./server-room.repository.js";
import { permitStatus } from "./server-room.rules.js";
import type { Permit, Visit } from "./server-room.schemas.js";

export function presentPermit(p: repo.PermitRow, now: string): Permit {
  return {
    id: p.id,
    person: p.person,
    organisation: p.organisation,
    purpose: p.purpose,
    validFrom: p.valid_from,
    validUntil: p.valid_until,
    requestedBy: { id: p.requested_by, name: p.requester_name },
    requestedAt: p.requested_at,
    approvedBy: p.approved_by ? { id: p.approved_by, name: p.approver_name ?? "" } : null,
    approvedAt: p.approved_at,
    approvalNote: p.approval_note,
    revokedAt: p.revoked_at,
    revokedReason: p.revoked_reason,
    status: permitStatus(p, now),
  };
}

export function presentVisit(v: repo.VisitRow, devices: repo.DeviceRow[]): Visit {
  return {
    id: v.id,
    permit: { id: v.permit_id, person: v.person, organisation: v.organisation, purpose: v.purpose },
    escort: v.escort,
    badgeNumber: v.badge_number,
    enteredAt: v.entered_at,
    exitedAt: v.exited_at,
    open: v.exited_at === null,
    devices: devices
      .filter((d) => d.visit_id === v.id)
      .map((d) => ({ id: d.id, description: d.description, serialNumber: d.serial_number, direction: d.direction, recordedAt: d.recorded_at })),
  };
}
