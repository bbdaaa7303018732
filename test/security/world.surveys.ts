import type { Client } from "../support/client.js";

export interface SurveyWorld {
  /** A draft survey of the administrator (sending it mails every vendor of the fixtures). */
  surveyId: string;
  /** An improvement request filed by vendor A's user. */
  requestId: string;
}

async function created(what: string, r: { status: number; text: string; body: unknown }): Promise<string> {
  if (r.status !== 201) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return (r.body as { id: string }).id;
}

/** The standard-15 resources of the fixture world, made through the routes. */
export async function buildSurveyWorld(admin: Client, vendor: Client): Promise<SurveyWorld> {
  const surveyId = await created(
    "survey",
    await admin.post("/api/v1/surveys", { title: "Survei Kepuasan 2026", periodFrom: "2026-01-01", periodTo: "2027-12-31", questions: [{ unsur: "prosedur", text: "Bagaimana kemudahan prosedur layanan?" }] }),
  );
  const requestId = await created("improvement request", await vendor.post("/api/v1/improvement-requests", { title: "Batas ukuran unggah", description: "Mohon batas ukuran unggah dokumen dinaikkan." }));
  return { surveyId, requestId };
}
