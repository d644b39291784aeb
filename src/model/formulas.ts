// Formulas a user types into input cells. The engine evaluates them; here are
// the rules that need no engine: which names are allowed, which formulas are
// too big for the engine's parser (MEASURED.md: it runs out of stack at about
// 125 nested parentheses or 1,200 + terms, aborting a whole build), and how a
// rename follows through every formula.

export const MAX_FORMULA_LENGTH = 2000;
export const MAX_NESTING = 40;
export const MAX_TERMS = 400;

/** Why a formula cannot be accepted, or null. */
export function formulaProblem(formula: string): string | null {
  if (!formula.startsWith('=')) return 'A formula starts with =';
  if (formula.length > MAX_FORMULA_LENGTH) return `This formula is ${formula.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`;
  let depth = 0;
  let deepest = 0;
  let inText = false;
  for (const ch of formula) {
    if (ch === '"') inText = !inText;
    if (inText) continue;
    if (ch === '(') deepest = Math.max(deepest, ++depth);
    if (ch === ')') depth--;
    if (depth < 0) return 'This formula closes a bracket it never opened';
  }
  if (inText) return 'This formula opens a quotation mark it never closes';
  if (depth !== 0) return 'This formula opens a bracket it never closes';
  if (deepest > MAX_NESTING) return `This formula nests ${deepest} brackets deep; the limit is ${MAX_NESTING}`;
  const terms = (formula.match(/[+\-*/^]/g) ?? []).length;
  if (terms > MAX_TERMS) return `This formula has ${terms} operations; the limit is ${MAX_TERMS}`;
  return null;
}

const RESERVED = new Set(['firstyear', 'horizonyears', 'payaward', 'discountrate', 'savingsdelivery', 'recruitment', 'startdelay', 'savingsdelay', 'optimismbias', 'true', 'false']);

/**
 * A name a formula can use: letters, digits and underscores, starting with a
 * letter, not a cell address (`FY1`, `AB12`, `R1C1`) and not one of the
 * workbook's own assumptions.
 */
export function nameProblem(name: string, taken: string[] = []): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return 'A name is letters, digits and _, starting with a letter, with no spaces';
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name)) return `${name} looks like a cell address; choose another name`;
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
