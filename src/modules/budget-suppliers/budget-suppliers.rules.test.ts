import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharePercent, slaMet } from "./budget-suppliers.rules.js";

describe("budget and SLA rules", () => {
  it("gives the realised share to one decimal from exact sen, rounding half up", () => {
    expect(sharePercent(0n, 0n)).toBe(0);
    expect(sharePercent(3_000_000_000n, 12_000_000_000n)).toBe(25);
    expect(sharePercent(1n, 3n)).toBe(33.3);
    expect(sharePercent(2n, 3n)).toBe(66.7);
    expect(sharePercent(1n, 2000n)).toBe(0.1);
    expect(sharePercent(12_000_000_000n, 12_000_000_000n)).toBe(100);
  });

  it("keeps the share between 0 and 100 and never lowers it when more is realised", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 9_007_199_254_740_991n }), fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 1_000_000n }), (planned, a, b) => {
        const less = (planned * (a < b ? a : b)) / 1_000_000n;
        const more = (planned * (a < b ? b : a)) / 1_000_000n;
        const [low, high] = [sharePercent(less, planned), sharePercent(more, planned)];
        return low >= 0 && high <= 100 && low <= high;
      }),
    );
  });

  it("meets an uptime target at or above it and a response-time target at or below it", () => {
    expect(slaMet(99_500n, 99_500n, "at_least")).toBe(true);
    expect(slaMet(99_499n, 99_500n, "at_least")).toBe(false);
    expect(slaMet(4_000n, 4_000n, "at_most")).toBe(true);
    expect(slaMet(4_001n, 4_000n, "at_most")).toBe(false);
  });
});
