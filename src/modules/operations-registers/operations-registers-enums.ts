/** Values shared by the API schemas and the web forms of the operations registers. */
export const ACCESS_LEVELS = ["read", "operator", "admin", "root"] as const;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const REMEDIATION_STATUSES = ["open", "in_progress", "remediated", "accepted"] as const;
/** The thresholds a capacity sample can breach (names stored in the sample). */
export const BREACHES = ["disk_free", "memory", "cpu_load"] as const;
