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
import { publishTender } from "./publication.service.js";
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

  app.post(
    "/api/v1/packages/:packageId/publish",
    { schema: { tags: ["tenders"], summary: "Publish the tender: it gets its public code (the Pokja)", params: PackageParamsSchema, response: { 200: PackageSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const pkg = await loadVisiblePackage(db, actor, request.params.packageId);
      authorize(canRunSelection(actor, pkg));
      await publishTender(db, actor, pkg.row.id, deps.clock.now(), publicationContext(deps.config));
      const row = await findPackage(db, pkg.row.id);
      if (!row) throw new Error("package vanished after publication");
      return presentPackage(row, await listHpsItems(db, row.id), await findAssignment(db, row.id));
    },
  );
}
