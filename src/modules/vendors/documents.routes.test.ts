import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);

describe("vendor documents", () => {
  let t: TestApp;
  let vendor: TestUser & { vendorId: string };
  let client: Client;

  beforeAll(async () => {
    t = await createTestApp();
    vendor = await buildVendor(t, "draft");
    client = await loginAs(t, vendor);
  });
  afterAll(() => t.close());

  async function upload(c: Client, bytes: Buffer, name: string, kind = "akta_pendirian", vendorId = vendor.vendorId) {
    return c.raw("POST", `/api/v1/vendors/${vendorId}/documents?kind=${kind}&name=${encodeURIComponent(name)}`, {
      payload: bytes,
      headers: { "content-type": "application/octet-stream", "x-csrf-token": await c.csrfToken() },
    });
  }

  it("stores a PDF streamed to disk with its hash, and serves it back", async () => {
    const r = await upload(client, PDF, "Akta Pendirian CV.pdf");
    expect(r.status, r.text).toBe(201);
    const list = await client.get<{ items: { id: string; contentType: string; sha256: string; size: number }[] }>(`/api/v1/vendors/${vendor.vendorId}/documents`);
    expect(list.body.items[0]).toMatchObject({ contentType: "application/pdf", size: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });
    const download = await client.raw("GET", `/api/v1/vendors/${vendor.vendorId}/documents/${list.body.items[0]?.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe('attachment; filename="Akta_Pendirian_CV.pdf"');
    expect(download.text).toBe(PDF.toString());
    const verifier = await loginAs(t, await buildUser(t, "verifikator"));
    expect((await verifier.get(`/api/v1/vendors/${vendor.vendorId}/documents`)).status).toBe(200);
  });

  it("reads the type from the content, not the name, and refuses what is not a PDF or an image", async () => {
    const before = await t.deps.eventLog.size();
    const disguised = expectProblem(await upload(client, PNG, "scan.pdf"), 415, "UNSUPPORTED_MEDIA_TYPE", "body");
    expect(disguised.messages.en).toBe("The content is image/png, but the name says application/pdf");
    const program = expectProblem(await upload(client, ELF, "npwp.pdf"), 415, "UNSUPPORTED_MEDIA_TYPE", "body");
    expect(program.messages.en).toContain("not a PDF, PNG or JPEG");
    expectProblem(await upload(client, PDF, "setup.exe"), 400, "VALIDATION_FAILED", "query.name");
    expectProblem(await upload(client, PDF, "akta.pdf", "rahasia"), 400, "VALIDATION_FAILED", "query.kind");
    expect((await upload(client, PNG, "ktp.png", "ktp_direktur")).status).toBe(201);
    expect(await t.deps.eventLog.size()).toBe(before + 1);
  });

  it("enforces the size limit from the settings while streaming", async () => {
    const admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    const settings = (await admin.get<Record<string, unknown>>("/api/v1/settings")).body;
    expect((await admin.put("/api/v1/settings", { ...settings, uploadLimits: { vendorDocumentMegabytes: 1, bidMegabytes: 500 } })).status).toBe(200);
    const before = await t.deps.eventLog.size();
    const big = Buffer.concat([PDF, Buffer.alloc(1_100_000)]);
    const r = expectProblem(await upload(client, big, "akta-besar.pdf"), 413, "PAYLOAD_TOO_LARGE", "body");
    expect(r.messages.id).toContain("1 MB");
    expect(await t.deps.eventLog.size()).toBe(before);
  });

  it("keeps documents private to the vendor and the LPSE staff who need them", async () => {
    const other = await loginAs(t, await buildVendor(t));
    expectProblem(await other.get(`/api/v1/vendors/${vendor.vendorId}/documents`), 404, "NOT_FOUND");
    expectProblem(await upload(other, PDF, "akta.pdf", "akta_pendirian"), 404, "NOT_FOUND");
    const ppk = await loginAs(t, await buildUser(t, "ppk"));
    expectProblem(await ppk.get(`/api/v1/vendors/${vendor.vendorId}/documents`), 403, "FORBIDDEN");
    expectProblem(await client.get(`/api/v1/vendors/${vendor.vendorId}/documents/..%2F..%2Fetc%2Fpasswd/content`), 400, "VALIDATION_FAILED", "params.documentId");
  });
});
