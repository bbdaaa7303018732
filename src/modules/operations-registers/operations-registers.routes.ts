import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import type { Actor } from "../../server/actor.js";
import { capacityReport, presentSample } from "./capacity.report.js";
import { canManageOperations, canReadOperations } from "./operations-registers.policy.js";
import { presentGrant, presentPatch, presentScan, presentScanSummary } from "./operations-registers.presenter.js";
import * as repo from "./operations-registers.repository.js";
import {
  AccessGrantInputSchema,
  AccessGrantListSchema,
  AccessGrantSchema,
  AccessReviewInputSchema,
  AccessReviewListSchema,
  AccessReviewSchema,
  CapacityReportQuerySchema,
  CapacityReportSchema,
  FindingParamsSchema,
  FindingStatusInputSchema,
  GrantParamsSchema,
  PatchInputSchema,
  PatchListSchema,
  PatchSchema,
  RevokeInputSchema,
  SampleListSchema,
  SamplesQuerySchema,
  ScanInputSchema,
  ScanListSchema,
  ScanParamsSchema,
  ScanSchema,
} from "./operations-registers.schemas.js";
import * as service from "./operations-registers.service.js";

const tags = ["operations-registers"];
const BASE = "/api/v1/operations";
/** Recent samples shown by default: a day at the default 15-minute interval. */
const DEFAULT_SAMPLE_LIMIT = 96;

/** Capacity (standard 7), server access (standard 10), patches and vulnerability scans (standard 11). */
export function operationsRegistersRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const reader = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canReadOperations(actor));
    return actor;
  };
  const manager = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canManageOperations(actor));
    return actor;
  };
  const grantOut = async (id: string) => {
    const { today, reviewDays } = await service.today(db, deps.clock.now());
    return presentGrant((await repo.findGrant(db, id)) as repo.GrantRow, today, reviewDays);
  };
  const scanOut = async (id: string) => {
    const scan = await service.loadScan(db, id);
    return presentScan(scan, await repo.listFindings(db, [id]), (await service.today(db, deps.clock.now())).today);
  };

  app.get(`${BASE}/capacity/samples`, { schema: { tags, summary: "Recent capacity samples, newest first, with the thresholds each breaches", querystring: SamplesQuerySchema, response: { 200: SampleListSchema } } }, async (request) => {
    reader(request);
    return { items: (await repo.listRecentSamples(db, request.query.limit ?? DEFAULT_SAMPLE_LIMIT)).map(presentSample) };
  });

  app.get(`${BASE}/capacity/report`, { schema: { tags, summary: "Monthly capacity report: peaks, p95, threshold breaches, database growth", querystring: CapacityReportQuerySchema, response: { 200: CapacityReportSchema } } }, async (request) => {
    reader(request);
    return capacityReport(db, request.query.month);
  });

  app.get(`${BASE}/access-grants`, { schema: { tags, summary: "Server and system access grants, with expired grants and overdue reviews flagged", response: { 200: AccessGrantListSchema } } }, async (request) => {
    reader(request);
    const { today, reviewDays } = await service.today(db, deps.clock.now());
    return { items: (await repo.listGrants(db)).map((g) => presentGrant(g, today, reviewDays)), reviewDays, today };
  });

  app.post(`${BASE}/access-grants`, { schema: { tags, summary: "Record who was given access to which server or system", body: AccessGrantInputSchema, response: { 201: AccessGrantSchema } } }, async (request, reply) => {
    const id = await service.recordGrant(deps, manager(request), request.body);
    return reply.status(201).send(await grantOut(id));
  });

  app.post(`${BASE}/access-grants/:grantId/revoke`, { schema: { tags, summary: "End a grant (it stays in the register as revoked)", params: GrantParamsSchema, body: RevokeInputSchema, response: { 200: AccessGrantSchema } } }, async (request) => {
    await service.revokeGrant(deps, manager(request), request.params.grantId, request.body);
    return grantOut(request.params.grantId);
  });

  app.get(`${BASE}/access-reviews`, { schema: { tags, summary: "Periodic access reviews with their keep or revoke decisions", response: { 200: AccessReviewListSchema } } }, async (request) => {
    reader(request);
    return { items: await service.listReviews(db) };
  });

  app.post(`${BASE}/access-reviews`, { schema: { tags, summary: "Record an access review: keep or revoke per grant (revoking ends the grant)", body: AccessReviewInputSchema, response: { 201: AccessReviewSchema } } }, async (request, reply) => {
    const id = await service.recordReview(deps, manager(request), request.body);
    const review = (await service.listReviews(db)).find((r) => r.id === id);
    if (!review) throw new Error(`access review ${id} was not stored`);
    return reply.status(201).send(review);
  });

  app.get(`${BASE}/patches`, { schema: { tags, summary: "Patches and updates applied, newest first", response: { 200: PatchListSchema } } }, async (request) => {
    reader(request);
    return { items: (await repo.listPatches(db)).map(presentPatch) };
  });

  app.post(`${BASE}/patches`, { schema: { tags, summary: "Record a patch applied to a system", body: PatchInputSchema, response: { 201: PatchSchema } } }, async (request, reply) =>
    reply.status(201).send(presentPatch(await service.recordPatch(deps, manager(request), request.body))),
  );

  app.get(`${BASE}/scans`, { schema: { tags, summary: "Vulnerability scans with findings by severity and overdue remediation", response: { 200: ScanListSchema } } }, async (request) => {
    reader(request);
    const scans = await repo.listScans(db);
    const findings = await repo.listFindings(db, scans.map((s) => s.id));
    const { today } = await service.today(db, deps.clock.now());
    return { items: scans.map((s) => presentScanSummary(s, findings.filter((f) => f.scan_id === s.id), today)) };
  });

  app.post(`${BASE}/scans`, { schema: { tags, summary: "Record a vulnerability scan and its findings with remediation due dates", body: ScanInputSchema, response: { 201: ScanSchema } } }, async (request, reply) => {
    const id = await service.recordScan(deps, manager(request), request.body);
    return reply.status(201).send(await scanOut(id));
  });

  app.get(`${BASE}/scans/:scanId`, { schema: { tags, summary: "A vulnerability scan with its findings", params: ScanParamsSchema, response: { 200: ScanSchema } } }, async (request) => {
    reader(request);
    return scanOut(request.params.scanId);
  });

  app.post(
    `${BASE}/scans/:scanId/findings/:findingId`,
    { schema: { tags, summary: "Update a finding's remediation status", params: FindingParamsSchema, body: FindingStatusInputSchema, response: { 200: ScanSchema } } },
    async (request) => {
      await service.updateFindingStatus(deps, manager(request), request.params.scanId, request.params.findingId, request.body);
      return scanOut(request.params.scanId);
    },
  );
}
