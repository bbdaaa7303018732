import { quantityString, rupiahString } from "../packages/money.js";
import { daysBetween } from "../registers/registers.rules.js";
import { CONTRACT_EXPIRY_ALERT_DAYS, COST_COMPONENTS, costCategory, type CostComponent } from "./budget-suppliers-enums.js";
import type * as repo from "./budget-suppliers.repository.js";
import { sharePercent } from "./budget-suppliers.rules.js";
import type { BudgetLine, BudgetYear, Supplier } from "./budget-suppliers.schemas.js";

const totals = (planned: bigint, realised: bigint) => ({ planned: rupiahString(planned), realised: rupiahString(realised), realisedPercent: sharePercent(realised, planned) });

/** The sen realised against each line. */
export function realisedByLine(realisations: repo.RealisationRow[]): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const r of realisations) sums.set(r.line_id, (sums.get(r.line_id) ?? 0n) + BigInt(r.amount_sen));
  return sums;
}

export function presentLine(l: repo.LineWithAsset, realisations: repo.RealisationRow[], closed: boolean): BudgetLine {
  const own = realisations.filter((r) => r.line_id === l.id);
  const planned = BigInt(l.planned_sen);
  const realised = own.reduce((sum, r) => sum + BigInt(r.amount_sen), 0n);
  const component = l.component as CostComponent;
  return {
    id: l.id,
    year: l.year,
    component,
    category: costCategory(component),
    description: l.description,
    ...totals(planned, realised),
    remaining: rupiahString(planned - realised),
    asset: l.asset_id && l.asset_code && l.asset_name ? { id: l.asset_id, code: l.asset_code, name: l.asset_name } : null,
    realisations: own.map((r) => ({ id: r.id, realisedOn: r.realised_on, amount: rupiahString(BigInt(r.amount_sen)), description: r.description, reference: r.reference })),
    yearClosed: closed,
  };
}

/** A year's lines with plan, realisation and share per component (only components with lines), per category and in total. */
export function presentYear(year: repo.YearRow, lines: repo.LineWithAsset[], realisations: repo.RealisationRow[], manage: boolean): BudgetYear {
  const closed = year.closed_at !== null;
  const shown = lines.map((l) => presentLine(l, realisations, closed));
  const sums = realisedByLine(realisations);
  const add = (items: repo.LineWithAsset[]) => {
    const planned = items.reduce((s, l) => s + BigInt(l.planned_sen), 0n);
    const realised = items.reduce((s, l) => s + (sums.get(l.id) ?? 0n), 0n);
    return totals(planned, realised);
  };
  const byComponent = COST_COMPONENTS.filter((c) => lines.some((l) => l.component === c)).map((component) => ({
    component,
    category: costCategory(component),
    ...add(lines.filter((l) => l.component === component)),
  }));
  return {
    year: year.year,
    closed,
    closedAt: year.closed_at,
    lines: shown,
    byComponent,
    byCategory: {
      operating: add(lines.filter((l) => costCategory(l.component as CostComponent) === "operating")),
      capital: add(lines.filter((l) => costCategory(l.component as CostComponent) === "capital")),
    },
    total: add(lines),
    can: { manage: manage && !closed },
  };
}

type ReviewRow = Awaited<ReturnType<typeof repo.listReviews>>[number];

/** A supplier with its contract state on `today` (expiring within CONTRACT_EXPIRY_ALERT_DAYS, inclusive), targets and reviews. */
export function presentSupplier(
  s: repo.SupplierRow,
  context: { today: string; targets: repo.TargetRow[]; reviews: ReviewRow[]; measurements: repo.MeasurementRow[]; assets: { id: string; code: string; name: string }[]; manage: boolean },
): Supplier {
  const daysLeft = daysBetween(context.today, s.contract_ends_on);
  const targets = context.targets.filter((t) => t.supplier_id === s.id);
  const assetIds = JSON.parse(s.asset_ids) as string[];
  return {
    id: s.id,
    name: s.name,
    service: s.service as Supplier["service"],
    contractNumber: s.contract_number,
    contractStartsOn: s.contract_starts_on,
    contractEndsOn: s.contract_ends_on,
    contact: s.contact,
    assets: context.assets.filter((a) => assetIds.includes(a.id)),
    contract: { state: daysLeft < 0 ? "expired" : daysLeft <= CONTRACT_EXPIRY_ALERT_DAYS ? "expiring" : "ok", daysLeft },
    targets: targets.map((t) => ({ id: t.id, metric: t.metric, target: quantityString(BigInt(t.target_milli)), unit: t.unit, direction: t.direction })),
    reviews: context.reviews
      .filter((r) => r.supplier_id === s.id)
      .map((r) => {
        const measurements = context.measurements
          .filter((m) => m.review_id === r.id)
          .flatMap((m) => {
            const t = targets.find((x) => x.id === m.target_id);
            return t ? [{ targetId: t.id, metric: t.metric, target: quantityString(BigInt(t.target_milli)), unit: t.unit, measured: quantityString(BigInt(m.measured_milli)), met: m.met === 1 }] : [];
          });
        return { id: r.id, periodFrom: r.period_from, periodTo: r.period_to, rating: r.rating, notes: r.notes, reviewer: { id: r.reviewer_id, name: r.reviewer_name }, measurements, allMet: measurements.every((m) => m.met) };
      }),
    can: { manage: context.manage },
  };
}
