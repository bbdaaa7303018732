/** Values shared by the API schemas and the web forms of the compliance registers (standard 16). */

/** Kinds of regulation, from the law down to the LPSE's own SOPs. */
export const REGULATION_KINDS = ["uu", "pp", "perpres", "peraturan_lkpp", "perda", "perbup_perwal", "sk", "sop"] as const;
export const REGULATION_STATUSES = ["in_force", "revoked", "replaced"] as const;
export const LICENCE_TYPES = ["perpetual", "subscription", "open_source"] as const;
export const EXPIRY_STATES = ["none", "ok", "expiring", "expired"] as const;
