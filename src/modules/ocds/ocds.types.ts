/** The part of OCDS 1.1 this LPSE produces, as JSON types (the official schema validates it in test/conformance). */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The release tags we write: publication, a schedule change, (with addenda) a formal amendment, the
 * winner named (award, pending), the award letter (awardUpdate, active), a failed tender (tenderUpdate,
 * unsuccessful) and the signed contract (contract).
 */
export const RELEASE_TAGS = ["planning", "tender", "tenderUpdate", "tenderAmendment", "award", "awardUpdate", "contract"] as const;
export type ReleaseTag = (typeof RELEASE_TAGS)[number];

export type OcdsValue = { amount: number; currency: "IDR" };
export type OcdsPeriod = { startDate: string; endDate: string };
export type OcdsOrganizationReference = { id: string; name: string };

export type OcdsAmendment = {
  id: string;
  date: string;
  rationale: string;
  description?: string;
  /** The release this amendment changes (the previous release of the tender, when there is one). */
  amendsReleaseID?: string;
  /** The release that carries the amended information. */
  releaseID: string;
};

export type OcdsRelease = {
  ocid: string;
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: "tender";
  language: "id";
  parties: (OcdsOrganizationReference & { roles: string[] })[];
  buyer: OcdsOrganizationReference;
  planning: { budget: { id: string; description: string; amount: OcdsValue } };
  tender: {
    id: string;
    title: string;
    status: "active" | "unsuccessful";
    procuringEntity: OcdsOrganizationReference;
    items: { id: string; description: string; quantity: number; unit: { name: string } }[];
    value: OcdsValue;
    procurementMethod: "open" | "direct";
    procurementMethodDetails: string;
    mainProcurementCategory: "goods" | "works" | "services";
    awardCriteria: string;
    awardCriteriaDetails: string;
    submissionMethod: ["electronicSubmission"];
    eligibilityCriteria?: string;
    tenderPeriod?: OcdsPeriod;
    enquiryPeriod?: OcdsPeriod;
    awardPeriod?: OcdsPeriod;
    milestones: { id: string; code: string; title: string; type: string; description: string; dueDate: string }[];
    amendments?: OcdsAmendment[];
  };
  awards?: { id: string; title: string; status: "pending" | "active" | "cancelled"; date: string; value: OcdsValue; suppliers: OcdsOrganizationReference[] }[];
  contracts?: { id: string; awardID: string; title: string; status: "active"; value: OcdsValue; dateSigned: string; period: OcdsPeriod }[];
};
