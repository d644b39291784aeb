// Importing what councils really have, through the built page: a report's
// tables pasted as printed, Windows-1252 and semicolon files, a column the
// user re-points, and every sheet downloaded and imported back.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { download, importFiles, newContext, newWorkbook as openNewWorkbook, seriousViolations, table, useBrowser } from './harness';

const CORPUS = new URL('../corpus/', import.meta.url);
const corpusFiles = (name: string) => {
  const dir = new URL(`${name}/`, CORPUS);
  return readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => ({ name: f, mimeType: 'text/csv', buffer: readFileSync(new URL(f, dir)) }));
};

const env = useBrowser();

const newWorkbook = () => openNewWorkbook(env);


describe('a report’s tables pasted as printed', () => {
  it('give the published £578,026 and £2,808,000, and a reconciliation a scrutiny officer can read and download', async () => {
    const { page, close, errors } = await newWorkbook();
    await importFiles(page, corpusFiles('02-care-planning-2017-as-printed'));
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    expect(await dialog.getByRole('combobox', { name: 'Read para26 implementation costs.csv as' }).inputValue()).toBe('Posts');
    await dialog.getByText(/Grade Band E was not in a Grades sheet: £62,186 a year is implied/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await expect.poll(() => headline.getByText('£578,026', { exact: true }).count()).toBe(1);
    expect(await headline.getByText('£2,808,000', { exact: true }).count()).toBe(1);

    const recon = page.getByRole('region', { name: 'Reconciliation with the report' });
    await recon.getByText('1 difference to look at.').waitFor();
    expect(await recon.getByRole('row', { name: /Commissioning Manager/ }).innerText()).toMatch(/15 months from Dec 2017 ends Feb 2019, but End says Mar 2019 \(16 months\)/);
    await recon.getByLabel('Show figures that agree too').check();
    expect(await recon.getByRole('row', { name: /^Total para26/ }).innerText()).toMatch(/£578,026\s+£578,025\.50\s+\(£0\.50\)/);
    expect(await seriousViolations(page)).toEqual([]);

    const csv = table((await download(page, 'Download reconciliation CSV')).rows);
    const total = csv.find((r) => r.Line === 'Total')!;
    expect([total.Report, total.App, total.Agrees]).toEqual(['578026', '578025.5', 'Yes']);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('files from Excel and finance systems', () => {
  it('read Windows-1252 (£, en dashes), and say which rows they could not read', async () => {
    const { page, close } = await newWorkbook();
    await importFiles(page, [...corpusFiles('03-windows-1252-pound-en-dash'), ...corpusFiles('14-refused-rows').filter((f) => /cost/i.test(f.name))]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    const problems = dialog.getByRole('table', { name: 'Rows not imported, with the reason' });
    expect(await problems.getByRole('row').count()).toBeGreaterThan(1);
    expect(await problems.innerText()).toMatch(/TBC/);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('row', { name: /Team Manager – Hospital Discharge/ }).waitFor();
    await close();
  });

  it('let the user point a field at another column, by keyboard', async () => {
    const { page, close } = await newWorkbook();
    await importFiles(page, [{ name: 'bands.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Cost per FTE 2023,Cost per FTE 2024\nBand A,1,39820\n') }]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    // A file's column choices and first rows are drawn once opened: a preview of many files is drawn in one short task.
    expect(await dialog.locator('.file-columns select, .file-columns table').count()).toBe(0);
    await dialog.getByText('Columns and first rows of bands.csv').click();
    // Read as Grades from its name, but no column is plainly the annual cost: the user says which.
    await dialog.getByText('A Grades file needs Annual cost.').waitFor();
    const select = dialog.getByRole('combobox', { name: 'Annual cost' });
    expect(await select.inputValue()).toBe('');
    await select.focus();
    await select.selectOption({ label: 'Cost per FTE 2024' });
    await dialog.getByText('1 row from 1 file will be imported.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 row from 1 file.' }).waitFor({ state: 'attached' });
    const grades = table((await download(page, 'Download grades CSV')).rows);
    expect(grades).toEqual([{ Grade: 'Band A', 'Annual cost': '39820' }]);
    await close();
  });
});

describe('a stray quote mark', () => {
  it('in a title is read as written: every row is imported or listed with its reason, and the rows after it come in', async () => {
    const { page, close, errors } = await newWorkbook();
    const posts = 'Title,Grade,FTE,Start\nManager,Band E,1,2021-04\n"Senior" Practitioner,Band E,1,2021-04\nClerk,Band E,one,2021-04\nAnalyst,Band E,0.5,2021-04\nReviewer,Band E,1,2021-04\n';
    await importFiles(page, [
      { name: 'Grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand E,62186\n') },
      { name: 'Posts.csv', mimeType: 'text/csv', buffer: Buffer.from(posts) },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    // 5 rows under the header: 4 posts imported, 1 listed; with the grade, 5 lines from 2 files.
    await dialog.getByText('5 rows from 2 files will be imported.').waitFor();
    const problems = dialog.getByRole('table', { name: 'Rows not imported, with the reason' });
    expect(await problems.getByRole('row').count()).toBe(2);
    expect(await problems.getByRole('row').nth(1).innerText()).toMatch(/Posts\.csv\s+4\s+FTE: “one” is not a number/);
    await dialog.getByText(/Posts\.csv row 3: a quote mark at the start of a cell is not CSV quoting/).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 5 rows from 2 files; 1 row not imported.' }).waitFor({ state: 'attached' });
    const titles = table((await download(page, 'Download posts CSV')).rows).map((r) => r.Title);
    expect(titles).toEqual(['Manager', '"Senior" Practitioner', 'Analyst', 'Reviewer']);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('100,000 rows that cannot be read', () => {
  it('list the first 100 with the reasons summarised, and every one downloads', async () => {
    const { page, close } = await newWorkbook();
    const rows = Array.from({ length: 100_000 }, (_, i) => `Post ${i},Band E,${i % 2 ? 'one' : ''}`).join('\n');
    await importFiles(page, [
      { name: 'Grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand E,62186\n') },
      { name: 'Posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE\n${rows}\n`) },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    await dialog.getByText('100,000 rows will not be imported').waitFor({ timeout: 30_000 });
    const problems = dialog.getByRole('table', { name: 'Rows not imported, with the reason' });
    expect(await problems.getByRole('row').count()).toBe(101);
    await dialog.getByText('99,900 more rows are in the download', { exact: false }).waitFor();
    expect(await dialog.getByRole('listitem').allInnerTexts()).toEqual(['“…” has no FTE: 50,000 rows', 'FTE: “…” is not a number: 50,000 rows']);
    const all = await download(page, 'Download every row not imported (CSV)');
    expect(all.file).toBe('rows-not-imported.csv');
    expect(all.rows.filter((r) => r.length > 1)).toHaveLength(100_001);
    await close();
  }, 60_000);
});

describe('every sheet', () => {
  it('downloads and imports back to the same figures', async () => {
    const { page, close } = await newWorkbook();
    await importFiles(page, corpusFiles('01-tidy-canonical'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£594,025', { exact: true }).waitFor(); // the corpus's hand-worked implementation cost
    const before = (await download(page, 'Download summary CSV')).text;
    const files = [];
    for (const name of ['grades', 'posts', 'costs', 'savings']) {
      const file = await download(page, `Download ${name} CSV`);
      files.push({ name: file.file, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
    }
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await importFiles(page, files);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await headline.getByText('£594,025', { exact: true }).waitFor();
    expect((await download(page, 'Download summary CSV')).text).toBe(before);
    await close();
  });
});

describe('a whole establishment', () => {
  it('reads 100,000 rows off the page’s thread, showing progress, and can be cancelled', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const rows = Array.from({ length: 100_000 }, (_, i) => `Post ${i},Band ${'ABCE'[i % 4]},1,Team ${i % 50},Group,2018-04,2019-03,,Council`).join('\n');
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'establishment.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Team,Group,Start,End,Months,Funding\n${rows}\n`) }]);
    const bar = page.getByRole('progressbar', { name: /Reading establishment\.csv/ });
    await bar.waitFor();
    // The page answers while the worker reads: a click goes through at once.
    await page.getByRole('button', { name: 'Cancel reading' }).click();
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByText('£578,026', { exact: true }).count()).toBeGreaterThan(0);

    // Read to the end, the preview counts every row.
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'establishment.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Team,Group,Start,End,Months,Funding\n${rows}\n`) }]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByText('100,000 rows from 1 file will be imported.').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await context.close();
  });

  it('shows the engine working out 10,000 posts, and Stop leaves the workbook as it was', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    const rows = Array.from({ length: 10_000 }, (_, i) => `Post ${i},Band ${'ABCE'[i % 4]},1,Team ${i % 50},Group,2018-04,2019-03,,Council`).join('\n');
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'establishment.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Team,Group,Start,End,Months,Funding\n${rows}\n`) }]);
    await page.getByRole('dialog', { name: 'Check the import' }).getByText('10,000 rows from 1 file will be imported.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const working = page.getByRole('status').filter({ hasText: /^Working out the figures for 10,\d{3} posts…$/ });
    await working.waitFor();
    await page.getByText(/^\d+ seconds? so far$/).waitFor();
    await page.getByRole('progressbar', { name: /^Working out the figures for 10,\d{3} posts…$/ }).waitFor();
    // The page answers while the engine works: Stop goes through at once. (The engine builds 10,000 posts in
    // a few seconds now, so Stop is pressed before anything slow such as the accessibility check runs.)
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await working.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText('Stopped before the figures were worked out; nothing changed.').waitFor({ state: 'attached' });
    expect(await headline.getByText('£578,026', { exact: true }).count()).toBe(1);
    // The engine, started afresh, still costs the report: an edit goes through.
    const field = page.getByLabel('Savings delivery (%)');
    await field.fill('50');
    await field.press('Tab');
    // A fresh worker loads the engine and costs the report again first: on a busy machine that is seconds, not one.
    await expect.poll(() => page.getByText('£1,404,000', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0); // 50% of £2,808,000
    await context.close();
  }, 60_000);
});

describe('an Excel workbook', () => {
  it('is read sheet by sheet, its reader fetched only once a workbook is chosen, and gives the published £578,026 and £2,808,000', async () => {
    // The reader's chunk, by the one dynamic import in the built import worker.
    const assets = new URL('../../dist/assets/', import.meta.url);
    const worker = readdirSync(assets).find((f) => /^import-worker-.*\.js$/.test(f))!;
    const reader = /import\(\s*[`'"]\.\/([^`'"]+\.js)[`'"]\s*\)/.exec(readFileSync(new URL(worker, assets), 'utf8'))![1];
    // The page's requests and its workers', not the service worker's: it keeps every file for offline use, in the background.
    const requested: string[] = [];
    const { page, close, errors } = await openNewWorkbook(env, (context) =>
      context.on('request', (r) => {
        if (!r.serviceWorker()) requested.push(r.url());
      }),
    );
    // A CSV file goes through the import worker without the reader.
    await importFiles(page, [{ name: 'Grades.csv', mimeType: 'text/csv', buffer: readFileSync(new URL('../../src/example/care-planning-2017/Grades.csv', import.meta.url)) }]);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(requested.some((u) => u.endsWith(`/${worker}`))).toBe(true);
    expect(requested.filter((u) => u.endsWith(`/${reader}`))).toEqual([]);

    await importFiles(page, [{ name: 'care-planning-2017.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(new URL('../fixtures/care-planning-2017.xlsx', import.meta.url)) }]);
    expect(requested.filter((u) => u.endsWith(`/${reader}`))).toHaveLength(1);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    for (const [sheet, kind] of [['Grades', 'Grades'], ['Posts', 'Posts'], ['Savings', 'Savings'], ['Notes', '']]) {
      expect(await dialog.getByRole('combobox', { name: `Read care-planning-2017.xlsx: ${sheet} as` }).inputValue()).toBe(kind);
    }
    await dialog.getByText('care-planning-2017.xlsx: worksheet “Blank” is empty, so it is skipped.').waitFor();
    await dialog.getByText('Its headers (Notes) are not those of Grades, Posts, Costs or Savings.').waitFor();
    await dialog.getByText('Columns and first rows of care-planning-2017.xlsx: Posts').click();
    await dialog.getByText('Header on row 3 (rows above it are captions).').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await expect.poll(() => headline.getByText('£578,026', { exact: true }).count()).toBe(1);
    expect(await headline.getByText('£2,808,000', { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a successful import', () => {
  it('is confirmed on screen, sheet by sheet, in a success banner that can be dismissed', async () => {
    const { page, close, errors } = await openNewWorkbook(env);
    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await importFiles(page, [
      csv('Grades.csv', 'Grade,Annual cost\nBand A,36000\nBand B,40000\n'),
      csv('Posts.csv', 'Title,Grade,FTE,Start,End\nOfficer,Band A,1,2026-04,2027-03\nAdviser,Band B,0.5,2026-04,2027-03\n'),
      csv('Savings.csv', 'Line,2026/27\nAgency cover,50000\n'),
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const banner = page.getByRole('region', { name: 'Success' });
    await banner.getByText('Imported 3 files: 2 grades, 2 posts and 1 savings line.', { exact: true }).waitFor();
    expect(await banner.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/compare-import-banner.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await banner.getByRole('button', { name: 'Dismiss this message' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await close();
  });
});
