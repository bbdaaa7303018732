/** The competences of the matrix (LPSE standard 8 asks for the skills the service needs, per person). */
export const COMPETENCES = ["server_administration", "network_administration", "information_security", "helpdesk_service", "procurement", "service_management"] as const;
export type Competence = (typeof COMPETENCES)[number];

/** Levels 1 (basic) to 4 (expert), as in the competence matrices LPSEs keep for standard 8. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;
