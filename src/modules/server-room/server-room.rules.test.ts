import { describe, expect, it } from "vitest";
import { isOwnRequest } from "./server-room.policy.js";
import { permitStatus, refusalAtEntry } from "./server-room.rules.js";

const permit = { approved_at: "2026-11-25T02:00:00.000Z", revoked_at: null, valid_from: "2026-11-26T01:00:00.000Z", valid_until: "2026-11-26T10:00:00.000Z" };

describe("server-room permit rules", () => {
  it("admits entry only inside the approved, unrevoked window (bounds included)", () => {
    expect(refusalAtEntry(permit, permit.valid_from)).toBeNull();
    expect(refusalAtEntry(permit, permit.valid_until)).toBeNull();
    expect(refusalAtEntry(permit, "2026-11-26T00:59:59.999Z")?.en).toContain("not yet valid");
    expect(refusalAtEntry(permit, "2026-11-26T10:00:00.001Z")?.en).toContain("expired");
    expect(refusalAtEntry({ ...permit, approved_at: null }, "2026-11-26T05:00:00.000Z")?.en).toContain("not approved");
    expect(refusalAtEntry({ ...permit, revoked_at: "2026-11-26T04:00:00.000Z" }, "2026-11-26T05:00:00.000Z")?.en).toContain("revoked");
  });

  it("derives the status from approval, revocation and the time now", () => {
    expect(permitStatus(permit, "2026-11-26T00:00:00.000Z")).toBe("scheduled");
    expect(permitStatus(permit, "2026-11-26T05:00:00.000Z")).toBe("active");
    expect(permitStatus(permit, "2026-11-26T11:00:00.000Z")).toBe("expired");
    expect(permitStatus({ ...permit, approved_at: null }, "2026-11-26T05:00:00.000Z")).toBe("pending");
    expect(permitStatus({ ...permit, revoked_at: "2026-11-26T04:00:00.000Z" }, "2026-11-26T05:00:00.000Z")).toBe("revoked");
  });

  it("never lets the requester approve their own permit", () => {
    const actor = { id: "u1", name: "Kepala", email: "k@x", role: "kepala_lpse" as const, agencyId: null, vendorId: null, sessionId: "s" };
    expect(isOwnRequest(actor, { requested_by: "u1" })).toBe(true);
    expect(isOwnRequest(actor, { requested_by: "u2" })).toBe(false);
  });
});
