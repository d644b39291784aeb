// What a workbook must be before the app opens it, written once: a workbook
// file and a record kept in the browser are both read through `readWorkbook`.
// Every field of `Workbook` (workbook.ts) is here with the bounds the app
// works within, and the check at the bottom fails to compile if the two drift
// apart. A damaged workbook is refused with the place and the reason in words
// ("post 3 (Commissioning Manager) has a start that is not a month
// (“2018-04”)"), never opened with figures made of NaN.
//
// A field the type does not have is refused, not dropped (a misspelt
// `payaward` would otherwise be lost without a word), and so is a key such as
// `__proto__`, even where keys are the user's own (the rows of a Scenarios
// sheet kept as written). Reading makes fresh objects, so nothing of the
// input's own objects is carried into the app.
import * as v from 'valibot';
import { formulaProblem, nameProblem } from './formulas';
import { describeMonth, formatFinancialYear, month } from './periods';
import type { RequiredAssumption } from './assumptions';
import { MAX_SEED, RUNS } from './risk';
import { ASSUMPTION_SPECS, shownPercent, valueProblem } from './scenarios';
import { SCENARIO_ASSUMPTIONS, type ScenarioAssumption, type Workbook } from './workbook';

/** The bounds a workbook is read within: wide enough for any real proposal, narrow enough to refuse garbage. */
export const BOUNDS = {
  /** The first year of the horizon, when the workbook sets one. */
  firstYear: { min: 1990, max: 2100 },
  horizonYears: { min: 1, max: 50 },
  /** Any other financial year: a cost's, a saving's, a printed total's. */
  year: { min: 1900, max: 2199 },
  months: { min: 1, max: 1200 },
  /** As far as a formula's value may go before the engine calls it #NUM!: what the engine takes, the store keeps. */
  fte: 1e12,
  /** Pounds, either way: a thousand billion. */
  money: 1e12,
  quantity: 1e12,
  /** Characters in any text: a guard against a file that is not a workbook, not a rule for titles. */
  text: 100_000,
  /** Lines in a sheet, and scenarios and assumptions in a workbook. */
  lines: 1_000_000,
} as const;

const FIRST_MONTH = month(BOUNDS.year.min, 1);
const LAST_MONTH = month(BOUNDS.year.max, 12);
const UNSAFE_KEYS = ['__proto__', 'prototype', 'constructor'];
const en = (n: number) => n.toLocaleString('en-GB');

// Messages. Each says what the place "has"; `{value}` is where the value read
// is shown, and `{key}` where the year or field of a keyed value goes.

/** `has a start that is not a month {value}`, or `has a start that is blank`. */
function says(noun: string, reason: string, plural = false) {
  const is = plural ? 'are' : 'is';
  return (issue: v.BaseIssue<unknown>) => (issue.input === null ? `has ${noun}{key} that ${is} blank` : `has ${noun}{key} that ${is} ${reason} {value}`);
}

const text = (noun: string) => v.pipe(v.string(says(noun, 'not text')), v.maxLength(BOUNDS.text, says(noun, `longer than ${en(BOUNDS.text)} characters`)));

function bounded(noun: string, what: string, min: number, max: number, integer = false, kind = 'a number') {
  const reason = says(noun, what);
  const whole = integer ? v.integer(reason) : v.finite(reason);
  return v.pipe(v.number(says(noun, `not ${kind}`)), whole, v.minValue(min, reason), v.maxValue(max, reason));
}

const money = (noun: string) => bounded(noun, `not an amount of money from -£${en(BOUNDS.money)} to £${en(BOUNDS.money)}`, -BOUNDS.money, BOUNDS.money);
const theMonth = (noun: string) =>
  v.nullable(bounded(noun, `not a month from ${describeMonth(FIRST_MONTH)} to ${describeMonth(LAST_MONTH)}`, FIRST_MONTH, LAST_MONTH, true, 'a month'));
const yearRange = (range: { min: number; max: number }) => `not a financial year from ${formatFinancialYear(range.min)} to ${formatFinancialYear(range.max)}`;
const financialYear = (noun: string) => bounded(noun, yearRange(BOUNDS.year), BOUNDS.year.min, BOUNDS.year.max, true, 'a financial year');
const yearKeyOf = (noun: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{4}$/, (issue) => `has ${noun} for “${String(issue.input)}”, which is not a financial year`),
    v.transform(Number),
    v.number(),
    v.minValue(BOUNDS.year.min, (issue) => `has ${noun} for ${String(issue.input)}, which is ${yearRange(BOUNDS.year)}`),
    v.maxValue(BOUNDS.year.max, (issue) => `has ${noun} for ${String(issue.input)}, which is ${yearRange(BOUNDS.year)}`),
  );
const yearKey = yearKeyOf('an amount');
const flag = (noun: string) => v.boolean(says(noun, 'not Yes or No'));
const lineNumbers = (noun: string) => v.pipe(v.array(bounded(noun, 'not a line of its sheet', 0, BOUNDS.lines, true), says(`a list of ${noun}s`, 'not a list')));
const list = <T extends v.GenericSchema>(noun: string, item: T) =>
  v.pipe(v.array(item, says(noun, 'not a list', true)), v.maxLength(BOUNDS.lines, says(noun, `more than ${en(BOUNDS.lines)} lines`, true)));

/**
 * Keyed values whose keys come from the input: a key that would set an
 * object's prototype is refused by name (the record below would drop it
 * without a word).
 */
function keyed<K extends v.GenericSchema<string, string | number>, T extends v.GenericSchema>(noun: string, key: K, value: T, unsafe: (key: string) => string) {
  const isObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);
  return v.pipe(
    v.custom<Record<string, unknown>>(isObject, says(noun, 'not a set of values', true)),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const found = Object.keys(dataset.value).find((k) => UNSAFE_KEYS.includes(k));
      if (found !== undefined) addIssue({ message: unsafe(found) });
    }),
    v.record(key, value, says(noun, 'not a set of values', true)),
  );
}

/**
 * Values keyed by the user's own labels (the rows of a Scenarios sheet kept as
 * written): every label is kept, `__proto__` and `constructor` too, as the
 * importer keeps them, on an object with no prototype, where a label is only
 * ever a label.
 */
function labelled<T extends v.GenericSchema<unknown, string>>(noun: string, value: T) {
  const isObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);
  return v.pipe(
    v.custom<Record<string, unknown>>(isObject, says(noun, 'not a set of values', true)),
    v.rawTransform<Record<string, unknown>, Record<string, string>>(({ dataset, addIssue, NEVER }) => {
      const kept = Object.create(null) as Record<string, string>;
      for (const [label, raw] of Object.entries(dataset.value)) {
        const read = v.safeParse(value, raw);
        if (!read.success) {
          addIssue({ message: `has a row “${label}” whose value is not text of at most ${en(BOUNDS.text)} characters` });
          return NEVER;
        }
        Object.defineProperty(kept, label, { value: read.output, enumerable: true, writable: true, configurable: true });
      }
      return kept;
    }),
  );
}

/** A formula as typed (`=ReferralsPerWeek/10`); the engine refuses the ones it cannot build, on their cells. */
const formula = (noun: string) =>
  v.pipe(text(noun), v.startsWith('=', says(noun, 'not a formula (a formula starts with =)')));

function formulas(fields: readonly string[] | RegExp) {
  const takes = (k: string) => (Array.isArray(fields) ? fields.includes(k) : (fields as RegExp).test(k));
  const refused = (k: unknown) => `has a formula for “${String(k)}”, which is not a field that takes a formula`;
  const key = v.pipe(
    v.string(),
    v.check(takes, (issue) => refused(issue.input)),
  );
  return v.optional(keyed('formulas', key, v.optional(formula('a formula')), refused));
}

/** A workbook or scenario assumption, within what the app lets a person type (`valueProblem`). */
function assumption(key: ScenarioAssumption) {
  const spec = ASSUMPTION_SPECS.find((a) => a.key === key)!;
  const shown = (x: number) => (spec.unit === '%' ? `${shownPercent(x)}%` : en(x));
  return v.pipe(
    v.number(says(`a ${spec.name}`, 'not a number')),
    v.finite(says(`a ${spec.name}`, 'not a number')),
    v.check(
      (x) => valueProblem(key, x) === null,
      (issue) => {
        const rule = valueProblem(key, issue.input as number) ?? '';
        return `has ${spec.name} at ${shown(issue.input as number)}, which is not ${rule.replace(`${spec.name} is `, '')}`;
      },
    ),
  );
}

const optionalAssumptions = Object.fromEntries(SCENARIO_ASSUMPTIONS.map((k) => [k, v.optional(assumption(k))])) as {
  [K in ScenarioAssumption]: v.OptionalSchema<ReturnType<typeof assumption>, undefined>;
};

/** The workbook's own assumptions: the ones every workbook states are required (the assumption table says which). */
const workbookAssumptions = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, a.required ? assumption(a.key) : v.optional(assumption(a.key))])) as {
  [K in ScenarioAssumption]: K extends RequiredAssumption ? ReturnType<typeof assumption> : v.OptionalSchema<ReturnType<typeof assumption>, undefined>;
};

/** The pay award of single years, each within what the pay award may be. */
const payAwardByYear = () =>
  v.optional(
    keyed(
      'pay award by year',
      yearKeyOf('a pay award'),
      assumption('payAward'),
      (k) => `has a pay award for “${k}”, which is not a financial year`,
    ),
  );

const assumptionsSchema = v.strictObject(
  {
    ...workbookAssumptions,
    payAwardByYear: payAwardByYear(),
    firstYear: v.nullable(bounded('a first year', yearRange(BOUNDS.firstYear), BOUNDS.firstYear.min, BOUNDS.firstYear.max, true, 'a financial year')),
    horizonYears: v.nullable(
      bounded('a horizon', `not a whole number of years from ${BOUNDS.horizonYears.min} to ${BOUNDS.horizonYears.max}`, BOUNDS.horizonYears.min, BOUNDS.horizonYears.max, true),
    ),
  },
  says('assumptions', 'not a set of values', true),
);

const grade = v.strictObject({ grade: text('a grade'), annualCost: money('an annual cost'), formulas: formulas(['annualCost']) }, 'is not a grade and its cost {value}');

const post = v.strictObject(
  {
    title: text('a title'),
    grade: text('a grade'),
    fte: bounded('an FTE', `not a number from -${en(BOUNDS.fte)} to ${en(BOUNDS.fte)}`, -BOUNDS.fte, BOUNDS.fte),
    annualCost: v.optional(v.nullable(money('its own annual cost'))),
    team: text('a team'),
    group: text('a group'),
    start: theMonth('a start'),
    end: theMonth('an end'),
    months: v.nullable(bounded('a count of months', `not a whole number from ${en(BOUNDS.months.min)} to ${en(BOUNDS.months.max)}`, BOUNDS.months.min, BOUNDS.months.max, true)),
    funding: text('a funding'),
    publishedCost: v.optional(v.nullable(money('a printed cost'))),
    publishedAnnualCost: v.optional(v.nullable(money('a printed annual cost'))),
    note: v.optional(text('a note')),
    doNothing: v.optional(flag('a Do nothing mark')),
    formulas: formulas(['fte', 'annualCost']),
  },
  'is not a post {value}',
);

const cost = v.strictObject(
  {
    description: text('a description'),
    group: text('a group'),
    year: v.nullable(financialYear('a year')),
    amount: v.nullable(money('an amount')),
    quantity: v.nullable(bounded('a quantity', `not a number from -${en(BOUNDS.quantity)} to ${en(BOUNDS.quantity)}`, -BOUNDS.quantity, BOUNDS.quantity)),
    unitCost: v.nullable(money('a unit cost')),
    funding: text('a funding'),
    note: v.optional(text('a note')),
    doNothing: v.optional(flag('a Do nothing mark')),
    formulas: formulas(['amount', 'quantity', 'unitCost']),
  },
  'is not a cost {value}',
);


const saving = v.strictObject(
  {
    line: text('a line'),
    group: text('a group'),
    type: v.picklist(['Saving', 'Target'], says('a type', 'not Saving or Target')),
    recurring: flag('a Recurring mark'),
    amounts: keyed('amounts', yearKey, money('an amount'), (k) => `has an amount for “${k}”, which is not a financial year`),
    doNothing: v.optional(flag('a Do nothing mark')),
    formulas: formulas(/^y\d{4}$/),
  },
  'is not a saving {value}',
);

const reportedTotal = v.strictObject(
  {
    label: text('a label'),
    file: text('a file name'),
    row: bounded('a row', 'not a row of a file', 0, BOUNDS.lines * 10, true),
    year: v.nullable(financialYear('a year')),
    published: money('a printed figure'),
    posts: lineNumbers('post'),
    costs: lineNumbers('cost'),
    savings: lineNumbers('saving'),
  },
  'is not a printed total {value}',
);

const scenario = v.strictObject(
  {
    name: text('a name'),
    overrides: v.strictObject(optionalAssumptions, says('assumptions', 'not a set of values', true)),
    payAwardByYear: payAwardByYear(),
    toggled: v.optional(
      v.strictObject(
        { posts: v.optional(lineNumbers('post')), costs: v.optional(lineNumbers('cost')), savings: v.optional(lineNumbers('saving')) },
        says('lines taken in or out', 'not a set of lists', true),
      ),
    ),
    other: v.optional(labelled('other rows', text('a value'))),
  },
  'is not a scenario {value}',
);

/** An assumption's Low and High, each within what the assumption may be, Low no higher than High. */
function range(key: ScenarioAssumption) {
  const spec = ASSUMPTION_SPECS.find((a) => a.key === key)!;
  return v.pipe(
    v.tuple([assumption(key), assumption(key)], says(`a range for ${spec.name}`, 'not a Low and a High')),
    v.check(([low, high]) => low <= high, `has a range for ${spec.name} whose Low is above its High`),
  );
}

const ranges = v.optional(
  v.strictObject(
    Object.fromEntries(SCENARIO_ASSUMPTIONS.map((k) => [k, v.optional(range(k))])) as { [K in ScenarioAssumption]: v.OptionalSchema<ReturnType<typeof range>, undefined> },
    says('ranges', 'not a set of Low and High values', true),
  ),
);

/** The risk view's seed (the generator's 32-bit state) and count of runs (risk.ts bounds them). */
const risk = v.optional(
  v.strictObject(
    {
      seed: bounded('a seed', `not a whole number from 0 to ${en(MAX_SEED)}`, 0, MAX_SEED, true),
      runs: bounded('a number of runs', `not a whole number from ${en(RUNS.min)} to ${en(RUNS.max)}`, RUNS.min, RUNS.max, true),
    },
    says('risk settings', 'not a seed and a number of runs', true),
  ),
);

const userAssumption = v.strictObject(
  {
    name: v.pipe(
      text('a name'),
      v.check(
        (name) => nameProblem(name) === null,
        (issue) => `has a name that cannot be used in formulas (“${String(issue.input)}”): ${nameProblem(String(issue.input))}`,
      ),
    ),
    value: v.union([v.pipe(v.number(), v.finite(says('a value', 'not a finite number'))), formula('a value')], says('a value', 'not a number or a formula')),
    unit: v.picklist(['£', '%', 'months', 'number'], says('a unit', 'not £, %, months or number')),
    note: text('a note'),
  },
  'is not a user assumption {value}',
);

/** The noun for a line of each list, and the field that names it. */
const LINES = {
  grades: ['grade', 'grade'],
  posts: ['post', 'title'],
  costs: ['cost', 'description'],
  savings: ['saving', 'line'],
  reported: ['printed total', 'label'],
  scenarios: ['scenario', 'name'],
  userAssumptions: ['user assumption', 'name'],
} as const;

const workbookSchema = v.pipe(
  v.strictObject(
    {
      name: text('a name'),
      assumptions: assumptionsSchema,
      grades: list('a Grades sheet', grade),
      posts: list('a Posts sheet', post),
      costs: list('a Costs sheet', cost),
      savings: list('a Savings sheet', saving),
      reported: v.optional(list('printed totals', reportedTotal)),
      scenarios: v.optional(list('scenarios', scenario)),
      userAssumptions: v.optional(list('user assumptions', userAssumption)),
      ranges,
      risk,
    },
    'holds no workbook',
  ),
  // A printed total sums lines by their place in a sheet; one that is not there would break the reconciliation.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const wb = dataset.value;
    for (const [i, total] of (wb.reported ?? []).entries()) {
      for (const sheet of ['posts', 'costs', 'savings'] as const) {
        const at = total[sheet].findIndex((line) => line >= wb[sheet].length);
        if (at < 0) continue;
        addIssue({
          message: `refers to ${LINES[sheet][0]} ${total[sheet][at] + 1}, which the workbook does not have`,
          path: [
            { type: 'object', origin: 'value', input: wb, key: 'reported', value: wb.reported },
            { type: 'array', origin: 'value', input: wb.reported!, key: i, value: total },
          ],
        });
        return;
      }
    }
  }),
  // Formulas use the user's assumptions by name; two of one name would leave the engine to choose.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const list = dataset.value.userAssumptions ?? [];
    for (const [i, user] of list.entries()) {
      const problem = nameProblem(user.name, list.slice(0, i).map((u) => u.name));
      if (!problem) continue;
      addIssue({
        message: `has a name that cannot be used in formulas (“${user.name}”): ${problem}`,
        path: [
          { type: 'object', origin: 'value', input: dataset.value, key: 'userAssumptions', value: list },
          { type: 'array', origin: 'value', input: list, key: i, value: user },
        ],
      });
      return;
    }
  }),
);

/** The bare noun for a field that is missing. */
const NOUNS: Record<string, string> = {
  name: 'name', assumptions: 'assumptions', grades: 'Grades sheet', posts: 'Posts sheet', costs: 'Costs sheet', savings: 'Savings sheet',
  grade: 'grade', annualCost: 'annual cost', title: 'title', fte: 'FTE', team: 'team', group: 'group', start: 'start', end: 'end',
  months: 'count of months', funding: 'funding', description: 'description', year: 'year', amount: 'amount', quantity: 'quantity',
  unitCost: 'unit cost', line: 'line', type: 'type', recurring: 'Recurring mark', amounts: 'amounts', label: 'label', file: 'file name',
  row: 'row', published: 'printed figure', overrides: 'assumptions', payAwardByYear: 'pay award by year', value: 'value', unit: 'unit', note: 'note',
  firstYear: 'first year', horizonYears: 'horizon', ...Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, a.name])),
};

/** The column a formula stands in for, as the grid names it. */
const FORMULA_FIELDS: Record<string, string> = { fte: 'FTE', annualCost: 'Annual cost', amount: 'Amount', quantity: 'Quantity', unitCost: 'Unit cost' };

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text);

/** A value as the message shows it: `(“2018-04”)`; nothing for a list or a group of fields. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `(“${clip(value)}”)`;
  if (typeof value === 'number' || typeof value === 'boolean') return `(“${String(value)}”)`;
  return '';
}

/** `post 3 (Commissioning Manager) has a start that is not a month (“2018-04”)`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path: readonly v.IssuePathItem[] = issue.path ?? [];
  let place = path.length ? 'the workbook' : '';
  let rest = path;
  const [top, index] = path;
  if (top && typeof top.key === 'string' && top.key in LINES && index && typeof index.key === 'number') {
    const [noun, labelField] = LINES[top.key as keyof typeof LINES];
    const line = index.value as Record<string, unknown> | null;
    const label = line !== null && typeof line === 'object' && typeof line[labelField] === 'string' ? (line[labelField] as string).trim() : '';
    place = `${noun} ${index.key + 1}${label ? ` (${clip(label)})` : ''}`;
    rest = path.slice(2);
  } else if (top?.key === 'assumptions') rest = path.slice(1);
  const last = rest.at(-1);
  let message = issue.message;
  if (last && last.origin === 'key' && last.type === 'object') {
    // A field missing, or one the type does not have: reported on the object that holds it.
    message = issue.expected === 'never' ? `has a field this app does not know (“${clip(String(last.key))}”)` : `has no ${NOUNS[String(last.key)] ?? `“${String(last.key)}”`}`;
  }
  const field = rest.length >= 2 ? rest.at(-2)?.key : undefined;
  const key = last && last.origin === 'value' && field !== undefined && typeof last.key === 'string' ? last.key : null;
  const forKey = key === null ? '' : field === 'amounts' ? ` for ${formatFinancialYear(Number(key))}` : field === 'formulas' ? ` for ${FORMULA_FIELDS[key] ?? (/^y\d{4}$/.test(key) ? formatFinancialYear(Number(key.slice(1))) : key)}` : field === 'other' ? ` for “${key}”` : '';
  const sentence = message.replace('{key}', forKey).replace('{value}', shown(issue.input)).trim();
  return place ? `${place} ${sentence}` : `it ${sentence}`;
}

/** The workbook, made of fresh objects holding only its own fields; or what is wrong with it, in words. */
export function readWorkbook(input: unknown): { workbook: Workbook } | { problem: string } {
  const result = v.safeParse(workbookSchema, input, { abortEarly: true });
  return result.success ? { workbook: result.output } : { problem: describeIssue(result.issues[0]) };
}

// The schema and the type in workbook.ts must describe the same thing: this
// fails to compile when a field is added to, removed from or changed in either.
type Plain<T> = T extends readonly (infer U)[] ? Plain<U>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const schemaIsTheType: Same<Plain<v.InferOutput<typeof workbookSchema>>, Plain<Workbook>> = true;
void schemaIsTheType;
