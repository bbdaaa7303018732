import type { Operation } from "../support/openapi.js";
import type { World } from "./world.js";

const REGULATION = { title: "Pengadaan Barang/Jasa Pemerintah", number: "Perpres 12/2021", kind: "perpres", issuedOn: "2021-02-02", status: "in_force", reviewOn: "2027-02-02" };
const LICENCE = { product: "LibreOffice", vendor: "The Document Foundation", licenceType: "open_source", seats: null, validUntil: null, cost: null };

/** Bodies of the compliance registers' operations (their refinements are beyond a generated body). */
export function complianceBody(op: Operation, world: World): unknown {
  switch (op.key) {
    case "POST /api/v1/compliance/regulations":
    case "PUT /api/v1/compliance/regulations/{regulationId}":
      return REGULATION;
    case "POST /api/v1/compliance/licences":
    case "PUT /api/v1/compliance/licences/{softwareLicenceId}":
      return LICENCE;
    case "POST /api/v1/compliance/licences/{softwareLicenceId}/installations":
      return { assetId: world.registers.assetId, installedOn: "2026-11-02", notes: null };
    default:
      return undefined;
  }
}
