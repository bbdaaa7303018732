import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import type { AppDeps } from "../../server/app.js";
import { AppError, fieldError, notFound } from "../../server/errors.js";
import { enqueueMail } from "../notifications/notifications.service.js";
import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import type { Role } from "../users/roles.js";
import * as repo from "./surveys.repository.js";
import type { AnswerInput, Question, SendInput, SurveyInput } from "./surveys.schemas.js";

type Deps = Pick<AppDeps, "database" | "clock" | "config">;

const SURVEY_NOT_FOUND = { id: "Survei tidak ditemukan", en: "Survey not found" };
/** 32 random bytes: a link nobody can guess. */
const TOKEN_BYTES = 32;
/** The public page a recipient answers on. */
export const ANSWER_PATH = "/survei/isi";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function loadSurvey(db: Kysely<DB>, id: string): Promise<repo.SurveyRow> {
  const survey = await repo.findSurvey(db, id);
  if (!survey) throw notFound(SURVEY_NOT_FOUND);
  return survey;
}

export const questionsOf = (survey: repo.SurveyRow) => JSON.parse(survey.questions) as Question[];

/** A draft survey: nothing is sent until the administrator chooses the recipients. */
export async function createSurvey(deps: Deps, actor: Actor, input: SurveyInput): Promise<string> {
  if (input.periodTo < input.periodFrom) throw fieldError("body.periodTo", { id: "tidak boleh sebelum tanggal mulai", en: "must not be before the start date" });
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertSurvey(trx, {
      id, title: input.title, period_from: input.periodFrom, period_to: input.periodTo, questions: JSON.stringify(input.questions), status: "draft", recipients: 0,
      created_by: actor.id, created_at: now.toISOString(), sent_at: null, closed_at: null,
    });
    await appendEvent(trx, { actorId: actor.id, type: "survey.created", subject: { type: "survey", id }, payload: input }, now);
  });
  return id;
}

/**
 * Send a draft to every active account of the chosen groups: each gets a mail with its own single-use link.
 * Only the token's hash is stored; the link exists in the mail alone.
 */
export async function sendSurvey(deps: Deps, actor: Actor, id: string, input: SendInput): Promise<void> {
  if (!input.vendors && input.roles.length === 0) throw fieldError("body.roles", { id: "pilih paling sedikit satu kelompok penerima (penyedia atau peran)", en: "choose at least one group of recipients (vendors or a role)" });
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const survey = await repo.lockSurvey(trx, id, deps.database.dialect);
    if (!survey) throw notFound(SURVEY_NOT_FOUND);
    if (survey.status !== "draft") throw new AppError("CONFLICT", { id: "Survei ini sudah dikirim", en: "This survey has already been sent" });
    const roles: Role[] = [...(input.vendors ? (["vendor"] as const) : []), ...input.roles];
    const recipients = await repo.listActiveRecipients(trx, roles);
    if (recipients.length === 0) throw fieldError("body.roles", { id: "tidak ada akun aktif pada kelompok yang dipilih", en: "no active account in the chosen groups" });
    const invitations: repo.InvitationRow[] = [];
    for (const user of recipients) {
      const token = randomBytes(TOKEN_BYTES).toString("base64url");
      invitations.push({ id: randomUUID(), survey_id: id, user_id: user.id, token_hash: hashToken(token), answered: 0 });
      const link = `${deps.config.publicUrl.replace(/\/$/, "")}${ANSWER_PATH}?token=${token}`;
      await enqueueMail(trx, {
        to: user.email,
        subject: `Survei kepuasan: ${survey.title} / Satisfaction survey`,
        text: [
          `Mohon luangkan beberapa menit untuk mengisi survei kepuasan "${survey.title}" (periode ${survey.period_from} s.d. ${survey.period_to}). Jawaban Anda anonim; tautan ini pribadi dan hanya dapat dipakai sekali.`,
          `Please take a few minutes to answer the satisfaction survey "${survey.title}" (period ${survey.period_from} to ${survey.period_to}). Your answers are anonymous; this link is personal and works once.`,
          link,
        ].join("\n\n") + "\n",
      }, now);
    }
    await repo.insertInvitations(trx, invitations);
    await repo.updateSurvey(trx, id, { status: "open", recipients: recipients.length, sent_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "survey.sent", subject: { type: "survey", id }, payload: { vendors: input.vendors, roles: input.roles, recipients: recipients.length } }, now);
  });
}

/** Close an open survey: its links stop working and its results are final. */
export async function closeSurvey(deps: Deps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const survey = await repo.lockSurvey(trx, id, deps.database.dialect);
    if (!survey) throw notFound(SURVEY_NOT_FOUND);
    if (survey.status !== "open") throw new AppError("CONFLICT", { id: "Hanya survei yang sedang berjalan yang dapat ditutup", en: "Only an open survey can be closed" });
    await repo.updateSurvey(trx, id, { status: "closed", closed_at: now.toISOString() });
    await appendEvent(trx, { actorId: actor.id, type: "survey.closed", subject: { type: "survey", id }, payload: {} }, now);
  });
}

const tokenProblem = (code: "NOT_FOUND" | "CONFLICT", field: string, id: string, en: string) => new AppError(code, { id, en }, [{ field, message: { id, en } }]);

/** The invitation and its survey, refused when unknown, already used, closed or past its period. */
async function usableInvitation(db: Kysely<DB>, token: string, field: string, now: Date) {
  const invitation = await repo.findInvitationByHash(db, hashToken(token));
  if (!invitation) throw tokenProblem("NOT_FOUND", field, "Tautan survei tidak dikenal", "Unknown survey link");
  if (invitation.answered === 1) throw tokenProblem("CONFLICT", field, "Tautan survei ini sudah dipakai untuk menjawab", "This survey link has already been used");
  const survey = (await repo.findSurvey(db, invitation.survey_id)) as repo.SurveyRow;
  const today = localDate(now, (await getSettings(db)).timeZone);
  if (survey.status !== "open" || today > survey.period_to) throw tokenProblem("CONFLICT", field, "Survei ini sudah ditutup", "This survey is closed");
  return { invitation, survey };
}

/** The questions behind a link, for the public form. */
export async function formFor(deps: Deps, token: string) {
  const { survey } = await usableInvitation(deps.database.db, token, "query.token", deps.clock.now());
  return { title: survey.title, periodFrom: survey.period_from, periodTo: survey.period_to, questions: questionsOf(survey) };
}

/** Record one anonymous answer and spend the link, together. */
export async function answer(deps: Deps, input: AnswerInput): Promise<void> {
  const now = deps.clock.now();
  const { invitation, survey } = await usableInvitation(deps.database.db, input.token, "body.token", now);
  const count = questionsOf(survey).length;
  if (input.scores.length !== count) throw fieldError("body.scores", { id: `harus berisi ${count} jawaban, satu untuk setiap pertanyaan`, en: `must hold ${count} answers, one per question` });
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.markAnswered(trx, invitation.id))) throw tokenProblem("CONFLICT", "body.token", "Tautan survei ini sudah dipakai untuk menjawab", "This survey link has already been used");
    const responseId = randomUUID();
    await repo.insertResponse(trx, { id: responseId, survey_id: survey.id, scores: JSON.stringify(input.scores), comment: input.comment });
    // No actor and nothing about the invitation: the log shows that an answer came, not whose.
    await appendEvent(trx, { actorId: null, type: "survey.answered", subject: { type: "survey", id: survey.id }, payload: {} }, now);
  });
}
