import type { DB } from "../../db/schema.js";
import type { AgencyRow } from "./orgs.repository.js";
import type { AGENCY_KINDS, AgencyView } from "./orgs.schemas.js";

export function presentAgency(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as (typeof AGENCY_KINDS)[number],
    active: row.active === 1,
    workUnitCount: row.work_unit_count,
  };
}

export function presentWorkUnit(row: DB["work_units"]) {
  return { id: row.id, agencyId: row.agency_id, code: row.code, name: row.name };
}
