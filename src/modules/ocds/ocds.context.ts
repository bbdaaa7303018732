/** What a release needs from the installation's configuration. */
export interface OcdsContext {
  /** `config.ocdsPrefix`; a tender's ocid is `${ocidPrefix}-${tenderCode}` from its first release on. */
  ocidPrefix: string;
}

