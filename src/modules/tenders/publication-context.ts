import type { Config } from "../../server/config.js";

/** What the services that change a public tender need from the configuration: links in mail, the OCDS prefix. */
export interface PublicationContext {
  publicUrl: string;
  /** `config.ocdsPrefix`; a tender's ocid is `${ocidPrefix}-${tenderCode}` from its first release on. */
  ocidPrefix: string;
}

export function publicationContext(config: Pick<Config, "publicUrl" | "ocdsPrefix">): PublicationContext {
  return { publicUrl: config.publicUrl, ocidPrefix: config.ocdsPrefix };
}
