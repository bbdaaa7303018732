import { LPSE_WIDE_ROLES, type Role } from "../../src/modules/users/roles.js";
import { SURVEY_ACCESS } from "./access-table.surveys.js";
import type { Principal } from "./world.js";
import { PEOPLE_ACCESS } from "./access-table.people.js";
import { budgetSuppliersAccess } from "./access-table.budget-suppliers.js";
import { COMPLIANCE_ACCESS } from "./access-table.compliance.js";

/**
 * Who may call each operation, declared by hand and checked against the running app by
 * authorization-matrix.test.ts. Keys are "METHOD /path" as in the OpenAPI document. A route missing
 * here fails the suite, and so does an entry whose route is gone.
 *
 * "Allowed" means the server does not refuse the caller (no 401 or 403); it may still refuse the request
 * for its stage or content. Everyone else must get 401 (anonymous), 403, or 404 where existence is secret.
 * The fixture world: agency A owns a package and its published tender (Pokja = "the committee"); vendor A
 * joined the tender, is invited to agency A's Pengadaan Langsung, and owns the vendor records; agency B
 * and vendor B hold the same roles over none of it. A draft sealed-bid package of agency A has the same Pokja.
 * The Kepala LPSE opened a standards cycle with the Verifikator on its team; the Helpdesk owns its finding.
 */
export interface Rule {
  describe: string;
  allows(p: Principal): boolean;
}

const rule = (describe: string, allows: (p: Principal) => boolean): Rule => ({ describe, allows });

export const PUBLIC = rule("public", () => true);
export const AUTHENTICATED = rule("authenticated", (p) => p.role !== null);
/** Every account of the LPSE and its agencies, not vendors. */
export const STAFF = rule("staff (every role but vendor)", (p) => p.role !== null && p.role !== "vendor");
export const roles = (...allowed: Role[]) => rule(allowed.join(", "), (p) => p.role !== null && allowed.includes(p.role));
/** The roles, but only in the agency that owns the package (agency A). */
export const sameAgency = (...allowed: Role[]) => rule(`${allowed.join(", ")} of the same agency`, (p) => p.agency === "A" && p.role !== null && allowed.includes(p.role));
export const COMMITTEE = rule("Pokja of the tender", (p) => p.committee);
export const OWNER_VENDOR = rule("the owner vendor", (p) => p.ownerVendor);
export const PARTICIPANT = rule("a vendor that joined the tender", (p) => p.ownerVendor);
export const INVITEE = rule("the vendor invited to the Pengadaan Langsung", (p) => p.ownerVendor);
export const RECIPIENT = rule("the notification's recipient", (p) => p.ownerVendor);
export const DIRECT_OFFICIAL = rule("the Pejabat Pengadaan of the package", (p) => p.directOfficial);
/** Bidders (a sealed bid opened) object and appeal; the fixture tender has no bids yet, so nobody is one. */
export const BIDDER = rule("a bidder of the tender (none in the fixtures)", () => false);
/** The vendor that submitted a sealed bid reads its events; the fixture tender has no bids yet, so nobody is one. */
export const BID_OWNER = rule("the vendor that submitted the bid (none in the fixtures)", () => false);
/**
 * The Kepala LPSE holding the escrow share of a tender key. Only with the escrow setting on; the fixtures keep
 * the default (off), so nobody holds one and the Kepala LPSE is refused like any other outsider.
 */
export const ESCROW_HOLDER = rule("the Kepala LPSE holding the escrow share (none: escrow is off in the fixtures)", () => false);
/** The key ceremony before publication: the committee assigned to the draft sealed-bid package (the tender's Pokja). */
export const DRAFT_COMMITTEE = rule("the package's committee before publication", (p) => p.committee);
export const KEPALA_LPSE = rule("the Kepala LPSE", (p) => p.role === "kepala_lpse");
/** The LPSE's own staff, neither vendors nor agency officials. */
export const LPSE_STAFF = rule("LPSE-wide staff (kepala_lpse, admin_ppe, verifikator, helpdesk, auditor)", (p) => p.role !== null && LPSE_WIDE_ROLES.includes(p.role));
export const ASSESSOR = rule("the cycle's assessment team", (p) => p.assessor);
export const ACTION_OWNER = rule("the owner of the corrective action", (p) => p.actionOwner);
export const VERIFYING_ASSESSOR = rule("the cycle's assessment team, not the action's owner", (p) => p.assessor && !p.actionOwner);
/**
 * /metrics answers METRICS_TOKEN, or a direct loopback connection without forwarding headers (the tests run
 * without a token). Injected requests come from loopback, so every caller is allowed here; the refusal of a
 * relayed or remote scrape is tested in test/server/metrics.test.ts.
 */
export const METRICS_SCRAPER = rule("loopback or METRICS_TOKEN (every injected caller: loopback, no forwarding header)", () => true);
/** The helpdesk ticket of the fixtures was filed by vendor A's user, who follows it (without internal notes). */
export const TICKET_SUBMITTER = rule("the ticket's submitter (vendor A's user)", (p) => p.ownerVendor);
export const anyOf = (...rules: Rule[]) => rule(rules.map((r) => r.describe).join(" | "), (p) => rules.some((r) => r.allows(p)));

/** LPSE-wide oversight of vendors' data. */
const VENDOR_DESK = roles("admin_ppe", "verifikator", "helpdesk", "auditor");
const VENDOR_DATA_READERS = anyOf(VENDOR_DESK, OWNER_VENDOR);
/** A package while it is prepared: its agency, its committee, and LPSE oversight. */
const PACKAGE_READERS = anyOf(roles("admin_ppe", "auditor"), sameAgency("admin_agency", "pa_kpa", "ppk"), COMMITTEE);
/** A published tender's files: participants, the committee and LPSE oversight. */
const TENDER_FILE_READERS = anyOf(roles("admin_ppe", "auditor"), COMMITTEE, PARTICIPANT);
const PACKAGE_PPK = sameAgency("ppk");
/** The evaluation minutes and the winner proposal: the committee, the agency's PPK and PA/KPA, the auditors. */
const MINUTES_READERS = anyOf(roles("auditor"), COMMITTEE, sameAgency("ppk", "pa_kpa"));
/** A standards cycle: the Kepala LPSE, the auditor, its team and the owners of its corrective actions. */
const CYCLE_READERS = anyOf(KEPALA_LPSE, roles("auditor"), ASSESSOR, ACTION_OWNER);
/** Peer LPSEs, their summaries, templates and study visits are managed by the head of the LPSE or its administrator. */
const PEER_MANAGERS = roles("kepala_lpse", "admin_ppe");
/** The helpdesk register: its staff and the LPSE administrator handle tickets; the Kepala LPSE and auditors read (helpdesk.policy.ts). */
const TICKET_MANAGERS = roles("helpdesk", "admin_ppe");
const TICKET_READERS = roles("helpdesk", "admin_ppe", "kepala_lpse", "auditor");
const REGISTER_MANAGERS = roles("admin_ppe");
const REGISTER_READERS = roles("admin_ppe", "helpdesk", "kepala_lpse", "auditor");
/** The operations registers (standards 7, 10, 11): the LPSE administrator keeps them; the Kepala LPSE and auditors read (operations-registers.policy.ts). */
const OPERATIONS_MANAGERS = roles("admin_ppe");
const OPERATIONS_READERS = roles("admin_ppe", "kepala_lpse", "auditor");
/** User management: the LPSE administrator, or the agency administrator for accounts of its agency. */
const USER_MANAGERS = anyOf(roles("admin_ppe"), sameAgency("admin_agency"));

const records = (kind: string): Record<string, Rule> => ({
  [`GET /api/v1/vendors/{vendorId}/${kind}`]: VENDOR_DATA_READERS,
  [`POST /api/v1/vendors/{vendorId}/${kind}`]: OWNER_VENDOR,
  [`PUT /api/v1/vendors/{vendorId}/${kind}/{recordId}`]: OWNER_VENDOR,
  [`DELETE /api/v1/vendors/{vendorId}/${kind}/{recordId}`]: OWNER_VENDOR,
});

export const ACCESS_TABLE: Record<string, Rule> = {
  ...budgetSuppliersAccess(roles),
  // system
  "GET /api/health": PUBLIC,
  "GET /health/live": PUBLIC,
  "GET /health/ready": PUBLIC,
  "GET /metrics": METRICS_SCRAPER,
  "GET /api/openapi.json": PUBLIC,
  "GET /api/v1/public/lpse": PUBLIC,
  "POST /api/v1/setup": PUBLIC,

  // event log: public by design (witnesses check heads and proofs)
  "GET /api/v1/log/head": PUBLIC,
  "GET /api/v1/log/key": PUBLIC,
  "GET /api/v1/log/proofs/inclusion": PUBLIC,
  "GET /api/v1/log/proofs/consistency": PUBLIC,
  "GET /api/v1/log/events": PUBLIC,

  // auth
  "GET /api/v1/auth/csrf": PUBLIC,
  "POST /api/v1/auth/login": PUBLIC,
  "POST /api/v1/auth/totp": AUTHENTICATED,
  "POST /api/v1/auth/totp/enroll": AUTHENTICATED,
  "POST /api/v1/auth/logout": PUBLIC,
  "GET /api/v1/auth/me": AUTHENTICATED,

  // account recovery: on the caller's own account only. A password reset answers the same for every
  // address; its completion needs the emailed token (the example's is unknown, so no password changes).
  // Sessions and recovery codes are the caller's own: a session reference of someone else is 404.
  "POST /api/v1/auth/password-reset": PUBLIC,
  "POST /api/v1/auth/password-reset/complete": PUBLIC,
  "POST /api/v1/auth/totp/recovery": AUTHENTICATED,
  "GET /api/v1/auth/recovery-codes": AUTHENTICATED,
  "POST /api/v1/auth/recovery-codes": AUTHENTICATED,
  "GET /api/v1/auth/sessions": AUTHENTICATED,
  "POST /api/v1/auth/sessions/revoke-others": AUTHENTICATED,
  "DELETE /api/v1/auth/sessions/{sessionRef}": AUTHENTICATED,

  // orgs
  "GET /api/v1/agencies": STAFF,
  "POST /api/v1/agencies": roles("admin_ppe"),
  "PATCH /api/v1/agencies/{agencyId}": roles("admin_ppe"),
  "GET /api/v1/agencies/{agencyId}/work-units": STAFF,
  "POST /api/v1/agencies/{agencyId}/work-units": anyOf(roles("admin_ppe"), sameAgency("admin_agency")),

  // users
  "GET /api/v1/users": roles("admin_ppe", "admin_agency"),
  "POST /api/v1/users": anyOf(roles("admin_ppe"), sameAgency("admin_agency")),
  "POST /api/v1/users/{userId}/disable": anyOf(roles("admin_ppe"), sameAgency("admin_agency")),
  "POST /api/v1/users/{userId}/enable": anyOf(roles("admin_ppe"), sameAgency("admin_agency")),
  "POST /api/v1/users/{userId}/reset-second-factor": anyOf(roles("admin_ppe"), sameAgency("admin_agency")),
  "POST /api/v1/users/{userId}/revoke-sessions": USER_MANAGERS,

  // settings
  "GET /api/v1/settings": STAFF,
  "PUT /api/v1/settings": roles("admin_ppe"),
  "GET /api/v1/holidays": PUBLIC,
  "POST /api/v1/holidays": roles("admin_ppe"),
  "DELETE /api/v1/holidays/{date}": roles("admin_ppe"),

  // notifications
  "GET /api/v1/notifications": AUTHENTICATED,
  "POST /api/v1/notifications/read-all": AUTHENTICATED,
  "POST /api/v1/notifications/{notificationId}/read": RECIPIENT,
  "GET /api/v1/admin/mail-outbox": roles("admin_ppe"),
  "POST /api/v1/admin/mail-outbox/{mailId}/retry": roles("admin_ppe"),

  // vendors
  "POST /api/v1/vendor-registrations": PUBLIC,
  "POST /api/v1/vendor-registrations/complete": PUBLIC,
  "GET /api/v1/vendors/{vendorId}": VENDOR_DATA_READERS,
  "PUT /api/v1/vendors/{vendorId}/profile": OWNER_VENDOR,
  "POST /api/v1/vendors/{vendorId}/licences": OWNER_VENDOR,
  "DELETE /api/v1/vendors/{vendorId}/licences/{licenceId}": OWNER_VENDOR,
  "POST /api/v1/vendors/{vendorId}/submit": OWNER_VENDOR,
  "GET /api/v1/vendors/verified": roles("pokja", "pejabat_pengadaan"),
  "GET /api/v1/verification/queue": roles("verifikator"),
  "POST /api/v1/vendors/{vendorId}/verification": roles("verifikator"),
  "GET /api/v1/vendors/{vendorId}/verifications": VENDOR_DATA_READERS,
  "GET /api/v1/vendors/{vendorId}/changes": VENDOR_DATA_READERS,
  "POST /api/v1/vendors/{vendorId}/documents": OWNER_VENDOR,
  "GET /api/v1/vendors/{vendorId}/documents": VENDOR_DATA_READERS,
  "GET /api/v1/vendors/{vendorId}/documents/{documentId}/content": VENDOR_DATA_READERS,
  ...records("deeds"),
  ...records("owners"),
  ...records("managers"),
  ...records("experts"),
  ...records("equipment"),
  ...records("experience"),
  ...records("tax-reports"),
  "GET /api/v1/vendors/{vendorId}/users": VENDOR_DATA_READERS,
  "POST /api/v1/vendors/{vendorId}/users": OWNER_VENDOR,

  // packages
  "GET /api/v1/packages": roles("admin_ppe", "auditor", "admin_agency", "pa_kpa", "ppk", "pokja", "pejabat_pengadaan"),
  // Any PPK creates packages; a work unit of another agency is refused as content (400 naming workUnitId).
  "POST /api/v1/packages": roles("ppk"),
  "GET /api/v1/packages/{packageId}": PACKAGE_READERS,
  "PUT /api/v1/packages/{packageId}": PACKAGE_PPK,
  "GET /api/v1/packages/{packageId}/assignable-members": sameAgency("admin_agency"),
  "PUT /api/v1/packages/{packageId}/assignment": sameAgency("admin_agency"),
  "POST /api/v1/packages/{packageId}/documents": PACKAGE_PPK,
  "GET /api/v1/packages/{packageId}/documents": PACKAGE_READERS,
  "GET /api/v1/packages/{packageId}/documents/{documentId}/content": PACKAGE_READERS,
  "GET /api/v1/packages/{packageId}/schedule": PACKAGE_READERS,
  "PUT /api/v1/packages/{packageId}/schedule": COMMITTEE,
  "GET /api/v1/packages/{packageId}/schedule/proposal": COMMITTEE,
  "POST /api/v1/packages/{packageId}/publish": COMMITTEE,
  "GET /api/v1/packages/{packageId}/key-ceremony": DRAFT_COMMITTEE,
  "POST /api/v1/packages/{packageId}/tender-code": DRAFT_COMMITTEE,

  // tenders: portal, participation, clarification, addenda
  "GET /api/v1/public/tenders": PUBLIC,
  "GET /api/v1/public/agencies": PUBLIC,
  "GET /api/v1/public/tenders/feed.atom": PUBLIC,
  "GET /api/v1/public/tenders/{tenderCode}": PUBLIC,
  "GET /api/v1/public/tenders/{tenderCode}/participants": PUBLIC,
  "GET /api/v1/public/tenders/{tenderCode}/questions": PUBLIC,
  "POST /api/v1/tenders/{tenderCode}/participation": roles("vendor"),
  "GET /api/v1/tenders/{tenderCode}/viewer": AUTHENTICATED,
  "POST /api/v1/tenders/{tenderCode}/questions": PARTICIPANT,
  "POST /api/v1/tenders/{tenderCode}/questions/{questionId}/answer": COMMITTEE,
  "POST /api/v1/tenders/{tenderCode}/addenda": COMMITTEE,
  "GET /api/v1/tenders/{tenderCode}/documents": TENDER_FILE_READERS,
  "GET /api/v1/tenders/{tenderCode}/files": TENDER_FILE_READERS,
  "GET /api/v1/tenders/{tenderCode}/files/{documentId}/content": TENDER_FILE_READERS,

  // open data
  "GET /api/v1/ocds/releases": PUBLIC,
  "GET /api/v1/ocds/releases/{releaseId}": PUBLIC,
  "GET /api/v1/ocds/records": PUBLIC,
  "GET /api/v1/ocds/records/{ocid}": PUBLIC,

  // sealed bids: keys, ceremony, bids, opening
  // The Kepala LPSE keeps an opening key too: it may hold the escrow share of tender keys.
  "GET /api/v1/me/opening-key": roles("pokja", "pejabat_pengadaan", "kepala_lpse"),
  "PUT /api/v1/me/opening-key": roles("pokja", "pejabat_pengadaan", "kepala_lpse"),
  "GET /api/v1/tenders/{tenderCode}/key-ceremony": COMMITTEE,
  "PUT /api/v1/tenders/{tenderCode}/tender-key": COMMITTEE,
  "GET /api/v1/public/tenders/{tenderCode}/key": PUBLIC,
  "GET /api/v1/tenders/{tenderCode}/key-share": anyOf(COMMITTEE, ESCROW_HOLDER),
  "POST /api/v1/tenders/{tenderCode}/bids": PARTICIPANT,
  "POST /api/v1/tenders/{tenderCode}/bid-uploads": PARTICIPANT,
  "GET /api/v1/tenders/{tenderCode}/bid-uploads/{uploadId}": PARTICIPANT,
  "PATCH /api/v1/tenders/{tenderCode}/bid-uploads/{uploadId}": PARTICIPANT,
  "POST /api/v1/tenders/{tenderCode}/bid-uploads/{uploadId}/complete": PARTICIPANT,
  "GET /api/v1/tenders/{tenderCode}/bids/mine": PARTICIPANT,
  "DELETE /api/v1/tenders/{tenderCode}/bids/mine": PARTICIPANT,
  "GET /api/v1/tenders/{tenderCode}/bids/{bidId}/events": BID_OWNER,
  "POST /api/v1/tenders/{tenderCode}/opening/shares": anyOf(COMMITTEE, ESCROW_HOLDER),
  "GET /api/v1/tenders/{tenderCode}/opening/shares": anyOf(COMMITTEE, ESCROW_HOLDER),
  "GET /api/v1/public/tenders/{tenderCode}/opening": PUBLIC,

  // evaluation
  "GET /api/v1/tenders/{tenderCode}/evaluation": COMMITTEE,
  "PUT /api/v1/tenders/{tenderCode}/evaluation/{vendorId}/{stage}": COMMITTEE,
  "POST /api/v1/tenders/{tenderCode}/winner": COMMITTEE,
  "GET /api/v1/public/tenders/{tenderCode}/results": PUBLIC,
  "GET /api/v1/tenders/{tenderCode}/winner/proposals": MINUTES_READERS,
  "POST /api/v1/tenders/{tenderCode}/winner/decision": sameAgency("pa_kpa"),
  "GET /api/v1/tenders/{tenderCode}/minutes": MINUTES_READERS,
  "GET /api/v1/tenders/{tenderCode}/minutes/{kind}": MINUTES_READERS,
  "POST /api/v1/tenders/{tenderCode}/minutes/{kind}": COMMITTEE,

  // award: sanggah, banding, SPPBJ, failure, contract
  "POST /api/v1/tenders/{tenderCode}/objections": BIDDER,
  "POST /api/v1/tenders/{tenderCode}/objections/{objectionId}/answer": COMMITTEE,
  "GET /api/v1/public/tenders/{tenderCode}/objections": PUBLIC,
  "POST /api/v1/tenders/{tenderCode}/objections/{objectionId}/appeal": BIDDER,
  "POST /api/v1/tenders/{tenderCode}/appeals/{appealId}/answer": sameAgency("pa_kpa"),
  "GET /api/v1/public/tenders/{tenderCode}/appeals": PUBLIC,
  "POST /api/v1/tenders/{tenderCode}/award": PACKAGE_PPK,
  "GET /api/v1/public/tenders/{tenderCode}/award": PUBLIC,
  "POST /api/v1/tenders/{tenderCode}/failure": COMMITTEE,
  "GET /api/v1/public/tenders/{tenderCode}/failure": PUBLIC,
  "POST /api/v1/tenders/{tenderCode}/retender": PACKAGE_PPK,
  "POST /api/v1/tenders/{tenderCode}/contract": PACKAGE_PPK,
  "GET /api/v1/public/tenders/{tenderCode}/contract": PUBLIC,

  // Pengadaan Langsung
  "GET /api/v1/direct/invitations": roles("vendor"),
  "GET /api/v1/public/direct-results": PUBLIC,
  "GET /api/v1/packages/{packageId}/direct": anyOf(DIRECT_OFFICIAL, INVITEE, PACKAGE_PPK, sameAgency("pa_kpa"), roles("admin_ppe", "auditor")),
  "POST /api/v1/packages/{packageId}/direct/invitation": DIRECT_OFFICIAL,
  "PUT /api/v1/packages/{packageId}/direct/quotation": INVITEE,
  "POST /api/v1/packages/{packageId}/direct/negotiation": DIRECT_OFFICIAL,
  "POST /api/v1/packages/{packageId}/direct/result": DIRECT_OFFICIAL,

  // operations: restore drills are continuity evidence (LPSE standard 12)
  "GET /api/v1/operations/drills": roles("admin_ppe", "kepala_lpse", "auditor"),

  // the 17 LPSE standards: the Kepala LPSE opens, appoints, signs off; the team assesses; owners act
  "GET /api/v1/standards/catalog": AUTHENTICATED,
  "GET /api/v1/standards/catalog/{version}": AUTHENTICATED,
  "GET /api/v1/standards/staff": LPSE_STAFF,
  "GET /api/v1/standards/cycles": LPSE_STAFF,
  "POST /api/v1/standards/cycles": KEPALA_LPSE,
  "GET /api/v1/standards/cycles/{cycleId}": CYCLE_READERS,
  "PUT /api/v1/standards/cycles/{cycleId}/team": KEPALA_LPSE,
  "PUT /api/v1/standards/cycles/{cycleId}/standards/{standardCode}/coordinator": KEPALA_LPSE,
  "PUT /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}": ASSESSOR,
  "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/evidence/links": ASSESSOR,
  "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/evidence/files": ASSESSOR,
  "GET /api/v1/standards/cycles/{cycleId}/evidence/{evidenceId}/content": CYCLE_READERS,
  "POST /api/v1/standards/cycles/{cycleId}/findings": ASSESSOR,
  "POST /api/v1/standards/cycles/{cycleId}/findings/{findingId}/done": ACTION_OWNER,
  "POST /api/v1/standards/cycles/{cycleId}/findings/{findingId}/verify": VERIFYING_ASSESSOR,
  "POST /api/v1/standards/cycles/{cycleId}/sign-off": KEPALA_LPSE,
  "PUT /api/v1/standards/cycles/{cycleId}/standards/{standardCode}/lkpp": KEPALA_LPSE,
  "GET /api/v1/standards/cycles/{cycleId}/report": CYCLE_READERS,
  // live evidence: readings for the LPSE's staff; per cycle like the cycle; snapshots attached by the team
  "GET /api/v1/standards/live-evidence": LPSE_STAFF,
  "GET /api/v1/standards/cycles/{cycleId}/live": CYCLE_READERS,
  "GET /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/live": CYCLE_READERS,
  "POST /api/v1/standards/cycles/{cycleId}/criteria/{criterionCode}/live-snapshot": ASSESSOR,
  // comparison between LPSEs: LPSE staff read; the head or the administrator imports, publishes, records
  // visits; copying a template into a cycle adds evidence, so it is the team's (standards/peers.policy.ts)
  "GET /api/v1/standards/cycles/{cycleId}/summary": CYCLE_READERS,
  "GET /api/v1/standards/peers": LPSE_STAFF,
  "POST /api/v1/standards/peers/summaries": PEER_MANAGERS,
  "GET /api/v1/standards/comparison": LPSE_STAFF,
  "GET /api/v1/standards/visits": LPSE_STAFF,
  "POST /api/v1/standards/visits": PEER_MANAGERS,
  "GET /api/v1/standards/templates": LPSE_STAFF,
  "POST /api/v1/standards/templates": PEER_MANAGERS,
  "GET /api/v1/standards/templates/{templateId}/content": LPSE_STAFF,
  "POST /api/v1/standards/templates/{templateId}/copy": ASSESSOR,

  // helpdesk (LPSE standard 5): the public form and tracking by code and email, the staff queue, the FAQ
  "POST /api/v1/helpdesk/public/tickets": PUBLIC,
  "POST /api/v1/helpdesk/public/track": PUBLIC,
  "POST /api/v1/helpdesk/public/replies": PUBLIC,
  "GET /api/v1/helpdesk/my-tickets": AUTHENTICATED,
  "GET /api/v1/helpdesk/tickets": TICKET_READERS,
  "POST /api/v1/helpdesk/tickets": TICKET_MANAGERS,
  // Anyone else gets 404: a ticket's existence stays secret.
  "GET /api/v1/helpdesk/tickets/{ticketId}": anyOf(TICKET_READERS, TICKET_SUBMITTER),
  "POST /api/v1/helpdesk/tickets/{ticketId}/classification": TICKET_MANAGERS,
  "POST /api/v1/helpdesk/tickets/{ticketId}/assignment": TICKET_MANAGERS,
  "POST /api/v1/helpdesk/tickets/{ticketId}/escalation": TICKET_MANAGERS,
  "POST /api/v1/helpdesk/tickets/{ticketId}/status": TICKET_MANAGERS,
  "POST /api/v1/helpdesk/tickets/{ticketId}/comments": TICKET_MANAGERS,
  "GET /api/v1/helpdesk/staff": TICKET_READERS,
  "GET /api/v1/helpdesk/sla": TICKET_READERS,
  "PUT /api/v1/helpdesk/sla": roles("admin_ppe"),
  "GET /api/v1/helpdesk/reports/monthly": TICKET_READERS,
  // Published articles are public; drafts (?drafts=true) and writing are for the ticket managers.
  // operations registers: capacity samples and report, server access grants and reviews, patches, vulnerability scans
  "GET /api/v1/operations/capacity/samples": OPERATIONS_READERS,
  "GET /api/v1/operations/capacity/report": OPERATIONS_READERS,
  "GET /api/v1/operations/access-grants": OPERATIONS_READERS,
  "POST /api/v1/operations/access-grants": OPERATIONS_MANAGERS,
  "POST /api/v1/operations/access-grants/{grantId}/revoke": OPERATIONS_MANAGERS,
  "GET /api/v1/operations/access-reviews": OPERATIONS_READERS,
  "POST /api/v1/operations/access-reviews": OPERATIONS_MANAGERS,
  "GET /api/v1/operations/patches": OPERATIONS_READERS,
  "POST /api/v1/operations/patches": OPERATIONS_MANAGERS,
  "GET /api/v1/operations/scans": OPERATIONS_READERS,
  "POST /api/v1/operations/scans": OPERATIONS_MANAGERS,
  "GET /api/v1/operations/scans/{scanId}": OPERATIONS_READERS,
  "POST /api/v1/operations/scans/{scanId}/findings/{findingId}": OPERATIONS_MANAGERS,
  "GET /api/v1/helpdesk/articles": PUBLIC,
  "POST /api/v1/helpdesk/articles": TICKET_MANAGERS,
  "GET /api/v1/helpdesk/articles/{articleId}": PUBLIC,
  "PUT /api/v1/helpdesk/articles/{articleId}": TICKET_MANAGERS,

  // registers (LPSE standards 3, 4, 6): the administrator keeps assets and risks; helpdesk, head and auditors read
  // (registers.policy.ts). Changes: staff propose, the head or the administrator decide (never the proposer; the
  // fixture change was proposed by the helpdesk officer), the administrator implements, either reviews.
  "GET /api/v1/registers/assets": REGISTER_READERS,
  "POST /api/v1/registers/assets": REGISTER_MANAGERS,
  "GET /api/v1/registers/assets/{assetId}": REGISTER_READERS,
  "PUT /api/v1/registers/assets/{assetId}": REGISTER_MANAGERS,
  "DELETE /api/v1/registers/assets/{assetId}": REGISTER_MANAGERS,
  "GET /api/v1/registers/risks": REGISTER_READERS,
  "POST /api/v1/registers/risks": REGISTER_MANAGERS,
  "GET /api/v1/registers/risks/{riskId}": REGISTER_READERS,
  "PUT /api/v1/registers/risks/{riskId}": REGISTER_MANAGERS,
  "POST /api/v1/registers/risks/{riskId}/tasks": REGISTER_MANAGERS,
  "PUT /api/v1/registers/risks/{riskId}/tasks/{taskId}": REGISTER_MANAGERS,
  "GET /api/v1/registers/changes": REGISTER_READERS,
  "POST /api/v1/registers/changes": roles("admin_ppe", "helpdesk", "kepala_lpse"),
  "GET /api/v1/registers/changes/{changeId}": REGISTER_READERS,
  "POST /api/v1/registers/changes/{changeId}/decision": roles("kepala_lpse", "admin_ppe"),
  "POST /api/v1/registers/changes/{changeId}/implementation": REGISTER_MANAGERS,
  "POST /api/v1/registers/changes/{changeId}/review": roles("admin_ppe", "kepala_lpse"),
  ...SURVEY_ACCESS,
  ...COMPLIANCE_ACCESS,
  ...PEOPLE_ACCESS,
};
