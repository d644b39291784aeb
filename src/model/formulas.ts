// Formulas a user types into input cells. The engine evaluates them; here are
// the rules that need no engine: what a formula may read, which functions it
// may not use, which formulas are too big for the engine's parser, which names
// are allowed, and how a rename follows through every formula.
//
// Size: the engine's parser and evaluator recurse once per operator of a
// chain, so a long chain runs out of stack and aborts the whole build. In
// Node, HyperFormula 3.5 overflowed at about 1,150 terms of a chain of &, =,
// < or + and at about 950 unary minuses (about 125 nested brackets: docs/RULES.md, "What we measured about HyperFormula");
// inside the app's worker there is less stack to spare, and a 999-term chain
// of & overflowed. Every operator and argument separator counts, with a limit
// well under half the smallest of those.
//
// Reach: the engine builds its own sheets (Scenarios, Years, the sums,
// Summary, Totals) and working columns (a post's annual cost, months and cost
// per year) from the user's cells, so a formula reading them back makes a
// loop through the engine's workings. A formula may read the assumptions by
// name and the cells of the user's own columns, nothing else.

export const MAX_FORMULA_LENGTH = 2000;
/**
 * The largest a formula may work out to, either way: a trillion. Beyond it a
 * formula counts as nothing, as an error does, so no sum can overflow (two
 * amounts of =1e300 made the totals infinite and the workbook could not be
 * costed) and every figure stays exact to the penny.
 */
export const MAX_FORMULA_VALUE = 1e12;
export const MAX_NESTING = 40;
export const MAX_TERMS = 400;

/**
 * Where a formula sits and what it may read: by sheet (as the engine names
 * it), the columns (0-based) of the user's own cells. A sheet not listed is
 * the engine's own.
 */
export interface Reach {
  sheet: string;
  columns: Record<string, number[]>;
}

/** Functions whose value changes every time the workbook is worked out. */
const VOLATILE = new Set(['RAND', 'RANDBETWEEN', 'RANDARRAY', 'NOW', 'TODAY']);

// The engine's own tokens (HyperFormula's lexer, in its order): the scan must
// see a reference exactly where the engine does.
const LETTER = 'A-Za-z\u00C0-\u02AF';
const SHEET = `(?:([${LETTER}0-9_]+)|'((?:[^']|'')*)')!`;
const TOKENS: [string, RegExp][] = [
  ['space', /[ \t\n\r]+/y],
  ['op', /<>|>=|<=|[-+*/^=%<>&,;]/y],
  ['paren', /[(){}]/y],
  ['offset', /OFFSET/iy],
  ['function', new RegExp(`([${LETTER}][${LETTER}0-9_.]*)\\(`, 'y')],
  ['colon', /:/y],
  ['columns', new RegExp(`(?:${SHEET})?\\$?([A-Za-z]+):(?:${SHEET})?\\$?([A-Za-z]+)`, 'y')],
  ['rows', new RegExp(`(?:${SHEET})?\\$?[0-9]+:(?:${SHEET})?\\$?[0-9]+`, 'y')],
  ['number', /(?:\.\d+|\d+(?:\.\d*)?)(?:e[+-]?\d+)?/y],
  ['text', /"[^"\\]*(?:\\.[^"\\]*)*"/y],
  ['error', /#[A-Za-z0-9/]+[?!]?/y],
  ['cell', new RegExp(`(?:${SHEET})?\\$?([A-Za-z]+)\\$?[0-9]+(?![${LETTER}0-9_.])`, 'y')],
  ['name', new RegExp(`[${LETTER}_][${LETTER}0-9_.]*`, 'y')],
];

interface Token {
  kind: string;
  text: string;
  match: RegExpExecArray;
}

function tokens(formula: string): Token[] | string {
  const out: Token[] = [];
  let at = formula.startsWith('=') ? 1 : 0;
  scan: while (at < formula.length) {
    for (const [kind, pattern] of TOKENS) {
      pattern.lastIndex = at;
      const match = pattern.exec(formula);
      if (match && match[0].length > 0) {
        if (kind !== 'space') out.push({ kind, text: match[0], match });
        at += match[0].length;
        continue scan;
      }
    }
    if (formula[at] === '"') return 'This formula opens a quotation mark it never closes';
    at++; // the engine cannot read it either: the formula is an error, which reads nothing
  }
  return out;
}

/** Column index (0-based) of letters: A is 0, AA is 26. */
const columnIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const columnName = (index: number) => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** Columns in runs of neighbours: [[0, 3], [5, 8]]. */
function runsOf(columns: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** Columns as a reader says them: "A to D and F to I". */
const describeColumns = (columns: number[]) => runsOf(columns).map(([a, b]) => (a === b ? columnName(a) : `${columnName(a)} to ${columnName(b)}`)).join(' and ');

/** Why a reference to columns [from, to] of a sheet (named or the formula's own) is out of reach, or null. */
function reachProblem(reach: Reach, ref: string, sheetName: string | undefined, from: number, to: number): string | null {
  const sheet = sheetName ?? reach.sheet;
  const own = Object.keys(reach.columns).find((s) => s.toLowerCase() === sheet.toLowerCase());
  if (own === undefined) {
    return `This formula reads ${ref}: ${sheet} is the engine’s own working, which a formula may not read; it may read the assumptions by name and the ${Object.keys(reach.columns).join(', ').replace(/, ([^,]*)$/, ' and $1')} sheets`;
  }
  const allowed = reach.columns[own];
  for (let c = Math.min(from, to); c <= Math.max(from, to); c++) {
    if (!allowed.includes(c)) return `This formula reads ${ref}: that column is the engine’s own working; on ${own} a formula may read columns ${describeColumns(allowed)}`;
  }
  return null;
}

/** The sheet a reference names (group 1 plain, group 2 quoted with '' for '), if any. */
const sheetOf = (plain: string | undefined, quoted: string | undefined) => plain ?? quoted?.replace(/''/g, "'");

/** Why what a formula reads or calls cannot be accepted, or null. */
function tokenProblem(list: Token[], reach: Reach): string | null {
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const m = t.match;
    if (t.kind === 'offset') return 'OFFSET can reach any cell, the engine’s own working too; name the cell instead';
    if (t.kind === 'function' && VOLATILE.has(m[1].toUpperCase())) {
      return `${m[1].toUpperCase()}() gives a different value every time the workbook is worked out, so the costing could not be checked; type the value instead`;
    }
    if (t.kind === 'rows') {
      const [first, last] = runsOf(reach.columns[reach.sheet] ?? [0])[0];
      const example = `${columnName(first)}2:${columnName(last)}2`;
      return `This formula reads ${t.text}, a whole row, which takes in the engine’s own working; name the cells instead, such as ${example}`;
    }
    if (t.kind === 'columns') {
      const first = sheetOf(m[1], m[2]);
      const problem = reachProblem(reach, t.text, sheetOf(m[4], m[5]) ?? first, columnIndex(m[6]), columnIndex(m[6])) ?? reachProblem(reach, t.text, first, columnIndex(m[3]), columnIndex(m[6]));
      if (problem) return problem;
    }
    if (t.kind === 'cell') {
      if (m[3].length > 3) return `This formula uses ${t.text}, which reads as a cell, not a name: a name cannot be letters followed only by digits`;
      const sheet = sheetOf(m[1], m[2]);
      const problem = reachProblem(reach, t.text, sheet, columnIndex(m[3]), columnIndex(m[3]));
      if (problem) return problem;
    }
    if (t.kind === 'colon') {
      // A range between two cells takes in every column between them; a range made any other way cannot be checked.
      const [a, b] = [list[i - 1], list[i + 1]];
      if (a?.kind !== 'cell' || b?.kind !== 'cell') return 'This formula makes a range from something other than two cells; write it as, say, C2:C9';
      const sheet = sheetOf(a.match[1], a.match[2]);
      const problem = reachProblem(reach, `${a.text}:${b.text}`, sheetOf(b.match[1], b.match[2]) ?? sheet, columnIndex(a.match[3]), columnIndex(b.match[3]));
      if (problem) return problem;
    }
  }
  return null;
}

/** Why a formula cannot be accepted where it sits, or null. */
export function formulaProblem(formula: string, reach: Reach): string | null {
  if (!formula.startsWith('=')) return 'A formula starts with =';
  if (formula.length > MAX_FORMULA_LENGTH) return `This formula is ${formula.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`;
  const list = tokens(formula);
  if (typeof list === 'string') return list;
  let depth = 0;
  let deepest = 0;
  for (const t of list) {
    if (t.kind === 'function' || t.text === '(' || t.text === '{') deepest = Math.max(deepest, ++depth);
    if (t.text === ')' || t.text === '}') depth--;
    if (depth < 0) return 'This formula closes a bracket it never opened';
  }
  if (depth !== 0) return 'This formula opens a bracket it never closes';
  if (deepest > MAX_NESTING) return `This formula nests ${deepest} brackets deep; the limit is ${MAX_NESTING}`;
  const terms = list.filter((t) => t.kind === 'op').length;
  if (terms > MAX_TERMS) return `This formula has ${terms} operations; the limit is ${MAX_TERMS}`;
  return tokenProblem(list, reach);
}

const RESERVED = new Set(['firstyear', 'horizonyears', 'payaward', 'discountrate', 'savingsdelivery', 'recruitment', 'startdelay', 'savingsdelay', 'optimismbias', 'true', 'false']);

/**
 * A name a formula can use: letters, digits and underscores, starting with a
 * letter, not a cell address (`FY1`, `AB12`, `R1C1`) and not one of the
 * workbook's own assumptions.
 */
export function nameProblem(name: string, taken: string[] = []): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return 'A name is letters, digits and _, starting with a letter, with no spaces';
  if (/^[A-Za-z]+[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name)) return `${name} looks like a cell address; choose another name`;
  if (RESERVED.has(name.toLowerCase())) return `${name} is one of the workbook’s own assumptions`;
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `There is already an assumption called ${name}`;
  return null;
}

/** Every use of `from` in a formula, as a whole name (not inside text), becomes `to`. */
export function renameInFormula(formula: string, from: string, to: string): string {
  const parts = formula.split('"');
  const name = new RegExp(`(?<![A-Za-z0-9_.!$])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_(])`, 'gi');
  return parts.map((part, i) => (i % 2 === 0 ? part.replace(name, to) : part)).join('"');
}

/** Plain words for the engine's errors, for the cell and its explanation. */
export function explainError(code: string, detail = ''): string {
  const why: Record<string, string> = {
    '#NAME?': 'it uses a name that is not an assumption or a function',
    '#DIV/0!': 'it divides by zero',
    '#CYCLE!': 'it depends on itself, round a loop',
    '#REF!': 'it refers to a cell that does not exist',
    '#VALUE!': 'it uses text where a number is needed',
    '#NUM!': 'it gives a number too large or not a number',
    '#N/A': 'it looks up something that is not there',
    '#ERROR!': 'it cannot be read as a formula',
  };
  return `${code}: ${why[code] ?? 'the formula gives an error'}${detail ? ` (${detail})` : ''}`;
}
