import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import { canViewDrills } from "./backups.policy.js";
import { presentDrill } from "./backups.presenter.js";
import { listDrills } from "./backups.repository.js";
import { DrillListSchema, DrillQuerySchema } from "./backups.schemas.js";

export function backupRoutes(app: Api, deps: AppDeps): void {
  app.get(
    "/api/v1/operations/drills",
    { schema: { tags: ["operations"], summary: "Restore drills, newest first (read-only evidence for LPSE standard 12)", querystring: DrillQuerySchema, response: { 200: DrillListSchema } } },
    async (request) => {
      authorize(canViewDrills(requireActor(request)));
      return { items: (await listDrills(deps.database.db, request.query.limit)).map(presentDrill) };
    },
  );
}
