import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { canEditSettings, canViewSettings } from "./settings.policy.js";
import { listHolidays } from "./settings.repository.js";
import { HolidayListSchema, HolidayParamsSchema, HolidayQuerySchema, HolidaySchema, LpseSettingsSchema } from "./settings.schemas.js";
import * as service from "./settings.service.js";

export function settingsRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get("/api/v1/settings", { schema: { tags: ["settings"], summary: "LPSE settings", response: { 200: LpseSettingsSchema } } }, async (request) => {
    authorize(canViewSettings(requireActor(request)));
    return service.getSettings(db);
  });

  app.put(
    "/api/v1/settings",
    { schema: { tags: ["settings"], summary: "Replace the LPSE settings", body: LpseSettingsSchema, response: { 200: LpseSettingsSchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canEditSettings(actor));
      return service.updateSettings(db, actor, request.body, deps.clock.now());
    },
  );

  // The holiday calendar is public: vendors need it to read schedules and deadlines.
  app.get(
    "/api/v1/holidays",
    { schema: { tags: ["settings"], summary: "National holidays and cuti bersama (public)", querystring: HolidayQuerySchema, response: { 200: HolidayListSchema } } },
    async (request) => ({ items: await listHolidays(db, request.query.year) }),
  );

  app.post(
    "/api/v1/holidays",
    { schema: { tags: ["settings"], summary: "Add a holiday", body: HolidaySchema, response: { 201: HolidaySchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canEditSettings(actor));
      return reply.status(201).send(await service.addHoliday(db, actor, request.body, deps.clock.now()));
    },
  );

  app.delete(
    "/api/v1/holidays/:date",
    { schema: { tags: ["settings"], summary: "Remove a holiday", params: HolidayParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canEditSettings(actor));
      await service.removeHoliday(db, actor, request.params.date, deps.clock.now());
      return reply.status(204).send(null);
    },
  );
}
