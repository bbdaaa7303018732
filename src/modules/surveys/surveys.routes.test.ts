import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.js";
import type { Client } from "../../../test/support/client.js";
import { buildUser, buildVendor, loginAs, type TestUser } from "../../../test/support/factories.js";
import { expectProblem } from "../../../test/support/problems.js";
import type { Improvement } from "./improvements.schemas.js";
import type { Survey } from "./surveys.schemas.js";

/** The test clock: 10:00 WIB on Friday 27 November 2026. */
const NOW = new Date("2026-11-27T03:00:00.000Z");

const QUESTIONS = [
  { unsur: "persyaratan", text: "Bagaimana kesesuaian persyaratan pendaftaran penyedia?" },
  { unsur: "prosedur", text: "Bagaimana kemudahan prosedur layanan LPSE?" },
  { unsur: "perilaku", text: "Bagaimana kesopanan dan keramahan petugas?" },
];
const survey = (overrides: Record<string, unknown> = {}) => ({ title: "Survei Kepuasan Pengguna 2026", periodFrom: "2026-11-01", periodTo: "2026-12-31", questions: QUESTIONS, ...overrides });

describe("satisfaction surveys and improvement requests", () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;
  let helpdesk: Client;
  let vendorUser: TestUser;
  let vendor: Client;
  let otherVendor: Client;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    admin = await loginAs(t, await buildUser(t, "admin_ppe"));
    head = await loginAs(t, await buildUser(t, "kepala_lpse"));
    helpdesk = await loginAs(t, await buildUser(t, "helpdesk"));
    vendorUser = await buildVendor(t);
    vendor = await loginAs(t, vendorUser);
    otherVendor = await loginAs(t, await buildVendor(t));
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  /** The tokens in the links mailed to an address, newest last. */
  async function tokensMailedTo(email: string): Promise<string[]> {
    const rows = await t.deps.database.db.selectFrom("mail_outbox").select(["text_body", "created_at"]).where("to_address", "=", email).orderBy("created_at").execute();
    return rows.flatMap((r) => [...r.text_body.matchAll(/\/survei\/isi\?token=([\w-]+)/g)].map((m) => m[1] as string));
  }

  it("lets only the administrator create and send; the head reads; others are refused", async () => {
    expectProblem(await t.client().get("/api/v1/surveys"), 401, "UNAUTHENTICATED");
    expectProblem(await t.client().post("/api/v1/surveys", survey()), 401, "UNAUTHENTICATED");
    expectProblem(await admin.post("/api/v1/surveys", survey({ questions: [{ unsur: "rasa", text: "Pertanyaan tanpa unsur" }] })), 400, "VALIDATION_FAILED", "body.questions.0.unsur");
    expectProblem(await admin.post("/api/v1/surveys", survey({ periodTo: "2026-10-01" })), 400, "VALIDATION_FAILED", "body.periodTo");
    for (const outsider of [helpdesk, vendor]) {
      expectProblem(await outsider.get("/api/v1/surveys"), 403, "FORBIDDEN");
      expectProblem(await outsider.post("/api/v1/surveys", survey()), 403, "FORBIDDEN");
    }
    expectProblem(await head.post("/api/v1/surveys", survey()), 403, "FORBIDDEN");
    expect((await head.get("/api/v1/surveys")).status).toBe(200);
  });

  it("sends one single-use link per recipient; answers are counted, anonymous and give the IKM", async () => {
    const created = await admin.post<Survey>("/api/v1/surveys", survey());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", recipients: 0, responses: 0, ikm: null, policies: { send: true, close: false } });
    const id = created.body.id;

    const before = await t.deps.database.db.selectFrom("mail_outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expectProblem(await admin.post(`/api/v1/surveys/${id}/send`, { vendors: false, roles: [] }), 400, "VALIDATION_FAILED", "body.roles");
    expectProblem(await admin.post(`/api/v1/surveys/${id}/send`, { vendors: false, roles: ["vendor"] }), 400, "VALIDATION_FAILED", "body.roles.0");
    expect(await t.deps.database.db.selectFrom("mail_outbox").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).toEqual(before);
    expectProblem(await head.post(`/api/v1/surveys/${id}/send`, { vendors: true, roles: [] }), 403, "FORBIDDEN");

    const sent = await admin.post<Survey>(`/api/v1/surveys/${id}/send`, { vendors: true, roles: ["helpdesk"] });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe("open");
    expect(sent.body.recipients).toBeGreaterThanOrEqual(3);
    expectProblem(await admin.post(`/api/v1/surveys/${id}/send`, { vendors: true, roles: [] }), 409, "CONFLICT");
    // Only the hash of a token is stored.
    const [token] = await tokensMailedTo(vendorUser.email);
    expect(token).toBeDefined();
    const stored = await t.deps.database.db.selectFrom("survey_invitations").select("token_hash").where("survey_id", "=", id).execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);

    const anonymous = t.client();
    const form = await anonymous.get<{ questions: unknown[]; scale: { min: number; max: number } }>(`/api/v1/survey-form?token=${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ questions: QUESTIONS, scale: { min: 1, max: 4 } });
    expectProblem(await anonymous.get("/api/v1/survey-form?token=nope"), 404, "NOT_FOUND", "query.token");

    expectProblem(await anonymous.post("/api/v1/survey-form", { token, scores: [4, 5, 3] }), 400, "VALIDATION_FAILED", "body.scores.1");
    expectProblem(await anonymous.post("/api/v1/survey-form", { token, scores: [4, 0, 3] }), 400, "VALIDATION_FAILED", "body.scores.1");
    expectProblem(await anonymous.post("/api/v1/survey-form", { token, scores: [4, 3] }), 400, "VALIDATION_FAILED", "body.scores");
    expectProblem(await anonymous.post("/api/v1/survey-form", { token: "unknown-token", scores: [4, 3, 3] }), 404, "NOT_FOUND", "body.token");
    expect((await admin.get<Survey>(`/api/v1/surveys/${id}`)).body.responses).toBe(0);

    const answered = await anonymous.post("/api/v1/survey-form", { token, scores: [4, 3, 3], comment: "Proses verifikasi cepat" });
    expect(answered.status).toBe(201);
    expectProblem(await anonymous.post("/api/v1/survey-form", { token, scores: [1, 1, 1] }), 409, "CONFLICT", "body.token");
    expectProblem(await anonymous.get(`/api/v1/survey-form?token=${token}`), 409, "CONFLICT", "query.token");

    const results = await head.get<Survey>(`/api/v1/surveys/${id}`);
    expect(results.body).toMatchObject({ responses: 1, averages: [4, 3, 3], ikm: 83.33, category: "B", comments: ["Proses verifikasi cepat"], policies: { send: false, close: false } });
    expect(results.body.responseRate).toBeCloseTo(1 / results.body.recipients, 3);
    // Anonymous: nothing in the results names a recipient.
    expect(JSON.stringify(results.body)).not.toContain(vendorUser.email);

    // Closed surveys refuse the remaining links.
    const closed = await admin.post<Survey>(`/api/v1/surveys/${id}/close`);
    expect(closed.body.status).toBe("closed");
    const helpdeskEmail = (await t.deps.database.db.selectFrom("users").select("email").where("role", "=", "helpdesk").executeTakeFirstOrThrow()).email;
    const [helpdeskToken] = await tokensMailedTo(helpdeskEmail);
    expectProblem(await anonymous.post("/api/v1/survey-form", { token: helpdeskToken, scores: [4, 4, 4] }), 409, "CONFLICT", "body.token");
    expect((await admin.get<Survey>(`/api/v1/surveys/${id}`)).body.responses).toBe(1);
  });

  it("takes improvement requests from any user; staff triage and the requester reads the answer", async () => {
    expectProblem(await t.client().post("/api/v1/improvement-requests", { title: "Unggah dokumen", description: "Mohon batas unggah dinaikkan" }), 401, "UNAUTHENTICATED");
    expectProblem(await vendor.post("/api/v1/improvement-requests", { title: "Unggah", description: "" }), 400, "VALIDATION_FAILED", "body.description");
    const filed = await vendor.post<Improvement>("/api/v1/improvement-requests", { title: "Batas ukuran unggah dokumen", description: "Mohon batas ukuran unggah dokumen kualifikasi dinaikkan menjadi 50 MB." });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: "received", response: null, next: [] });
    const id = filed.body.id;

    expectProblem(await otherVendor.get(`/api/v1/improvement-requests/${id}`), 404, "NOT_FOUND");
    expect((await otherVendor.get<{ items: Improvement[] }>("/api/v1/improvement-requests")).body.items.some((i) => i.id === id)).toBe(false);
    expectProblem(await vendor.post(`/api/v1/improvement-requests/${id}/status`, { status: "under_review" }), 403, "FORBIDDEN");

    expectProblem(await helpdesk.post(`/api/v1/improvement-requests/${id}/status`, { status: "done" }), 409, "CONFLICT", "body.status");
    const review = await helpdesk.post<Improvement>(`/api/v1/improvement-requests/${id}/status`, { status: "under_review", response: "Sedang dikaji tim teknis" });
    expect(review.body).toMatchObject({ status: "under_review", next: ["planned", "declined"] });
    expectProblem(await admin.post(`/api/v1/improvement-requests/${id}/status`, { status: "declined", response: "" }), 400, "VALIDATION_FAILED", "body.response");
    expect((await vendor.get<Improvement>(`/api/v1/improvement-requests/${id}`)).body.status).toBe("under_review");
    await admin.post(`/api/v1/improvement-requests/${id}/status`, { status: "planned", response: "Dijadwalkan pada pembaruan Desember" });

    const own = await vendor.get<Improvement>(`/api/v1/improvement-requests/${id}`);
    expect(own.body).toMatchObject({ status: "planned", response: "Dijadwalkan pada pembaruan Desember" });
    const inbox = await t.deps.database.db.selectFrom("notifications").select("kind").where("user_id", "=", vendorUser.id).where("kind", "=", "improvement.status").execute();
    expect(inbox.length).toBe(2);
  });
});
