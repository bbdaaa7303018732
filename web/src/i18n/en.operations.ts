import type { idOperations } from "./id.operations";

/** English texts of operations: restore drills (evidence for LPSE standard 12, continuity). */
export const enOperations: typeof idOperations = {
  drills: {
    title: "Restore drills",
    intro:
      "Each drill restores the latest backup into a temporary place, checks it as `openlpse verify` does, and records the result here and in the event log. Evidence for LPSE standard 12 (service continuity). Drills are run with `openlpse drill` on the server.",
    empty: "No restore drill yet. Run `openlpse drill` on the server.",
    startedAt: "Drill time",
    backup: "Backup",
    backupAge: "Backup age",
    restore: "Restore",
    verify: "Verify",
    result: "Result",
    logSize: "Events in the log",
    ok: "Passed",
    failed: "Failed",
    hours: "{{value}} h",
    seconds: "{{value}} s",
    unknown: "unknown",
    logIndex: "Event #{{index}}",
  },
};
