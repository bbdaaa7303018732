import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import { requireActor } from "../auth/session.hook.js";
import type { Role } from "./roles.js";
import { AppError } from "../../server/errors.js";
import { canCreateUser, canListUsers, canManageUser, canSeeUser } from "./users.policy.js";
import { presentUser } from "./users.presenter.js";
import { listUsers } from "./users.repository.js";
import { CreateUserSchema, UserListQuerySchema, UserListSchema, UserParamsSchema, UserSchema } from "./users.schemas.js";
import * as service from "./users.service.js";

export function userRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/v1/users",
    { schema: { tags: ["users"], summary: "List user accounts (an agency administrator sees its own agency)", querystring: UserListQuerySchema, response: { 200: UserListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canListUsers(actor));
      const scopeAgencyId = actor.role === "admin_ppe" ? undefined : (actor.agencyId ?? "none");
      const rows = await listUsers(db, { ...request.query, scopeAgencyId });
      return { items: rows.map(presentUser) };
    },
  );

  app.post(
    "/api/v1/users",
    { schema: { tags: ["users"], summary: "Create a staff account", body: CreateUserSchema, response: { 201: UserSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canCreateUser(actor, { role: request.body.role, agencyId: request.body.agencyId ?? null }));
      const user = await service.createUser(db, actor, request.body, deps.clock.now());
      return reply.status(201).send(presentUser(user));
    },
  );

  const actions = [
    ["disable", "disable", "Disable an account and end its sessions"],
    ["enable", "enable", "Enable an account and clear its lockout"],
    ["reset-second-factor", "reset_second_factor", "Reset the second factor: the user enrolls again at next login"],
    ["revoke-sessions", "revoke_sessions", "End every session of the account (a stolen laptop): the user logs in again"],
  ] as const;
  for (const [path, change, summary] of actions) {
    app.post(
      `/api/v1/users/:userId/${path}`,
      { schema: { tags: ["users"], summary, params: UserParamsSchema, response: { 200: UserSchema } } },
      async (request) => {
        const actor = requireActor(request);
        authorize(canListUsers(actor));
        const target = await service.getUser(db, request.params.userId);
        // Accounts outside the caller's scope are not acknowledged to exist.
        if (!canSeeUser(actor, { agencyId: target.agency_id })) throw new AppError("NOT_FOUND", { id: "Pengguna tidak ditemukan", en: "User not found" });
        authorize(canManageUser(actor, { id: target.id, role: target.role as Role, agencyId: target.agency_id }));
        return presentUser(await service.changeUser(db, actor, target.id, change, deps.clock.now()));
      },
    );
  }
}
