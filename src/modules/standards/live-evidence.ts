import type { Queryable } from "../../db/database.js";
import { knownMigrations } from "../../db/migrate.js";
import { helpdeskSlaCompliance } from "../helpdesk/helpdesk.compliance.js";
import type { Bilingual } from "./catalog/index.js";
import * as repo from "./live-evidence.repository.js";
import { accessReview, capacityMonitoring, surveyResult } from "./live-evidence.registers.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Helpdesk compliance is judged over the last 90 days, the quarter an LPSE reports on. */
export const SLA_WINDOW_DAYS = 90;
/** At least 90 % of the decided targets met, for first response and for resolution alike. */
export const SLA_MIN_SHARE = 0.9;
/** A verified restore drill at least once a quarter; the sources give no frequency, so this is our default. */
export const DRILL_MAX_AGE_DAYS = 90;
/** Security events are counted over the same 90 days as the helpdesk. */
export const SECURITY_WINDOW_DAYS = 90;
/** Signed tree heads are published every minute; a day without one means the log is not being published. */
export const TREE_HEAD_MAX_AGE_HOURS = 24;

/** What a source reads from the platform now. */
export interface LiveReading {
  /** The figure in a few words, e.g. "96 % / 100 %" or "10 hari". */
  value: string;
  passes: boolean;
  /** The time of the data: when it was measured, or when the thing it reports happened. */
  dataTime: string;
  summary: Bilingual;
}

/** Where a reading is taken: the clock, and the cycle's period when a source reports on it. */
export interface LiveContext {
  now: Date;
  period: { from: Date; to: Date };
}

/** One source of live evidence: the criteria it proves, its threshold and how long a snapshot stays fresh. */
export interface LiveSource {
  key: string;
  /** Criterion codes of the catalog (every version uses the same codes for these criteria). */
  criteria: readonly string[];
  name: Bilingual;
  threshold: Bilingual;
  /** A snapshot older than this no longer stands as evidence: the criterion needs review. */
  freshnessDays: number;
  read(db: Queryable, ctx: LiveContext): Promise<LiveReading>;
}

const percent = (share: number | null) => (share === null ? "–" : `${Math.floor(share * 1000) / 10} %`);

const helpdeskSla: LiveSource = {
  key: "helpdesk.sla",
  criteria: ["S05.1", "S05.2"],
  name: { id: "Kepatuhan SLA helpdesk 90 hari terakhir", en: "Helpdesk SLA compliance over the last 90 days" },
  threshold: { id: "≥ 90 % target respons pertama dan penyelesaian terpenuhi", en: "≥ 90 % of first-response and resolution targets met" },
  freshnessDays: 30,
  async read(db, { now }) {
    const c = await helpdeskSlaCompliance(db, { from: new Date(now.getTime() - SLA_WINDOW_DAYS * DAY_MS), to: now, now });
    const first = c.firstResponse.share;
    const resolution = c.resolution.share;
    const passes = first !== null && resolution !== null && first >= SLA_MIN_SHARE && resolution >= SLA_MIN_SHARE;
    const figures = `${c.tickets} tiket; respons pertama ${percent(first)} (${c.firstResponse.met}/${c.firstResponse.met + c.firstResponse.breached}), penyelesaian ${percent(resolution)} (${c.resolution.met}/${c.resolution.met + c.resolution.breached})`;
    const figuresEn = `${c.tickets} tickets; first response ${percent(first)} (${c.firstResponse.met}/${c.firstResponse.met + c.firstResponse.breached}), resolution ${percent(resolution)} (${c.resolution.met}/${c.resolution.met + c.resolution.breached})`;
    return {
      value: `${percent(first)} / ${percent(resolution)}`,
      passes,
      dataTime: now.toISOString(),
      summary: first === null || resolution === null ? { id: `Belum ada target yang dapat dinilai: ${figures}`, en: `No target can be judged yet: ${figuresEn}` } : { id: figures, en: figuresEn },
    };
  },
};

const restoreDrill: LiveSource = {
  key: "backups.restore_drill",
  criteria: ["S10.3", "S12.3"],
  name: { id: "Uji pemulihan terakhir yang terverifikasi", en: "The last verified restore drill" },
  threshold: { id: "uji pemulihan terverifikasi dalam 90 hari terakhir", en: "a verified restore drill within the last 90 days" },
  freshnessDays: DRILL_MAX_AGE_DAYS,
  async read(db, { now }) {
    const drill = await repo.latestVerifiedDrill(db);
    if (!drill) return { value: "–", passes: false, dataTime: now.toISOString(), summary: { id: "Belum ada uji pemulihan yang terverifikasi", en: "No verified restore drill yet" } };
    const days = Math.floor((now.getTime() - new Date(drill.started_at).getTime()) / DAY_MS);
    const seconds = Math.round((drill.restore_ms + drill.verify_ms) / 1000);
    return {
      value: `${days} hari`,
      passes: days <= DRILL_MAX_AGE_DAYS,
      dataTime: drill.started_at,
      summary: {
        id: `Cadangan ${drill.backup_name} dipulihkan dan diverifikasi ${days} hari lalu dalam ${seconds} detik`,
        en: `Backup ${drill.backup_name} restored and verified ${days} days ago in ${seconds} s`,
      },
    };
  },
};

/** Platform changes: migrations are recorded by the migrator, settings changes in the event log. */
const changeLog: LiveSource = {
  key: "changes.platform_log",
  criteria: ["S06.3"],
  name: { id: "Catatan perubahan platform pada periode siklus", en: "Platform changes recorded in the cycle's period" },
  threshold: { id: "setiap migrasi versi ini tercatat telah diterapkan", en: "every migration of this version is recorded as applied" },
  freshnessDays: 30,
  async read(db, { now, period }) {
    const applied = await repo.appliedMigrations(db);
    const from = period.from.toISOString();
    const to = period.to.toISOString();
    const inPeriod = applied.filter((m) => m.timestamp >= from && m.timestamp < to).length;
    const settings = (await repo.countEvents(db, ["settings.updated"], from, to)).get("settings.updated") ?? 0;
    const recorded = new Set(applied.map((m) => m.name));
    const missing = knownMigrations().filter((name) => !recorded.has(name)).length;
    return {
      value: `${inPeriod} migrasi, ${settings} perubahan pengaturan`,
      passes: missing === 0,
      dataTime: now.toISOString(),
      summary: {
        id: `${inPeriod} migrasi diterapkan dan ${settings} perubahan pengaturan tercatat pada periode ini; ${missing === 0 ? "semua migrasi versi ini tercatat" : `${missing} migrasi belum tercatat`}`,
        en: `${inPeriod} migrations applied and ${settings} settings changes recorded in the period; ${missing === 0 ? "every migration of this version is recorded" : `${missing} migrations not recorded`}`,
      },
    };
  },
};

const SECURITY_EVENTS = ["user.locked", "user.password_reset", "auth.session_revoked", "auth.other_sessions_revoked", "user.sessions_revoked"] as const;

/**
 * Security events from the event log. The counts are reported, not judged (a lockout is the control working);
 * what passes is that the log holding them is published as signed tree heads. Patching, vulnerability scans
 * and network monitoring are not in the platform's data, so they stay document and record evidence.
 */
const securityEvents: LiveSource = {
  key: "security.events",
  criteria: ["S11.3"],
  name: { id: "Peristiwa keamanan akun 90 hari terakhir", en: "Account security events over the last 90 days" },
  threshold: { id: "log peristiwa diterbitkan (tree head bertanda tangan) dalam 24 jam terakhir", en: "the event log published (a signed tree head) within the last 24 hours" },
  freshnessDays: 30,
  async read(db, { now }) {
    const counts = await repo.countEvents(db, SECURITY_EVENTS, new Date(now.getTime() - SECURITY_WINDOW_DAYS * DAY_MS).toISOString(), now.toISOString());
    const n = (type: (typeof SECURITY_EVENTS)[number]) => counts.get(type) ?? 0;
    const revoked = n("auth.session_revoked") + n("auth.other_sessions_revoked") + n("user.sessions_revoked");
    const head = await repo.latestTreeHeadTime(db);
    const passes = head !== null && now.getTime() - new Date(head).getTime() <= TREE_HEAD_MAX_AGE_HOURS * 60 * 60 * 1000;
    return {
      value: `${n("user.locked")} / ${n("user.password_reset")} / ${revoked}`,
      passes,
      dataTime: now.toISOString(),
      summary: {
        id: `${n("user.locked")} akun terkunci, ${n("user.password_reset")} sandi diatur ulang, ${revoked} pencabutan sesi; ${passes ? "log diterbitkan" : "log belum diterbitkan dalam 24 jam"}. Patch, pemindaian kerentanan dan pemantauan jaringan belum tercatat di platform.`,
        en: `${n("user.locked")} accounts locked, ${n("user.password_reset")} passwords reset, ${revoked} session revocations; ${passes ? "log published" : "log not published within 24 hours"}. Patching, vulnerability scans and network monitoring are not recorded in the platform.`,
      },
    };
  },
};

/** Every live-evidence source, in catalog order. */
export const LIVE_SOURCES: readonly LiveSource[] = [helpdeskSla, changeLog, capacityMonitoring, accessReview, restoreDrill, securityEvents, surveyResult];

export const LIVE_SOURCE_KEYS = LIVE_SOURCES.map((s) => s.key) as [string, ...string[]];

export function liveSource(key: string): LiveSource | undefined {
  return LIVE_SOURCES.find((s) => s.key === key);
}

/** The sources that prove a criterion. */
export function sourcesFor(criterionCode: string): LiveSource[] {
  return LIVE_SOURCES.filter((s) => s.criteria.includes(criterionCode));
}

/** Whether a snapshot taken at `dataTime` is past the source's freshness window at `now`. */
export function isStale(source: LiveSource, dataTime: string, now: Date): boolean {
  return now.getTime() - new Date(dataTime).getTime() > source.freshnessDays * DAY_MS;
}

/**
 * The period a cycle reports on, from its name: "2026" is the year, "2026-S1"/"2026-S2" a half; anything else,
 * the year before `now`. It ends at `now` at the latest.
 */
export function periodOf(period: string, now: Date): { from: Date; to: Date } {
  const m = /^(\d{4})(?:-S([12]))?$/.exec(period);
  const end = (d: Date) => (d.getTime() < now.getTime() ? d : now);
  if (!m) return { from: new Date(now.getTime() - 365 * DAY_MS), to: now };
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: new Date(Date.UTC(year, 0, 1)), to: end(new Date(Date.UTC(year + 1, 0, 1))) };
  const half = Number(m[2]) - 1;
  return { from: new Date(Date.UTC(year, half * 6, 1)), to: end(new Date(Date.UTC(year, half * 6 + 6, 1))) };
}
