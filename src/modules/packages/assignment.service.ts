import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError, type FieldError } from "../../server/errors.js";
import * as assignments from "./assignment.repository.js";
import * as repo from "./packages.repository.js";
import type { AssignmentInput } from "./packages.schemas.js";

/** Pokja Pemilihan: three members or another odd number (Perpres 16/2018), so votes cannot tie. */
export const MIN_POKJA_MEMBERS = 3;

/** Pengadaan Langsung is run by a Pejabat Pengadaan; every other method by a Pokja Pemilihan. */
function expectedKind(method: string): AssignmentInput["kind"] {
  return method === "pengadaan_langsung" ? "pejabat_pengadaan" : "pokja";
}

function committeeProblems(method: string, input: AssignmentInput, found: { id: string; role: string; status: string }[]): FieldError[] {
  const problems: FieldError[] = [];
  const kind = expectedKind(method);
  if (input.kind !== kind) {
    problems.push({
      field: "body.kind",
      message: kind === "pokja"
        ? { id: "metode ini dilaksanakan oleh Pokja Pemilihan", en: "this method is run by a Pokja Pemilihan" }
        : { id: "Pengadaan Langsung dilaksanakan oleh Pejabat Pengadaan", en: "Pengadaan Langsung is run by a Pejabat Pengadaan" },
    });
  }
  const ids = input.memberIds;
  if (new Set(ids).size !== ids.length) problems.push({ field: "body.memberIds", message: { id: "anggota tidak boleh ganda", en: "members must not repeat" } });
  if (input.kind === "pokja" && (ids.length < MIN_POKJA_MEMBERS || ids.length % 2 === 0)) {
    problems.push({ field: "body.memberIds", message: { id: "Pokja beranggotakan ganjil, minimal 3 orang", en: "a Pokja has an odd number of members, at least 3" } });
  }
  if (input.kind === "pejabat_pengadaan" && ids.length !== 1) {
    problems.push({ field: "body.memberIds", message: { id: "tepat satu Pejabat Pengadaan", en: "exactly one Pejabat Pengadaan" } });
  }
  const role = input.kind === "pokja" ? "pokja" : "pejabat_pengadaan";
  ids.forEach((id, i) => {
    const user = found.find((u) => u.id === id);
    if (!user || user.status !== "active" || user.role !== role) {
      problems.push({ field: `body.memberIds.${i}`, message: { id: `bukan akun ${role} yang aktif`, en: `not an active ${role} account` } });
    }
  });
  return problems;
}

/** The Admin Agency assigns (or re-assigns, before publication) who runs the selection. */
export async function assignCommittee(db: Kysely<DB>, actor: Actor, packageId: string, input: AssignmentInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const pkg = await repo.findPackage(trx, packageId);
    if (!pkg) throw new AppError("NOT_FOUND", { id: "Paket tidak ditemukan", en: "Package not found" });
    if (pkg.status !== "draft") {
      throw new AppError("CONFLICT", { id: "Paket sudah diumumkan: susunan Pokja tidak dapat diubah lagi", en: "The package is published: its committee can no longer change" });
    }
    const found = input.memberIds.length > 0 ? await assignments.findActiveUsers(trx, input.memberIds) : [];
    const problems = committeeProblems(pkg.method, input, found);
    if (problems.length > 0) {
      const first = problems[0];
      throw new AppError("VALIDATION_FAILED", first ? { id: `${first.field}: ${first.message.id}`, en: `${first.field}: ${first.message.en}` } : undefined, problems);
    }
    const row = { package_id: packageId, kind: input.kind, decree_number: input.decreeNumber, assigned_by: actor.id, assigned_at: now.toISOString() };
    await assignments.replaceAssignment(trx, row, input.memberIds);
    await appendEvent(trx, { actorId: actor.id, type: "package.assigned", subject: { type: "package", id: packageId }, payload: { kind: input.kind, decreeNumber: input.decreeNumber, memberIds: input.memberIds } }, now);
    const saved = await assignments.findAssignment(trx, packageId);
    if (!saved) throw new Error("assignment vanished inside its own transaction");
    return saved;
  });
}
