import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { LOGIN_RATE_LIMIT } from "../auth/auth.routes.js";
import { SetupBodySchema } from "./setup.schemas.js";
import { runSetup } from "./setup.service.js";

export function setupRoutes(app: Api, deps: AppDeps): void {
  app.post(
    "/api/v1/setup",
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: { tags: ["setup"], summary: "First-run setup: name the LPSE and create the first Admin PPE (only while none exists)", body: SetupBodySchema, response: { 201: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      await runSetup(deps.database.db, request.body, deps.clock.now());
      return reply.status(201).send({ ok: true as const });
    },
  );
}
