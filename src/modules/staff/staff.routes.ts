import type { AppDeps } from "../../server/app.js";
import { authorize, type Api } from "../../server/http.js";
import type { Actor } from "../../server/actor.js";
import { requireActor } from "../auth/session.hook.js";
import { canManageStaff, canReadStaff } from "./staff.policy.js";
import { presentCertificate, presentStaff, presentTraining } from "./staff.presenter.js";
import * as repo from "./staff.repository.js";
import { gapReport } from "./staff.rules.js";
import {
  AttendanceInputSchema,
  CertificateInputSchema,
  CertificateListSchema,
  CertificateSchema,
  COMPETENCES,
  CompetenceInputSchema,
  GapReportSchema,
  StaffInputSchema,
  StaffListSchema,
  StaffMemberSchema,
  StaffParamsSchema,
  TrainingInputSchema,
  TrainingListSchema,
  TrainingParamsSchema,
  TrainingSchema,
} from "./staff.schemas.js";
import * as service from "./staff.service.js";
import type { Competence } from "./staff-enums.js";

const tags = ["staff"];
const BASE = "/api/v1/operations";

/** Staff, competence matrix, certificates and trainings (LPSE standard 8, Pengelolaan SDM). */
export function staffRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;
  const reader = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canReadStaff(actor));
    return actor;
  };
  const manager = (request: Parameters<typeof requireActor>[0]): Actor => {
    const actor = requireActor(request);
    authorize(canManageStaff(actor));
    return actor;
  };
  const staffOut = async (id: string) => {
    const { today } = await service.staffContext(db, deps.clock.now());
    return presentStaff((await repo.findStaff(db, id)) as repo.StaffRow, await repo.listCompetences(db, id), today);
  };
  const trainingOut = async (id: string) => {
    const [training] = await repo.listTrainings(db, id);
    return presentTraining(training as repo.TrainingRow, await repo.listAttendance(db, [id]));
  };

  app.get(`${BASE}/staff`, { schema: { tags, summary: "LPSE staff with their competence matrix rows and training needs", response: { 200: StaffListSchema } } }, async (request) => {
    const actor = reader(request);
    const { today } = await service.staffContext(db, deps.clock.now());
    const cells = await repo.listCompetences(db);
    return { items: (await repo.listStaff(db)).map((s) => presentStaff(s, cells, today)), today, can: { manage: canManageStaff(actor) } };
  });

  app.post(`${BASE}/staff`, { schema: { tags, summary: "Record a staff member of the LPSE (role in the service, NDA, contract end)", body: StaffInputSchema, response: { 201: StaffMemberSchema } } }, async (request, reply) => {
    const id = await service.recordStaff(deps, manager(request), request.body);
    return reply.status(201).send(await staffOut(id));
  });

  app.put(
    `${BASE}/staff/:staffId/competences`,
    { schema: { tags, summary: "Set a staff member's required and current level in one competence", params: StaffParamsSchema, body: CompetenceInputSchema, response: { 200: StaffMemberSchema } } },
    async (request) => {
      await service.setCompetence(deps, manager(request), request.params.staffId, request.body);
      return staffOut(request.params.staffId);
    },
  );

  app.get(`${BASE}/competences/gaps`, { schema: { tags, summary: "Gap report per competence: who is below the required level and by how much", response: { 200: GapReportSchema } } }, async (request) => {
    reader(request);
    const names = new Map((await repo.listStaff(db)).map((s) => [s.id, s.name]));
    const cells = (await repo.listCompetences(db)).map((c) => ({
      staffId: c.staff_id, name: names.get(c.staff_id) ?? "", competence: c.competence as Competence, requiredLevel: c.required_level, currentLevel: c.current_level,
    }));
    return { items: gapReport(cells, COMPETENCES) };
  });

  app.get(`${BASE}/certificates`, { schema: { tags, summary: "Staff certificates with expiry alerts", response: { 200: CertificateListSchema } } }, async (request) => {
    reader(request);
    const { today, alertDays } = await service.staffContext(db, deps.clock.now());
    const items = (await repo.listCertificates(db)).map((c) => presentCertificate(c, today, alertDays));
    return { items, alertDays, alerts: items.filter((c) => c.expiry.state === "expiring" || c.expiry.state === "expired").length };
  });

  app.post(`${BASE}/certificates`, { schema: { tags, summary: "Record a staff member's certificate", body: CertificateInputSchema, response: { 201: CertificateSchema } } }, async (request, reply) => {
    const id = await service.recordCertificate(deps, manager(request), request.body);
    const { today, alertDays } = await service.staffContext(db, deps.clock.now());
    const [row] = await repo.listCertificates(db, id);
    return reply.status(201).send(presentCertificate(row as repo.CertificateRow, today, alertDays));
  });

  app.get(`${BASE}/trainings`, { schema: { tags, summary: "Trainings with their attendance, newest first (the training log)", response: { 200: TrainingListSchema } } }, async (request) => {
    reader(request);
    const trainings = await repo.listTrainings(db);
    const attendance = await repo.listAttendance(db, trainings.map((t) => t.id));
    return { items: trainings.map((t) => presentTraining(t, attendance)) };
  });

  app.post(`${BASE}/trainings`, { schema: { tags, summary: "Record a training: the competence it builds and the level a pass awards", body: TrainingInputSchema, response: { 201: TrainingSchema } } }, async (request, reply) => {
    const id = await service.recordTraining(deps, manager(request), request.body);
    return reply.status(201).send(await trainingOut(id));
  });

  app.post(
    `${BASE}/trainings/:trainingId/attendance`,
    { schema: { tags, summary: "Record who attended a training and the result; a pass raises the current level", params: TrainingParamsSchema, body: AttendanceInputSchema, response: { 201: TrainingSchema } } },
    async (request, reply) => {
      await service.recordAttendance(deps, manager(request), request.params.trainingId, request.body);
      return reply.status(201).send(await trainingOut(request.params.trainingId));
    },
  );
}
