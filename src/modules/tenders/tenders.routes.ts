import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { findAssignment } from "../packages/assignment.repository.js";
import { loadVisiblePackage } from "../packages/package-access.js";
import { presentPackage } from "../packages/packages.presenter.js";
import { findPackage, listHpsItems } from "../packages/packages.repository.js";
import { PackageParamsSchema, PackageSchema } from "../packages/packages.schemas.js";
import { getSettings } from "../settings/settings.service.js";
import { publicationContext } from "./publication-context.js";
import { publishTender, reserveTenderCode, SEALED_BID_METHODS } from "./publication.service.js";
import { CeremonySchema, PublishInputSchema } from "../bids/bids.schemas.js";
import { draftCeremonyView } from "../bids/keys.service.js";
import { AppError } from "../../server/errors.js";
import { currentStage, flowOf, presentStage } from "./schedule.rules.js";
import { setSchedule } from "./schedule.service.js";
import { canRunSelection } from "./tenders.policy.js";
import { proposalStart, proposeSchedule } from "./schedule.propose.js";
import { holidayDates, listScheduleChanges, readSchedule } from "./tenders.repository.js";
import { ScheduleInputSchema, ScheduleSchema } from "./tenders.schemas.js";

export function tenderRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  /** The schedule with the stage derived from it at the server's current time. */
  const scheduleView = async (packageId: string) => {
    const windows = await readSchedule(db, packageId);
    const now = deps.clock.now();
    const changes = await listScheduleChanges(db, packageId);
    return {
      stages: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
      current: presentStage(currentStage(windows, now)),
      serverTime: now.toISOString(),
      timeZone: (await getSettings(db)).timeZone,
      changes: changes.map((c) => ({ changedAt: c.changed_at, reasonKind: c.reason_kind, reasonText: c.reason_text })),
    };
  };

  app.get(
    "/api/v1/packages/:packageId/schedule",
    { schema: { tags: ["tenders"], summary: "The tender schedule and its current stage", params: PackageParamsSchema, response: { 200: ScheduleSchema } } },
    async (request) => {
      const { row } = await loadVisiblePackage(db, requireActor(request), request.params.packageId);
      return scheduleView(row.id);
    },
  );

  app.get(
    "/api/v1/packages/:packageId/schedule/proposal",
    {
      schema: {
        tags: ["tenders"],
        summary: "The shortest schedule from a date that meets the LPSE's calendar and stage minimums (a starting point for the Pokja)",
        params: PackageParamsSchema,
        querystring: z.strictObject({ start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
        response: { 200: z.object({ stages: z.array(z.object({ stage: z.string(), startsAt: z.string(), endsAt: z.string() })) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const pkg = await loadVisiblePackage(db, actor, request.params.packageId);
      authorize(canRunSelection(actor, pkg));
      const settings = await getSettings(db);
      const holidays = new Set((await holidayDates(db)).map((h) => h.date));
      const windows = proposeSchedule(proposalStart(request.query.start, deps.clock.now(), settings), settings, holidays, flowOf(pkg.row.qualification));
      return { stages: windows.map((w) => ({ stage: w.stage, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })) };
    },
  );

  app.put(
    "/api/v1/packages/:packageId/schedule",
    { schema: { tags: ["tenders"], summary: "Set the stages (the Pokja); after publication only with a reason", params: PackageParamsSchema, body: ScheduleInputSchema, response: { 200: ScheduleSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const pkg = await loadVisiblePackage(db, actor, request.params.packageId);
      authorize(canRunSelection(actor, pkg));
      await setSchedule(db, actor, pkg.row.id, request.body, deps.clock.now(), publicationContext(deps.config));
      return scheduleView(pkg.row.id);
    },
  );

  /** The committee's draft package that publication would make a sealed-bid tender. */
  const loadSealedDraft = async (request: { params: { packageId: string } } & Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    const pkg = await loadVisiblePackage(db, actor, request.params.packageId);
    authorize(canRunSelection(actor, pkg));
    if (!SEALED_BID_METHODS.includes(pkg.row.method)) {
      throw new AppError("CONFLICT", { id: "Metode ini tidak memakai penawaran tersegel", en: "This method takes no sealed bids" });
    }
    return { actor, pkg };
  };

  app.get(
    "/api/v1/packages/:packageId/key-ceremony",
    {
      schema: {
        tags: ["bids"],
        summary: "Before publication: who will hold a share of the tender key (the committee, and the head of the LPSE for the escrow share), their opening keys, the default threshold, the reserved tender code (committee)",
        params: PackageParamsSchema,
        response: { 200: CeremonySchema },
      },
    },
    async (request) => {
      const { pkg } = await loadSealedDraft(request);
      return draftCeremonyView(db, pkg.row.id);
    },
  );

  app.post(
    "/api/v1/packages/:packageId/tender-code",
    {
      schema: {
        tags: ["tenders"],
        summary: "Reserve the tender code before publication, so the key ceremony can bind the shares to it (committee; the same code when asked again)",
        params: PackageParamsSchema,
        response: { 200: z.object({ tenderCode: z.string() }) },
      },
    },
    async (request) => {
      const { actor, pkg } = await loadSealedDraft(request);
      if (pkg.row.status !== "draft") throw new AppError("CONFLICT", { id: `Tender sudah diumumkan dengan kode ${pkg.row.tender_code}`, en: `The tender is already published as ${pkg.row.tender_code}` });
      return { tenderCode: await reserveTenderCode(db, actor, pkg.row.id, deps.clock.now()) };
    },
  );

  app.post(
    "/api/v1/packages/:packageId/publish",
    {
      schema: {
        tags: ["tenders"],
        summary: "Publish the tender: it gets its public code, and a sealed-bid tender its key from the ceremony run in the publishing member's browser (the Pokja)",
        params: PackageParamsSchema,
        body: PublishInputSchema.nullish(),
        response: { 200: PackageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const pkg = await loadVisiblePackage(db, actor, request.params.packageId);
      authorize(canRunSelection(actor, pkg));
      await publishTender(db, actor, pkg.row.id, deps.clock.now(), publicationContext(deps.config), { tenderKey: request.body?.tenderKey ?? null });
      const row = await findPackage(db, pkg.row.id);
      if (!row) throw new Error("package vanished after publication");
      return presentPackage(row, await listHpsItems(db, row.id), await findAssignment(db, row.id));
    },
  );
}
