import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import { listUsers } from "../users/users.repository.js";
import { authorize, type Api } from "../../server/http.js";
import type { Actor } from "../../server/actor.js";
import { requireActor } from "../auth/session.hook.js";
import { findAssignment } from "./assignment.repository.js";
import { loadVisiblePackage } from "./package-access.js";
import { assignCommittee } from "./assignment.service.js";
import { canAssignCommittee, canCreatePackage, canEditPackage, canListPackages, packageScopeOf } from "./packages.policy.js";
import { assertNotUnderWay } from "../direct/direct.service.js";
import { presentPackage, presentPackageSummary } from "./packages.presenter.js";
import { listHpsItems, listPackages } from "./packages.repository.js";
import { AssignmentInputSchema, PackageInputSchema, PackageListQuerySchema, PackageListSchema, PackageParamsSchema, PackageSchema } from "./packages.schemas.js";
import * as service from "./packages.service.js";

export function packageRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  const visiblePackage = async (actor: Actor, id: string) => (await loadVisiblePackage(db, actor, id)).row;
  const present = async (row: Awaited<ReturnType<typeof service.getPackage>>, items?: Awaited<ReturnType<typeof listHpsItems>>) =>
    presentPackage(row, items ?? (await listHpsItems(db, row.id)), await findAssignment(db, row.id));

  app.get(
    "/api/v1/packages",
    { schema: { tags: ["packages"], summary: "Packages of the caller's agency (all, for the LPSE administrator and auditors)", querystring: PackageListQuerySchema, response: { 200: PackageListSchema } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(canListPackages(actor));
      const rows = await listPackages(db, { ...packageScopeOf(actor), fiscalYear: request.query.fiscalYear });
      return { items: rows.map(presentPackageSummary) };
    },
  );

  app.post(
    "/api/v1/packages",
    { schema: { tags: ["packages"], summary: "Create a package with its HPS breakdown (PPK)", body: PackageInputSchema, response: { 201: PackageSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canCreatePackage(actor));
      const { row, items } = await service.createPackage(db, actor, request.body, deps.clock.now());
      return reply.status(201).send(await present(row, items));
    },
  );

  app.get(
    "/api/v1/packages/:packageId",
    { schema: { tags: ["packages"], summary: "A package with its HPS items", params: PackageParamsSchema, response: { 200: PackageSchema } } },
    async (request) => {
      return present(await visiblePackage(requireActor(request), request.params.packageId));
    },
  );

  app.put(
    "/api/v1/packages/:packageId",
    { schema: { tags: ["packages"], summary: "Replace a draft package (its PPK)", params: PackageParamsSchema, body: PackageInputSchema, response: { 200: PackageSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await visiblePackage(actor, request.params.packageId);
      authorize(canEditPackage(actor, { ppkId: row.ppk_id, status: row.status }));
      await assertNotUnderWay(db, row.id);
      const updated = await service.updatePackage(db, actor, row.id, request.body, deps.clock.now());
      return present(updated.row, updated.items);
    },
  );

  app.get(
    "/api/v1/packages/:packageId/assignable-members",
    {
      schema: {
        tags: ["packages"],
        summary: "Active accounts that may sit on this package's committee (Admin Agency)",
        params: PackageParamsSchema,
        querystring: z.strictObject({ kind: z.enum(["pokja", "pejabat_pengadaan"]) }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), agencyName: z.string().nullable() })) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await visiblePackage(actor, request.params.packageId);
      authorize(canAssignCommittee(actor, { agencyId: row.agency_id }));
      // Pokja members usually sit in the UKPBJ, another agency: the choice is LPSE-wide, names only.
      const users = await listUsers(db, { role: request.query.kind });
      return { items: users.filter((u) => u.status === "active").map((u) => ({ id: u.id, name: u.name, agencyName: u.agency_name })) };
    },
  );

  app.put(
    "/api/v1/packages/:packageId/assignment",
    { schema: { tags: ["packages"], summary: "Assign the Pokja Pemilihan or the Pejabat Pengadaan (Admin Agency)", params: PackageParamsSchema, body: AssignmentInputSchema, response: { 200: PackageSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await visiblePackage(actor, request.params.packageId);
      authorize(canAssignCommittee(actor, { agencyId: row.agency_id }));
      await assignCommittee(db, actor, row.id, request.body, deps.clock.now());
      return present(row);
    },
  );
}
