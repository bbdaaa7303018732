/** Values shared by the API schemas and the web forms of the budget (standard 13) and supplier (standard 14) registers. */
export const OPERATING_COMPONENTS = ["staff", "outsourcing", "utilities", "internet", "maintenance", "training"] as const;
export const CAPITAL_COMPONENTS = ["servers", "storage", "network", "ups", "pcs", "licences"] as const;
export const COST_COMPONENTS = [...OPERATING_COMPONENTS, ...CAPITAL_COMPONENTS] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];
export const SUPPLIER_SERVICES = ["isp", "data_centre", "hardware_maintenance", "software_support", "security", "other"] as const;
/** Uptime is met at or above its target; response and resolution times at or below theirs. */
export const SLA_DIRECTIONS = ["at_least", "at_most"] as const;
/**
 * Contracts are flagged this many days before they end. A constant, not a setting: renewing an ISP or data-centre
 * contract is itself a procurement (e-purchasing or a tender takes weeks), and a quarter's notice is what the
 * supporting-services review of standard 14 expects; no LPSE needs a different figure.
 */
export const CONTRACT_EXPIRY_ALERT_DAYS = 90;

export function costCategory(component: CostComponent): "operating" | "capital" {
  return (OPERATING_COMPONENTS as readonly string[]).includes(component) ? "operating" : "capital";
}
