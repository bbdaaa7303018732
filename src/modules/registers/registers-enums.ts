/** Enumerations of the asset, risk and change registers, shared by the server schemas and the web pages. */

export const ASSET_TYPES = ["hardware", "software", "data", "service", "people", "facility"] as const;
export const RISK_TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export const TASK_STATUSES = ["open", "in_progress", "done"] as const;
export const CHANGE_STATUSES = ["proposed", "approved", "rejected", "implemented", "reviewed"] as const;
export const CHANGE_ORIGINS = ["manual", "automatic"] as const;
export const LEVELS3 = ["rendah", "sedang", "tinggi"] as const;
export const EXPIRY_STATES = ["none", "ok", "expiring", "expired"] as const;
