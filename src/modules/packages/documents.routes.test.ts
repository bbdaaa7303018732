import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import { actorOf, buildPublishedTender } from "../../../test/support/tenders.js";
import { joinTender } from "../tenders/participation.service.js";

const KAK = Buffer.from("%PDF-1.5\n% Kerangka Acuan Kerja\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

async function upload(c: Client, packageId: string, name: string, bytes: Buffer = KAK, kind = "kak") {
  return c.raw("POST", `/api/v1/packages/${packageId}/documents?kind=${kind}&name=${encodeURIComponent(name)}`, {
    payload: bytes,
    headers: { "content-type": "application/pdf", "x-csrf-token": await c.csrfToken() },
  });
}

describe("package documents", () => {
  let t: TestApp;
  let tender: Awaited<ReturnType<typeof buildPublishedTender>>;

  let uploadedWhileDraft = 0;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    tender = await buildPublishedTender(t, {}, async (packageId, ppk) => {
      const client = await loginAs(t, ppk);
      const r = await upload(client, packageId, "KAK Gedung Serbaguna.pdf");
      expect(r.status, r.text).toBe(201);
      expectProblem(await upload(client, packageId, "gambar.png", KAK, "gambar"), 415, "UNSUPPORTED_MEDIA_TYPE", "body");
      uploadedWhileDraft += 1;
    });
  });
  afterAll(() => t.close());

  it("lets participants and the committee download the tender's files, nobody else", async () => {
    expect(uploadedWhileDraft).toBe(1);
    // Published: the PPK's files are fixed (changes go through addenda).
    const ppk = await loginAs(t, tender.ppk);
    expectProblem(await upload(ppk, tender.packageId, "Rancangan kontrak.pdf", KAK, "rancangan_kontrak"), 403, "FORBIDDEN");

    const vendor = await buildVendor(t);
    const client = await loginAs(t, vendor);
    expectProblem(await client.get(`/api/v1/tenders/${tender.tenderCode}/files`), 403, "FORBIDDEN");
    await joinTender(t.deps.database.db, { ...actorOf(vendor), vendorId: vendor.vendorId }, tender.tenderCode, new Date("2026-12-01T03:00:00Z"));
    const files = await client.get<{ items: { id: string; kind: string; contentType: string }[] }>(`/api/v1/tenders/${tender.tenderCode}/files`);
    expect(files.body.items).toEqual([expect.objectContaining({ kind: "kak", contentType: "application/pdf" })]);
    const download = await client.raw("GET", `/api/v1/tenders/${tender.tenderCode}/files/${files.body.items[0]?.id}/content`);
    expect(download.status).toBe(200);
    expect(download.text).toBe(KAK.toString());
    // Version 0 of the tender document names the files as published, by their hashes, as the log does.
    const versions = await client.get<{ items: { version: number; kind: string; content: string }[] }>(`/api/v1/tenders/${tender.tenderCode}/documents`);
    const sha256 = createHash("sha256").update(KAK).digest("hex");
    expect(versions.body.items).toEqual([expect.objectContaining({ version: 0, kind: "dokumen_pemilihan", content: `KAK Gedung Serbaguna.pdf (kak, ${KAK.length} bytes, SHA-256 ${sha256})` })]);
    const published = await t.deps.database.db.selectFrom("events").select("payload").where("type", "=", "tender.published").executeTakeFirstOrThrow();
    expect(JSON.parse(published.payload).documents).toEqual([{ kind: "kak", name: "KAK Gedung Serbaguna.pdf", sha256 }]);
    const member = await loginAs(t, tender.pokja[0] as (typeof tender.pokja)[number]);
    expect((await member.get<{ items: unknown[] }>(`/api/v1/tenders/${tender.tenderCode}/files`)).body.items).toHaveLength(1);
    const outsider = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await outsider.get(`/api/v1/packages/${tender.packageId}/documents`), 404, "NOT_FOUND");
  });
});
