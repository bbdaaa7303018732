import type { Message } from "../../server/errors.js";

interface PermitState {
  approved_at: string | null;
  revoked_at: string | null;
  valid_from: string;
  valid_until: string;
}

/** A permit's status at `now` (ISO UTC; times compare as text). */
export function permitStatus(p: PermitState, now: string): "pending" | "scheduled" | "active" | "expired" | "revoked" {
  if (p.revoked_at !== null) return "revoked";
  if (p.valid_until < now) return "expired";
  if (p.approved_at === null) return "pending";
  return p.valid_from > now ? "scheduled" : "active";
}

/**
 * Why a permit does not admit a visit entering at `at`, or null when it does: it must be approved, not
 * revoked, and `at` must fall within its validity window.
 */
export function refusalAtEntry(p: PermitState, at: string): Message | null {
  if (p.revoked_at !== null) return { id: "izin sudah dicabut", en: "the permit has been revoked" };
  if (p.approved_at === null) return { id: "izin belum disetujui Kepala LPSE", en: "the permit is not approved by the Kepala LPSE yet" };
  if (at < p.valid_from) return { id: "izin belum berlaku pada waktu masuk", en: "the permit is not yet valid at the entry time" };
  if (at > p.valid_until) return { id: "izin sudah kedaluwarsa pada waktu masuk", en: "the permit has expired at the entry time" };
  return null;
}
