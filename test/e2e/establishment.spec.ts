// Establishment lists as public bodies publish them, through the built page:
// an organogram pair, a council's organisation chart and senior salaries
// return, a printed table with a unit price in its Grade column, and 10,000
// posts with no FTE column. Headlines are hand-worked in each corpus case's
// expected.json.
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFiles, newWorkbook as openNewWorkbook, useBrowser } from './harness';

const CORPUS = new URL('../corpus/', import.meta.url);
const corpus = (name: string) => {
  const dir = new URL(`${name}/`, CORPUS);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => ({ name: f, mimeType: 'text/csv', buffer: readFileSync(new URL(f, dir)) }));
  return { expected, files };
};
const pounds = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;


const env = useBrowser();

const newWorkbook = () => openNewWorkbook(env);


async function headline(page: Page, figure: string) {
  const region = page.getByRole('region', { name: 'Proposed investment at a glance' });
  // With no savings, the implementation cost is the net cost too: the figure shows more than once.
  await region.getByText(figure, { exact: true }).first().waitFor({ timeout: 20_000 });
}

describe('an organogram’s senior and junior files', () => {
  it('import as they are published, costed at the top of each pay range, or the bottom when chosen', async () => {
    const { expected, files } = corpus('16-organogram-senior-junior-gangmasters');
    const { page, close, errors } = await newWorkbook();
    const dialog = await importFiles(page, files);
    for (const f of files) expect(await dialog.getByRole('combobox', { name: `Read ${f.name} as` }).inputValue()).toBe('Posts');
    await dialog.getByText(/Payscale Maximum \(£\)”\) are costed at the top of their range/).waitFor();
    await dialog.getByText('Grade Grade 3 was not in a Grades sheet: £32,230 a year, the pay its 11 posts state.').waitFor();
    // The user chooses the bottom of the junior file's and the senior file's ranges.
    for (const f of files) {
      await dialog.getByText(`Columns and first rows of ${f.name}`).click();
      await dialog.getByLabel('Cost pay ranges at').nth(files.indexOf(f)).selectOption({ label: 'Bottom of the range' });
      await dialog.getByText(new RegExp(`${f.name.replace(/\./g, '\\.')}: posts costed from their pay range .* are costed at the bottom`)).waitFor();
    }
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // The corpus's hand-worked 1,735,123.25 a year (6,940,493 over four years, exact) shows as its years shown add up
    // (docs/RULES.md, "Figures that add up"): £1,735,123 a year, four of them.
    expect(expected.implementation_cost_at_bottom_of_range).toBe(Math.round(1735123.25 * 4));
    await headline(page, pounds(1735123 * 4));
    expect(errors).toEqual([]);
    await close();
  });

  it('at the top by default: the hand-worked headline to the pound', async () => {
    const { expected, files } = corpus('16-organogram-senior-junior-gangmasters');
    const { page, close } = await newWorkbook();
    await importFiles(page, files);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await headline(page, pounds(expected.implementation_cost));
    await close();
  });
});

describe('a printed table with a unit price where the grade would be', () => {
  it('makes 102 x £1,600 a non-staff cost, not a post of 102 FTE', async () => {
    const { expected, files } = corpus('19-printed-table-unit-price-in-grade');
    const { page, close } = await newWorkbook();
    await importFiles(page, files);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await headline(page, pounds(expected.implementation_cost));
    await close();
  });
});

describe('a council’s organisation chart: one post per row, no FTE, NA cells, pay bands', () => {
  it('imports every post it can cost, and lists the one it cannot with the reason', async () => {
    const { expected, files } = corpus('17-organisation-chart-bands-na-trafford');
    const { page, close } = await newWorkbook();
    const dialog = await importFiles(page, files);
    await dialog.getByText('trafford_council_organisation_structure.csv has no FTE column: each row is one post, 1 FTE.').waitFor();
    await dialog.getByText('79 rows from 1 file will be imported.').waitFor();
    const problems = dialog.getByRole('table', { name: 'Rows not imported, with the reason' });
    expect(await problems.getByRole('row').nth(1).innerText()).toMatch(/trafford_council_organisation_structure\.csv\s+24\s+Corporate Director of Adults and Wellbeing cannot be costed/);
    await dialog.getByText(/Grade Director: its 4 posts state different pay \(£145,000, £114,999, £119,999, £104,999\), so each post is costed at its own/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await headline(page, pounds(expected.implementation_cost));
    await close();
  });
});

describe('a senior salaries return', () => {
  it('costs pay and pension together, and lists what is left out, as money', async () => {
    const { expected, files } = corpus('18-senior-salaries-oncosts-loss-of-office-trafford');
    const { page, close } = await newWorkbook();
    const dialog = await importFiles(page, files);
    await dialog.getByText(/row 7, Corporate Director of Adults & Wellbeing: expense allowances £7; compensation for loss of office £32,802\./).waitFor();
    await dialog.getByText('8 rows from 1 file will be imported.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await headline(page, pounds(expected.implementation_cost));
    await close();
  });
});

describe('10,000 posts with no FTE column', () => {
  it('import in the background, each row one post of 1 FTE', async () => {
    const { page, close, errors } = await newWorkbook();
    const rows = Array.from({ length: 10_000 }, (_, i) => `Officer ${i + 1},Band A,${i % 3 ? 'NA' : 'Finance'}`).join('\n');
    const dialog = await importFiles(page, [
      { name: 'Grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand A,30000\n') },
      { name: 'Establishment.csv', mimeType: 'text/csv', buffer: Buffer.from(`Job Title,Grade,Team\n${rows}\n`) },
    ]);
    await dialog.getByText('10,001 rows from 2 files will be imported.').waitFor({ timeout: 30_000 });
    await dialog.getByText('Establishment.csv has no FTE column: each row is one post, 1 FTE.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // No dated post: four years from the year the test runs in. 10,000 x 1 FTE x £30,000 x 4 = £1,200,000,000.
    await headline(page, '£1,200,000,000');
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
