// Every case in test/corpus (CSV files as councils really bring them, with
// figures worked out by hand from docs/RULES.md) through the importer and the
// engine, as a user's import would go.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkbookEngine } from '../engine/engine';
import { costWorkbook } from '../model/costing';
import { reconcile } from '../model/reconcile';
import { formatFinancialYear } from '../model/periods';
import { emptyWorkbook } from '../model/workbook';
import { applyImport, previewImport } from './import';

const ROOT = new URL('../../test/corpus/', import.meta.url);
const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected {
  files: Record<string, string>;
  horizon?: string[];
  implementation_cost?: number;
  savings_total?: number;
  savings_by_year?: Record<string, number>;
  external_total?: number;
  posts?: Record<string, { grade?: string; fte?: number; months_costed?: number; cost?: number; annual_cost?: number }>;
  /** Grade costs the import makes (from a Grades file, or derived from the posts' own rows). */
  grades?: Record<string, number>;
  /** Payments that are not a post's recurring cost: listed in the preview, never costed. */
  left_out?: string[];
  refused_rows?: { file: string; row: number; why: string }[];
  published_totals?: { label: string; published: number; calculated?: number; file?: string; row?: number }[];
}

const TODAY = new Date(2026, 10, 23);


describe.each(cases)('corpus %s', (name) => {
  const dir = new URL(`${name}/`, ROOT);
  const expected: Expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
  const files = Object.keys(expected.files).map((file) => ({ name: file, bytes: readFileSync(new URL(file, dir)) }));
  const preview = previewImport(files, emptyWorkbook(name));
  const workbook = applyImport(emptyWorkbook(name), preview);
  const engine = new WorkbookEngine(workbook, TODAY);
  const results = engine.results();
  engine.destroy();
  const proposal = results.scenarios[1];
  const pounds = (a: number, b: number, what: string) => expect(Math.abs(a - b), `${what}: app ${a}, expected ${b}`).toBeLessThanOrEqual(1);

  it('recognises every file', () => {
    expect(Object.fromEntries(preview.files.map((f) => [f.name, f.kind]))).toEqual(expected.files);
  });

  it('refuses exactly the rows it should, naming file and row', () => {
    const refused = (expected.refused_rows ?? []).map((r) => `${r.file}:${r.row}`).sort();
    expect(preview.problems.map((p) => `${p.file}:${p.row}`).sort(), JSON.stringify(preview.problems)).toEqual(refused);
  });

  it('gives each post the cost it states, and the grades its rows agree on', () => {
    for (const [title, post] of Object.entries(expected.posts ?? {})) {
      if (post.annual_cost === undefined) continue;
      // What 1 FTE of the post costs a full year: its own pay where it states one, else its grade's.
      const found = preview.sheets.posts!.find((p) => p.title.replace(/\s+/g, ' ') === title);
      const grade = (preview.sheets.grades ?? []).find((g) => g.grade.toLowerCase() === found?.grade.toLowerCase());
      expect(found?.annualCost ?? grade?.annualCost, title).toBe(post.annual_cost);
    }
    if (expected.grades) expect(Object.fromEntries((preview.sheets.grades ?? []).map((g) => [g.grade, g.annualCost]))).toEqual(expected.grades);
    for (const item of expected.left_out ?? []) {
      const [, row, what] = /^row (\d+) (.+)$/.exec(item)!;
      expect(preview.notes.join('\n'), item).toMatch(new RegExp(`row ${row}, [^:]+: [^.]*${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('gives the hand-worked figures to the pound', () => {
    if (expected.horizon) expect(results.years.map(formatFinancialYear)).toEqual(expected.horizon);
    if (expected.implementation_cost !== undefined) pounds(proposal.totals.staff + proposal.totals.other, expected.implementation_cost, 'implementation cost');
    if (expected.savings_total !== undefined) pounds(proposal.totals.savings, expected.savings_total, 'savings');
    if (expected.external_total !== undefined) pounds(proposal.totals.external, expected.external_total, 'externally funded');
    for (const [year, amount] of Object.entries(expected.savings_by_year ?? {})) {
      const y = proposal.years.find((f) => formatFinancialYear(f.year) === year);
      pounds(y?.savings ?? 0, amount, `savings ${year}`);
    }
    // the engine and the pure model agree here too
    pounds(costWorkbook(workbook, TODAY).scenarios[1].totals.net, proposal.totals.net, 'model against engine');
  });

  it('reads each post as the report states it', () => {
    for (const [title, post] of Object.entries(expected.posts ?? {})) {
      // Titles compare with line breaks as spaces: the app keeps them as typed.
      const i = workbook.posts.findIndex((p) => p.title.replace(/\s+/g, ' ') === title);
      expect(i, `${title} among ${workbook.posts.map((p) => p.title).join(' | ')}`).toBeGreaterThanOrEqual(0);
      if (post.grade) expect(workbook.posts[i].grade.toLowerCase(), title).toBe(post.grade.toLowerCase());
      if (post.fte !== undefined) expect(workbook.posts[i].fte, title).toBe(post.fte);
      if (post.cost !== undefined) pounds(results.postCosts[i].reduce((a, b) => a + b, 0), post.cost, title);
    }
  });

  it('reconciles every printed total with the hand-worked sum of its lines', () => {
    const checks = reconcile(workbook).filter((c) => c.kind === 'total');
    for (const total of expected.published_totals ?? []) {
      if (total.calculated === undefined || !total.file) continue;
      const check = checks.find((c) => c.source === `${total.file} row ${total.row}` && Math.abs((c.published ?? NaN) - total.published) < 0.01);
      expect(check, `${total.label} row ${total.row}`).toBeDefined();
      pounds(check!.calculated!, total.calculated, `${total.label} row ${total.row} calculated`);
    }
  });

  it('keeps every printed total to reconcile against', () => {
    for (const total of expected.published_totals ?? []) {
      const found = (workbook.reported ?? []).some((t) => Math.abs(t.published - total.published) < 0.01);
      expect(found, `${total.label} ${total.published} among ${JSON.stringify((workbook.reported ?? []).map((t) => [t.label, t.published]))}`).toBe(true);
    }
  });
});
