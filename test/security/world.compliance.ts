import type { Client } from "../support/client.js";

async function created(what: string, r: { status: number; text: string; body: unknown }): Promise<{ id: string; installations?: { id: string }[] }> {
  if (r.status !== 201) throw new Error(`fixture ${what}: ${r.status} ${r.text}`);
  return r.body as { id: string; installations?: { id: string }[] };
}

/**
 * The compliance registers of the fixture world, kept by the administrator: a regulation, and a licence
 * installed on an asset of its own (the world's register asset stays free for the installation operation).
 */
export async function buildComplianceWorld(admin: Client): Promise<{ regulationId: string; softwareLicenceId: string; installationId: string }> {
  const regulation = await created("regulation", await admin.post("/api/v1/compliance/regulations", { title: "Layanan Pengadaan Secara Elektronik", number: "Peraturan LKPP 14/2018", kind: "peraturan_lkpp", issuedOn: "2018-08-01", status: "in_force" }));
  const asset = await created("licence asset", await admin.post("/api/v1/registers/assets", { code: "PC-ADM-01", name: "Komputer admin", type: "hardware", owner: "Admin PPE", location: "Ruang LPSE", confidentiality: 2, integrity: 2, availability: 2 }));
  const licence = await created("licence", await admin.post("/api/v1/compliance/licences", { product: "Microsoft Windows 11 Pro", vendor: "Microsoft", licenceType: "perpetual", seats: 1, cost: "3500000" }));
  const installed = await created("installation", await admin.post(`/api/v1/compliance/licences/${licence.id}/installations`, { assetId: asset.id }));
  return { regulationId: regulation.id, softwareLicenceId: licence.id, installationId: installed.installations?.[0]?.id as string };
}
