import type { idLiveEvidence } from "./id.liveEvidence";

/** English texts of live evidence: what the platform proves itself for the standards assessment. */
export const enLiveEvidence: typeof idLiveEvidence = {
  liveEvidence: {
    title: "Live evidence from the platform",
    intro: "Computed from the platform's own data. Attached evidence expires after its freshness window; the criterion then needs review.",
    passes: "Passes",
    fails: "Does not pass",
    threshold: "Threshold: {{threshold}}",
    updated: "updated {{ago}}",
    window: "fresh for {{days}} days",
    attach: "Attach as evidence",
    attached: "Live evidence for {{code}} attached.",
    snapshots: "Live evidence attached",
    snapshot: "{{value}} · data {{ago}} · attached by {{name}}",
    stale: "Stale",
    needsReview: "Needs review",
  },
};
