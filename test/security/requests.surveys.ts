import type { Operation } from "../support/openapi.js";
import type { World } from "./world.js";

/** Bodies for the standard-15 operations that a generated body would not pass. */
export function surveyExampleBody(op: Operation, _world: World): unknown {
  switch (op.key) {
    case "POST /api/v1/surveys":
      return { title: "Survei Kepuasan Semester II", periodFrom: "2026-07-01", periodTo: "2026-12-31", questions: [{ unsur: "waktu", text: "Bagaimana kecepatan waktu layanan?" }] };
    case "POST /api/v1/surveys/{surveyId}/send":
      return { vendors: true, roles: [] };
    case "POST /api/v1/survey-form":
      return { token: "tautan-yang-tidak-dikenal", scores: [4], comment: "" };
    case "POST /api/v1/improvement-requests":
      return { title: "Notifikasi jadwal", description: "Mohon pengingat sehari sebelum batas unggah penawaran." };
    case "POST /api/v1/improvement-requests/{requestId}/status":
      return { status: "under_review", response: "Sedang dikaji" };
    default:
      return undefined;
  }
}
