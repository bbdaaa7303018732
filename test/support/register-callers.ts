import type { TestApp } from "./app.js";
import type { Client } from "./client.js";
import { buildUser, buildVendor, loginAs } from "./factories.js";

/** The callers a register's route test walks through: its keeper, its readers, and two who may not touch it. */
export interface RegisterCallers {
  /** Admin PPE: keeps the registers. */
  admin: Client;
  /** Kepala LPSE: reads them (and approves where the standard asks for it). */
  head: Client;
  auditor: Client;
  /** Staff without a right to the register. */
  helpdesk: Client;
  vendor: Client;
}

/** Each caller as a fresh account, logged in. */
export async function registerCallers(t: TestApp): Promise<RegisterCallers> {
  return {
    admin: await loginAs(t, await buildUser(t, "admin_ppe")),
    head: await loginAs(t, await buildUser(t, "kepala_lpse")),
    auditor: await loginAs(t, await buildUser(t, "auditor")),
    helpdesk: await loginAs(t, await buildUser(t, "helpdesk")),
    vendor: await loginAs(t, await buildVendor(t)),
  };
}
