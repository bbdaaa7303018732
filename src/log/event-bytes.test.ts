import { describe, expect, it } from "vitest";
import { eventBytes, eventLeafHash, type LogEventHeader } from "./event-bytes.js";
import { toHex } from "./merkle.js";

const header: LogEventHeader = {
  index: 41,
  time: "2026-11-26T07:15:00.000Z",
  actorId: "u-1",
  type: "agency.created",
  subjectType: "agency",
  subjectId: "a-9",
  payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  visibility: "public",
};

describe("event bytes", () => {
  it("are the canonical JSON of the header with a format version", () => {
    expect(new TextDecoder().decode(eventBytes(header))).toBe(
      '{"actorId":"u-1","index":41,"payloadHash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",' +
        '"subjectId":"a-9","subjectType":"agency","time":"2026-11-26T07:15:00.000Z","type":"agency.created","v":1,"visibility":"public"}',
    );
  });

  it("hash to a pinned leaf, so an accidental change of encoding cannot slip through", () => {
    // Cross-checked outside Node: sha256(b"\x00" + the bytes above).
    expect(toHex(eventLeafHash(header))).toBe("59c474b9af7f8b1a33a82c3210a138d54cfccd39e41e924224d5657456aa4d3e");
  });

  it("keep nulls for the system actor and subject-less events", () => {
    const text = new TextDecoder().decode(eventBytes({ ...header, actorId: null, subjectType: null, subjectId: null }));
    expect(text).toContain('"actorId":null');
    expect(text).toContain('"subjectId":null,"subjectType":null');
  });

  it("ignore anything beyond the header, such as a stored row's payload and leaf hash", () => {
    const row = { ...header, payload: "{}", leafHash: "00".repeat(32) };
    expect(toHex(eventLeafHash(row))).toBe(toHex(eventLeafHash(header)));
  });

  it("change with every field, including the index", () => {
    const base = toHex(eventLeafHash(header));
    const variants: Partial<LogEventHeader>[] = [
      { index: 42 },
      { time: "2026-11-26T07:15:00.001Z" },
      { actorId: "u-2" },
      { type: "agency.updated" },
      { subjectType: "user" },
      { subjectId: "a-8" },
      { payloadHash: "0".repeat(64) },
      { visibility: "internal" },
    ];
    const hashes = variants.map((v) => toHex(eventLeafHash({ ...header, ...v })));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });
});
