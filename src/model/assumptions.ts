// Every fact about each scenario assumption, in one row: what the Scenarios
// sheet calls it, its name in formulas, its unit and default, what a person
// may type, the slider's range, the tornado's range, how far a switching
// value search looks, whether NPV is linear in it, and the help the page
// shows. The model, the engine's layout, switching values, the tornado, the
// controls, the Scenarios sheet and the workbook file all read this table
// (as HyperFormula's function plugins read their metadata tables), so a new
// assumption is one row here and its rule where the figures are worked out.
//
// Imports only types: workbook.ts takes its list of keys from here.
import type { FinancialYear } from './periods';

export interface AssumptionRow {
  key: string;
  /** The row name in a Scenarios sheet, and the control's label. */
  name: string;
  /** Its name in formulas (the engine's named value). */
  formulaName: string;
  /** Plain words, as the Assumptions sheet and the workbook form label it. */
  label: string;
  /** Its row (1-based) on the engine's Assumptions sheet, after the horizon's two: fixed, since a formula may read it by address (`=Assumptions!B3`). */
  sheetRow: number;
  unit: '%' | 'months';
  /** A new workbook's value, in the assumption's own units (fractions, months). */
  default: number;
  /** Whether every workbook states it (the first three were there from the start); the rest may be missing and take the default. */
  required: boolean;
  /** What a person may type, in its own units: from `min` (or above it, where `above`) to `max`. */
  bounds: { min: number; max: number; above?: boolean };
  /** What a councillor may sensibly try on the slider, in the unit shown (percent, months). */
  slider: { min: number; max: number; step: number };
  /** The tornado's default low and high, in its own units. */
  sensitivity: [number, number];
  /** How far a switching value search looks, in its own units. */
  search: [number, number];
  /** NPV is linear in it: the switching value is found exactly rather than by bracketing. */
  linear: boolean;
  help: string;
  /** Shown in the workbook's own form, within these bounds in percent (what a person may sensibly type there). */
  form?: { min: number; max: number };
}

/** In the order of a Scenarios sheet's rows. */
export const ASSUMPTIONS = [
  {
    key: 'payAward',
    sheetRow: 3,
    name: 'Pay award %',
    formulaName: 'PayAward',
    label: 'Pay award a year',
    unit: '%',
    default: 0,
    required: true,
    bounds: { min: -1, max: 1, above: true },
    slider: { min: 0, max: 10, step: 0.5 },
    sensitivity: [0, 0.05],
    search: [-0.2, 0.5],
    linear: false,
    help: 'Compounds from the second year.',
    form: { min: -20, max: 50 },
  },
  {
    key: 'recruitment',
    sheetRow: 6,
    name: 'Recruitment %',
    formulaName: 'Recruitment',
    label: 'Recruitment',
    unit: '%',
    default: 1,
    required: false,
    bounds: { min: 0, max: 10 },
    slider: { min: 0, max: 100, step: 5 },
    sensitivity: [0.5, 1],
    search: [0, 1],
    linear: true,
    help: 'Share of each new post filled; deletions are not scaled.',
  },
  {
    key: 'startDelay',
    sheetRow: 7,
    name: 'Start delay (months)',
    formulaName: 'StartDelay',
    label: 'Start delay',
    unit: 'months',
    default: 0,
    required: false,
    bounds: { min: 0, max: 600 },
    slider: { min: 0, max: 24, step: 1 },
    sensitivity: [0, 12],
    search: [0, 120],
    linear: false,
    help: 'New posts and their savings start later; each post keeps its length.',
  },
  {
    key: 'savingsDelivery',
    sheetRow: 5,
    name: 'Savings delivery %',
    formulaName: 'SavingsDelivery',
    label: 'Savings delivery',
    unit: '%',
    default: 1,
    required: true,
    bounds: { min: 0, max: 10 },
    slider: { min: 0, max: 100, step: 5 },
    sensitivity: [0.5, 1],
    search: [0, 1.5],
    linear: true,
    help: 'Share of planned savings that happens.',
    form: { min: 0, max: 200 },
  },
  {
    key: 'savingsDelay',
    sheetRow: 8,
    name: 'Savings delay (months)',
    formulaName: 'SavingsDelay',
    label: 'Savings delay',
    unit: 'months',
    default: 0,
    required: false,
    bounds: { min: 0, max: 600 },
    slider: { min: 0, max: 36, step: 1 },
    sensitivity: [0, 12],
    search: [0, 120],
    linear: false,
    help: 'Savings arrive later; what falls past the horizon is reported.',
  },
  {
    key: 'optimismBias',
    sheetRow: 9,
    name: 'Optimism bias %',
    formulaName: 'OptimismBias',
    label: 'Optimism bias',
    unit: '%',
    default: 0,
    required: false,
    bounds: { min: 0, max: 10 },
    slider: { min: 0, max: 100, step: 5 },
    sensitivity: [0, 0.4],
    search: [0, 5],
    linear: true,
    help: 'Green Book uplift on every council-funded cost.',
  },
  {
    key: 'discountRate',
    sheetRow: 4,
    name: 'Discount rate %',
    formulaName: 'DiscountRate',
    label: 'Discount rate',
    unit: '%',
    default: 0.035,
    required: true,
    bounds: { min: -1, max: 1, above: true },
    slider: { min: 0, max: 10, step: 0.5 },
    sensitivity: [0.015, 0.06],
    search: [0, 1],
    linear: false,
    help: 'HM Treasury Green Book: 3.5%.',
    form: { min: 0, max: 50 },
  },
] as const satisfies readonly AssumptionRow[];

export type AssumptionKey = (typeof ASSUMPTIONS)[number]['key'];
/** The assumptions every workbook states (the rest may be missing, and take their default). */
export type RequiredAssumption = Extract<(typeof ASSUMPTIONS)[number], { required: true }>['key'];
/** The assumptions the workbook's own form shows. */
export type FormAssumption = Extract<(typeof ASSUMPTIONS)[number], { form: object }>['key'];

/** The row of one assumption. */
export const assumptionRow = (key: AssumptionKey): AssumptionRow => ASSUMPTIONS.find((a) => a.key === key)!;

/** The years a rate is set for, by financial year (2025 is 2025/26); a year not named takes the single rate. */
export type ByYear = Record<FinancialYear, number>;

/**
 * The pay factor of each year of the horizon: year 0 is at base prices, and
 * year k's factor is the product of (1 + award of year j) for j = 1..k, each
 * year's award its own where one is named, else the single rate. With one
 * rate this is (1 + award)^k; with 3.2% in 2025/26 and 2% after, from
 * 2024/25: 1, 1.032, 1.05264, 1.0736928.
 */
export function payFactors(single: number, byYear: ByYear, years: FinancialYear[]): number[] {
  let factor = 1;
  return years.map((fy, k) => (k === 0 ? 1 : (factor *= 1 + (byYear[fy] ?? single))));
}
