import { localDate } from "../settings/calendar.js";
import { getSettings } from "../settings/settings.service.js";
import { monthRange } from "../helpdesk/helpdesk.report.js";
import { computeIkm, IKM_CATEGORY_MIN } from "../surveys/surveys.ikm.js";
import * as surveys from "../surveys/surveys.repository.js";
import type { LiveSource } from "./live-evidence.js";
import * as repo from "./live-evidence.repository.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The smallest survey whose IKM we let stand as evidence; the regulation sets no sample size, so this is ours. */
export const SURVEY_MIN_RESPONSES = 10;
/** "Baik" (category B) or better: the lower bound of B in PermenPAN-RB 14/2017. */
export const SURVEY_MIN_IKM = IKM_CATEGORY_MIN.B;
/** A yearly survey: its result stands for a year. */
export const SURVEY_MAX_AGE_DAYS = 365;
/** Access grants are reviewed at least once a quarter (the default review period of the access register). */
export const ACCESS_REVIEW_MAX_AGE_DAYS = 90;
/** The sampler runs every 15 minutes by default; a day without a sample means it is not running. */
export const CAPACITY_SAMPLE_MAX_AGE_HOURS = 24;

/** The latest closed satisfaction survey (standard 15). */
export const surveyResult: LiveSource = {
  key: "surveys.ikm",
  criteria: ["S15.2"],
  name: { id: "Survei kepuasan terakhir yang ditutup (IKM)", en: "The latest closed satisfaction survey (IKM)" },
  threshold: { id: `≥ ${SURVEY_MIN_RESPONSES} jawaban dan IKM ≥ ${SURVEY_MIN_IKM} (mutu B)`, en: `≥ ${SURVEY_MIN_RESPONSES} answers and IKM ≥ ${SURVEY_MIN_IKM} (grade B)` },
  freshnessDays: SURVEY_MAX_AGE_DAYS,
  async read(db, { now }) {
    const survey = await surveys.latestClosedSurvey(db);
    if (!survey || !survey.closed_at) return { value: "–", passes: false, dataTime: now.toISOString(), summary: { id: "Belum ada survei kepuasan yang ditutup", en: "No satisfaction survey has been closed yet" } };
    const answers = await surveys.listResponses(db, survey.id);
    const questions = (JSON.parse(survey.questions) as unknown[]).length;
    const { ikm, category } = computeIkm(questions, answers.map((a) => JSON.parse(a.scores) as number[]));
    const passes = answers.length >= SURVEY_MIN_RESPONSES && ikm !== null && ikm >= SURVEY_MIN_IKM;
    const figure = ikm === null ? "–" : `${ikm} (${category})`;
    return {
      value: `IKM ${figure}`,
      passes,
      dataTime: survey.closed_at,
      summary: {
        id: `Survei "${survey.title}" (${survey.period_from} s.d. ${survey.period_to}): ${answers.length} jawaban dari ${survey.recipients} penerima, IKM ${figure}`,
        en: `Survey "${survey.title}" (${survey.period_from} to ${survey.period_to}): ${answers.length} answers from ${survey.recipients} recipients, IKM ${figure}`,
      },
    };
  },
};

/** The latest periodic review of server access grants (standard 10). */
export const accessReview: LiveSource = {
  key: "operations.access_review",
  criteria: ["S10.2"],
  name: { id: "Kaji ulang hak akses server terakhir", en: "The latest review of server access grants" },
  threshold: { id: `kaji ulang dalam ${ACCESS_REVIEW_MAX_AGE_DAYS} hari terakhir`, en: `a review within the last ${ACCESS_REVIEW_MAX_AGE_DAYS} days` },
  freshnessDays: ACCESS_REVIEW_MAX_AGE_DAYS,
  async read(db, { now }) {
    const review = await repo.latestAccessReview(db);
    if (!review) return { value: "–", passes: false, dataTime: now.toISOString(), summary: { id: "Belum ada kaji ulang hak akses", en: "No access review yet" } };
    const today = localDate(now, (await getSettings(db)).timeZone);
    const days = Math.round((Date.parse(today) - Date.parse(review.reviewed_on)) / DAY_MS);
    return {
      value: `${days} hari`,
      passes: days <= ACCESS_REVIEW_MAX_AGE_DAYS,
      dataTime: `${review.reviewed_on}T00:00:00.000Z`,
      summary: {
        id: `Kaji ulang ${review.reviewed_on} (${days} hari lalu) memutuskan ${review.items} hak akses`,
        en: `The review of ${review.reviewed_on} (${days} days ago) decided ${review.items} grants`,
      },
    };
  },
};

/** The month before `now` in the LPSE zone, as YYYY-MM. */
function previousMonth(today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** Capacity sampling running, and last month's report available (standard 7). */
export const capacityMonitoring: LiveSource = {
  key: "operations.capacity",
  criteria: ["S07.1"],
  name: { id: "Pemantauan kapasitas dan laporan bulanan", en: "Capacity monitoring and the monthly report" },
  threshold: { id: `sampel dalam ${CAPACITY_SAMPLE_MAX_AGE_HOURS} jam terakhir dan laporan bulan lalu memiliki sampel`, en: `a sample within the last ${CAPACITY_SAMPLE_MAX_AGE_HOURS} hours and last month's report has samples` },
  freshnessDays: 30,
  async read(db, { now }) {
    const zone = (await getSettings(db)).timeZone;
    const month = previousMonth(localDate(now, zone));
    const { from, to } = monthRange(month, zone);
    const monthly = await repo.countCapacitySamples(db, from.toISOString(), to.toISOString());
    const latest = await repo.latestCapacitySampleTime(db);
    const hours = latest === null ? null : Math.floor((now.getTime() - Date.parse(latest)) / 3_600_000);
    const recent = hours !== null && hours <= CAPACITY_SAMPLE_MAX_AGE_HOURS;
    const last = hours === null ? { id: "belum ada sampel", en: "no sample yet" } : { id: `sampel terakhir ${hours} jam lalu`, en: `latest sample ${hours} hours ago` };
    return {
      value: `${hours === null ? "–" : `${hours} jam`} / ${monthly} sampel ${month}`,
      passes: recent && monthly > 0,
      dataTime: now.toISOString(),
      summary: { id: `${last.id}; laporan bulanan ${month}: ${monthly} sampel`, en: `${last.en}; monthly report ${month}: ${monthly} samples` },
    };
  },
};
