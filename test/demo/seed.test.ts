import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLogins, DEMO_PASSWORD, seedDemo } from "../../src/demo/seed.js";
import { allEvents, allTreeHeads } from "../../src/log/log.repository.js";
import { verifyLog, type StoredEvent } from "../../src/log/verify-chain.js";
import { totpCode } from "../../src/modules/auth/totp.js";
import { requiresSecondFactor, type Role } from "../../src/modules/users/roles.js";
import { helpdeskSlaCompliance } from "../../src/modules/helpdesk/helpdesk.compliance.js";
import { surveyResult } from "../../src/modules/standards/live-evidence.registers.js";
import { createTestApp, type TestApp } from "../support/app.js";

describe("demo data", () => {
  let t: TestApp;
  beforeAll(async () => {
    // A Thursday in WIB office hours.
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    expect(await seedDemo(t.deps)).toBe(true);
  });
  afterAll(() => t.close());

  it("creates the Kota Madiun LPSE with a login for every role, and seeds only once", async () => {
    const logins = await demoLogins(t.deps);
    const roles = new Set(logins.map((l) => l.role));
    for (const role of ["kepala_lpse", "admin_ppe", "admin_agency", "verifikator", "helpdesk", "pa_kpa", "ppk", "pokja", "pejabat_pengadaan", "auditor", "vendor"]) expect(roles).toContain(role);
    for (const l of logins) expect(l.totpSecret !== null, l.email).toBe(requiresSecondFactor(l.role as Role));
    expect(await seedDemo(t.deps)).toBe(false);
    const pub = await t.client().get<{ name: string; timeZone: string }>("/api/v1/public/lpse");
    expect(pub.body).toMatchObject({ name: "LPSE Kota Madiun", timeZone: "WIB" });
  });

  it("lets a demo admin log in with the printed key", async () => {
    const admin = (await demoLogins(t.deps)).find((l) => l.role === "admin_ppe");
    const client = t.client();
    const first = await client.post<{ status: string }>("/api/v1/auth/login", { email: admin?.email, password: DEMO_PASSWORD });
    expect(first.body.status).toBe("totp_required");
    t.clock.advance(30_000);
    expect((await client.post("/api/v1/auth/totp", { code: totpCode(admin?.totpSecret ?? "", t.clock.now()) })).status).toBe(200);
  });

  it("has packages in several stages across agencies, public where published", async () => {
    const packages = await t.deps.database.db.selectFrom("packages").select(["status", "agency_id"]).execute();
    expect(packages.filter((p) => p.status === "published")).toHaveLength(4);
    expect(packages.filter((p) => p.status === "draft")).toHaveLength(2);
    expect(new Set(packages.map((p) => p.agency_id)).size).toBe(3);
    const search = await t.client().get<{ items: { stage: string; name: string }[] }>("/api/v1/public/tenders");
    const stages = search.body.items.map((i) => i.stage);
    expect(new Set(stages).size).toBe(4);
    expect(stages).toContain("belum_dimulai");
    // One prequalified tender is in its qualification round (the stage that opens next, overnight).
    expect(stages.filter((s) => s.endsWith("kualifikasi") || s === "pengumuman_prakualifikasi")).toHaveLength(1);
    const questions = await t.deps.database.db.selectFrom("tender_questions").select("answer").execute();
    expect(questions.length).toBeGreaterThan(0);
  });

  it("has Kota Madiun's signed-off internal assessment meeting 17 of 17, confirmed by LKPP", async () => {
    const cycle = await t.deps.database.db.selectFrom("standard_cycles").selectAll().executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({ period: "2025", status: "signed_off", met_count: 17 });
    const findings = await t.deps.database.db.selectFrom("standard_findings").select("status").execute();
    expect(findings.map((f) => f.status)).toEqual(["verified"]);
    expect(await t.deps.database.db.selectFrom("lkpp_verifications").select("result").where("result", "=", "met").execute()).toHaveLength(17);
  });

  it("has capacity samples, server access grants with a review, patches and a scan with one finding remediated", async () => {
    const db = t.deps.database.db;
    expect(await db.selectFrom("capacity_samples").select("id").execute()).toHaveLength(4);
    const grants = await db.selectFrom("access_grants").select(["last_reviewed_on", "expires_on"]).execute();
    expect(grants).toHaveLength(3);
    expect(grants.filter((g) => g.last_reviewed_on !== null)).toHaveLength(1);
    expect(await db.selectFrom("patch_records").select("id").execute()).toHaveLength(2);
    const findings = await db.selectFrom("vulnerability_findings").select("status").execute();
    expect(findings.map((f) => f.status).sort()).toEqual(["open", "open", "remediated"]);
  });

  it("has staff with a competence gap closed by a training and one still open, and a server-room permit with visits", async () => {
    const db = t.deps.database.db;
    expect(await db.selectFrom("staff_members").select("id").execute()).toHaveLength(4);
    const gaps = await db.selectFrom("staff_competences").select(["competence"]).whereRef("required_level", ">", "current_level").execute();
    expect(gaps.map((g) => g.competence).sort()).toEqual(["information_security", "network_administration"]);
    const attended = await db.selectFrom("training_attendance").select(["level_before", "level_after"]).where("passed", "=", 1).execute();
    expect(attended).toContainEqual({ level_before: 2, level_after: 3 });
    const permits = await db.selectFrom("server_room_permits").select(["approved_by", "requested_by"]).execute();
    expect(permits.filter((p) => p.approved_by !== null && p.approved_by !== p.requested_by)).toHaveLength(1);
    const visits = await db.selectFrom("server_room_visits").select("exited_at").execute();
    expect(visits.map((v) => v.exited_at === null).sort()).toEqual([false, true]);
    expect(await db.selectFrom("server_room_devices").select("id").execute()).toHaveLength(4);
  });

  it("has last year's budget closed, this year's with realisations, and the ISP's review missing its 99.5% uptime target", async () => {
    const db = t.deps.database.db;
    const years = await db.selectFrom("budget_years").select(["year", "closed_at"]).orderBy("year").execute();
    expect(years.map((y) => y.closed_at !== null)).toEqual([true, false]);
    expect(await db.selectFrom("budget_realisations").select("id").execute()).toHaveLength(5);
    const isp = await db.selectFrom("suppliers").select("id").where("service", "=", "isp").executeTakeFirstOrThrow();
    const uptime = await db.selectFrom("supplier_sla_targets").selectAll().where("supplier_id", "=", isp.id).where("metric", "=", "Uptime").executeTakeFirstOrThrow();
    expect(Number(uptime.target_milli)).toBe(99_500);
    const measured = await db.selectFrom("supplier_review_measurements").selectAll().where("target_id", "=", uptime.id).executeTakeFirstOrThrow();
    expect({ measured: Number(measured.measured_milli), met: measured.met }).toEqual({ measured: 99_210, met: 0 });
  });

  it("has a closed satisfaction survey with 12 anonymous answers in grade B, and improvement requests", async () => {
    const db = t.deps.database.db;
    const reading = await surveyResult.read(db, { now: t.clock.now(), period: { from: t.clock.now(), to: t.clock.now() } });
    expect(reading).toMatchObject({ passes: true, value: "IKM 83.33 (B)" });
    expect(await db.selectFrom("survey_responses").select("id").execute()).toHaveLength(12);
    const requests = await db.selectFrom("improvement_requests").select("status").execute();
    expect(requests.map((r) => r.status).sort()).toEqual(["planned", "received"]);
  });

  it("has Kabupaten Ngawi as a peer meeting 11 of 17, with its templates and its study visit to Madiun", async () => {
    const db = t.deps.database.db;
    const peer = await db.selectFrom("lpse_peers").selectAll().executeTakeFirstOrThrow();
    expect(peer).toMatchObject({ name: "LPSE Kabupaten Ngawi" });
    expect(peer.key_id).toMatch(/^[0-9a-f]{64}$/);
    const summary = await db.selectFrom("peer_summaries").selectAll().executeTakeFirstOrThrow();
    expect(summary).toMatchObject({ period: "2025", met_count: 11, standard_count: 17, source: "signed" });
    const gaps = (JSON.parse(summary.standards) as { code: string; met: boolean }[]).filter((s) => !s.met).map((s) => s.code);
    expect(gaps).toEqual(expect.arrayContaining(["S11", "S17"]));
    const templates = await db.selectFrom("standard_templates").select(["peer_id", "title"]).execute();
    expect(templates.filter((x) => x.peer_id === peer.id).length).toBeGreaterThanOrEqual(2);
    expect(templates.filter((x) => x.peer_id === null).map((x) => x.title)).toEqual(["SOP Pemindaian Kerentanan Bulanan"]);
    const visits = await db.selectFrom("study_visits").select(["direction", "standards"]).execute();
    expect(visits).toEqual([{ direction: "incoming", standards: JSON.stringify(["S11", "S17"]) }]);
  });

  it("has helpdesk tickets in several states and channels, and a public FAQ", async () => {
    const tickets = await t.deps.database.db.selectFrom("helpdesk_tickets").select(["status", "channel", "priority"]).execute();
    expect(tickets.map((x) => x.status).sort()).toEqual(["closed", "in_progress", "new", "resolved", "waiting_for_user"]);
    expect(new Set(tickets.map((x) => x.channel))).toEqual(new Set(["web", "phone", "walk_in", "email"]));
    const faq = await t.client().get<{ items: { title: string }[] }>("/api/v1/helpdesk/articles");
    expect(faq.body.items).toHaveLength(4);
    const compliance = await helpdeskSlaCompliance(t.deps.database.db, { from: new Date(t.clock.now().getTime() - 90 * 86_400_000), to: t.clock.now(), now: t.clock.now() });
    // The escalated phone call got only an internal note within its 4 hours (P2): its first response is late.
    expect(compliance).toMatchObject({ tickets: 5, firstResponse: { met: 3, breached: 1, pending: 1 }, resolution: { met: 2, breached: 0, pending: 3 } });
  });

  it("has assets with expiry alerts, risks at each level with mitigation tasks, and changes at each step", async () => {
    const admin = t.client();
    const login = (await demoLogins(t.deps)).find((l) => l.role === "admin_ppe");
    if (!login) throw new Error("no demo administrator");
    expect((await admin.post<{ status: string }>("/api/v1/auth/login", { email: login.email, password: DEMO_PASSWORD })).body.status).toBe("totp_required");
    // A fresh code: the one of the previous login must not be replayed.
    t.clock.advance(30_000);
    expect((await admin.post("/api/v1/auth/totp", { code: totpCode(login.totpSecret ?? "", t.clock.now()) })).status).toBe(200);
    const assets = await admin.get<{ items: { code: string; expiry: { state: string } }[]; alerts: number }>("/api/v1/registers/assets");
    // Five register assets and the two computers the demo licences are installed on.
    expect(assets.body.items).toHaveLength(7);
    expect(assets.body.alerts).toBe(2);
    const risks = await admin.get<{ items: { level: string; score: number }[] }>("/api/v1/registers/risks");
    expect(risks.body.items.map((r) => [r.score, r.level])).toEqual([[72, "tinggi"], [54, "sedang"], [16, "rendah"], [8, "rendah"]]);
    const changes = await t.deps.database.db.selectFrom("register_changes").select("status").where("origin", "=", "manual").execute();
    expect(changes.map((c) => c.status).sort()).toEqual(["approved", "proposed", "reviewed"]);
    const regulations = await admin.get<{ items: { status: string }[]; alerts: number }>("/api/v1/compliance/regulations");
    expect(regulations.body).toMatchObject({ alerts: 2 });
    expect(regulations.body.items.filter((r) => r.status === "replaced")).toHaveLength(1);
    const licences = await admin.get<{ items: unknown[]; overUsed: number; expiryAlerts: number }>("/api/v1/compliance/licences");
    expect(licences.body).toMatchObject({ overUsed: 1, expiryAlerts: 1 });
    expect(licences.body.items).toHaveLength(3);
  });

  it("leaves a log that verifies", async () => {
    await t.deps.eventLog.publishHead(t.clock.now());
    const events: StoredEvent[] = [];
    for await (const e of allEvents(t.deps.database.db)) events.push(e);
    const result = verifyLog(events, await allTreeHeads(t.deps.database.db), t.deps.eventLog.key.publicKey);
    expect(result.ok, JSON.stringify(result.firstProblem)).toBe(true);
    expect(result.eventCount).toBeGreaterThan(80);
  });
});

describe("demo data of Kabupaten Ngawi", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date("2026-11-26T03:00:00Z") });
    expect(await seedDemo(t.deps, "ngawi")).toBe(true);
  });
  afterAll(() => t.close());

  it("is Ngawi's own LPSE: 11 of 17 signed off, an open cycle with open findings on network security and the internal assessment team, Madiun as a peer at 17 of 17", async () => {
    const db = t.deps.database.db;
    const pub = await t.client().get<{ name: string }>("/api/v1/public/lpse");
    expect(pub.body.name).toBe("LPSE Kabupaten Ngawi");
    const cycles = await db.selectFrom("standard_cycles").select(["id", "period", "status", "met_count"]).orderBy("period").execute();
    expect(cycles.map(({ period, status, met_count }) => ({ period, status, met_count }))).toEqual([
      { period: "2025", status: "signed_off", met_count: 11 },
      { period: "2026", status: "open", met_count: null },
    ]);
    const findings = await db.selectFrom("standard_findings").select(["standard_code", "status", "priority"]).where("cycle_id", "=", cycles[1]?.id ?? "").orderBy("standard_code").execute();
    expect(findings).toEqual([
      { standard_code: "S11", status: "open", priority: "high" },
      { standard_code: "S17", status: "open", priority: "high" },
    ]);
    const head = (await demoLogins(t.deps)).find((l) => l.role === "kepala_lpse");
    expect(head?.email).toBe("kepala@lpse-ngawi.demo");
    const client = t.client();
    expect((await client.post<{ status: string }>("/api/v1/auth/login", { email: head?.email, password: DEMO_PASSWORD })).body.status).toBe("totp_required");
    expect((await client.post("/api/v1/auth/totp", { code: totpCode(head?.totpSecret ?? "", t.clock.now()) })).status).toBe(200);
    const comparison = await client.get<{ lpses: { name: string; own: boolean; metCount: number | null }[] }>("/api/v1/standards/comparison");
    expect(comparison.body.lpses.map(({ name, own, metCount }) => ({ name, own, metCount }))).toEqual([
      { name: "LPSE Kabupaten Ngawi", own: true, metCount: 11 },
      { name: "LPSE Kota Madiun", own: false, metCount: 17 },
    ]);
    const actions = await db.selectFrom("study_visit_actions").select("finding_id").execute();
    expect(actions.every((a) => a.finding_id !== null)).toBe(true);
    expect(await db.selectFrom("standard_templates").select("title").orderBy("title").execute()).toEqual([{ title: "SK dan SOP Tim Penilai Internal" }, { title: "SOP Pemindaian Kerentanan Bulanan" }]);
  });
});
