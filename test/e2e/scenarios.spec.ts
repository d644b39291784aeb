// Scenarios through the built page: a councillor's what-ifs by keyboard, a
// Scenarios sheet imported on top of the report, and the Green Book answers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, newContext, seriousViolations, table, watch, useBrowser } from './harness';

const env = useBrowser();

async function example(): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const seen = watch(page, env.served.origin);
  await page.goto(env.served.url);
  await page.getByText('£578,026', { exact: true }).first().waitFor();
  return { page, close: () => context.close(), errors: seen.consoleErrors };
}

describe('a councillor', () => {
  it('asks “what if we only recruit half, a year late?” with the keyboard, and every figure follows', async () => {
    const { page, close, errors } = await example();
    await page.getByRole('button', { name: 'New scenario' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Half recruited');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Half recruited at a glance' }).waitFor();

    const recruitment = page.getByRole('textbox', { name: 'Recruitment %' });
    await recruitment.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    const headline = page.getByRole('region', { name: 'Half recruited at a glance' });
    // Each year halved and rounded, the total their sum (docs/RULES.md, "Figures that add up"): 10,364 + 247,555 + 31,093.
    await expect.poll(() => headline.getByText('£289,012', { exact: true }).count()).toBe(1);

    // The slider moves a step with the arrow keys: start delay 0 -> 1 month.
    await page.getByRole('slider', { name: 'Start delay (months)' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('textbox', { name: 'Start delay (months)' }).inputValue()).toBe('1');
    await page.getByText(/^Half recruited: recruitment 50% \(proposal 100%\), start delay 1 month \(proposal 0 months\), posts and their savings sliding with it\./).waitFor();

    const comparison = table((await download(page, 'Download comparison CSV')).rows);
    expect(comparison.map((r) => r.Scenario)).toEqual(['Do nothing', 'Proposed investment', 'Half recruited']);
    expect(Number(comparison[1].Costs)).toBeCloseTo(578025.5, 2);
    const summary = table((await download(page, 'Download summary CSV')).rows);
    expect(new Set(summary.map((r) => r.Scenario))).toEqual(new Set(['Do nothing', 'Proposed investment', 'Half recruited']));

    await page.getByText(/^Savings delivery %\. Half recruited still beats doing nothing while savings delivery stays above \d+\.\d%/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('starts the proposal six months late and finds it worse than starting on time, not cheaper', async () => {
    const { page, close, errors } = await example();
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.keyboard.type('Six months late');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Six months late at a glance' }).waitFor();
    const delay = page.getByRole('textbox', { name: 'Start delay (months)' });
    await delay.fill('6');
    await delay.press('Tab');

    // Worked by hand: every new post starts six months later and keeps its length; every saving comes six months later.
    // Strategic Development Manager (Band E £62,186, Apr 18 - Mar 20) runs Oct 18 - Sep 20: 31,093 / 62,186 / 31,093.
    // Commissioning Manager (Band E, Dec 17, 15 months) runs Jun 18 - Aug 19: 62,186 x 10/12 and x 5/12.
    // The six year-long posts (Apr 18 - Mar 19; 52,076 + 19,910 + 131,096 + 52,076 + 98,322 + 22,441 = 375,921 a year)
    // run Oct 18 - Sep 19: half in 2018/19, half in 2019/20.
    const staff = [0, 31093 + (62186 * 10) / 12 + 375921 / 2, 62186 + (62186 * 5) / 12 + 375921 / 2, 31093];
    // Savings 1,630,000 / 879,000 / 299,000 in 2018/19 to 2020/21, each half a year late: half stays, half moves on.
    const savings = [0, 1630000 / 2, 1630000 / 2 + 879000 / 2, 879000 / 2 + 299000 / 2];
    const npv = (nets: number[]) => nets.reduce((sum, net, k) => sum + net / 1.035 ** k, 0);
    const lateNpv = npv(staff.map((s, k) => s - savings[k])); // -1,942,311.32
    const onTimeNpv = npv([20728.67, 495110.83 - 1630000, 62186 - 879000, -299000]); // -2,107,968.08
    await expect
      .poll(async () => table((await download(page, 'Download summary CSV')).rows).filter((r) => r.Scenario === 'Six months late').map((r) => Number(r.Savings)))
      .toEqual(savings);
    const rows = table((await download(page, 'Download summary CSV')).rows).filter((r) => r.Scenario === 'Six months late');
    rows.forEach((r, k) => expect(Number(r['Staff cost'])).toBeCloseTo(staff[k], 1));

    const comparison = table((await download(page, 'Download comparison CSV')).rows);
    const late = Number(comparison.find((r) => r.Scenario === 'Six months late')!['Net present value']);
    const onTime = Number(comparison.find((r) => r.Scenario === 'Proposed investment')!['Net present value']);
    expect(late).toBeCloseTo(lateNpv, 1);
    expect(onTime).toBeCloseTo(onTimeNpv, 1);
    expect(late).toBeGreaterThan(onTime); // £165,657 less saved in today's money: a late start costs
    // Half of 2020/21's £299,000 slides past March 2021, and the page says so.
    expect(Number(comparison.find((r) => r.Scenario === 'Six months late')!['Beyond horizon'])).toBe(149500);
    // The same exact cost (£578,025.50), now spread later; shown as its years shown add up: 270,875 + 276,057 + 31,093.
    await page.getByRole('region', { name: 'Six months late at a glance' }).getByText('£578,025', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('reads first what would change the answer, in figures as a person would say them, and the rest in one sentence', async () => {
    const { page, close, errors } = await example();
    const section = page.getByRole('region', { name: 'What would change the answer' });
    const first = section.getByRole('listitem').first();
    // 557,148 / 2,665,116 of the savings' NPV pays for the costs': 20.905%, said as 20.9%.
    await expect.poll(() => first.innerText()).toMatch(/^Savings delivery %\. Proposed investment still beats doing nothing while savings delivery stays above 20\.9% \(now 100%\)\./);
    await section.getByText(/^Start delay \(months\)\. Proposed investment can start up to \d+ months late and still beat doing nothing\./).waitFor();
    await section.getByText('No pay award, recruitment or discount rate within the ranges searched makes Proposed investment worse than doing nothing.').waitFor();
    expect(await section.getByText(/\d\.\d\d%/).count()).toBe(0); // no spurious hundredths
    expect(errors).toEqual([]);
    await close();
  });

  it('sets one year’s pay award and sees that year and the later ones follow, the earlier ones not', async () => {
    const { page, close, errors } = await example();
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.keyboard.type('Award');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Award at a glance' }).waitFor();
    const staff = async () => table((await download(page, 'Download summary CSV')).rows).filter((r) => r.Scenario === 'Award').map((r) => [r.Year, Number(r['Staff cost'])] as const);
    const before = await staff();
    const third = before[2];
    expect(third[1]).toBeGreaterThan(0); // a year with staff in it, so the award shows
    await page.getByText('Pay award by year').click();
    const award = page.getByRole('textbox', { name: `Pay award % ${third[0]}` });
    await award.fill('10');
    await award.press('Tab');
    // Hand-worked: 10% in the third year lifts it and the fourth by 1.1; the first two stay at base prices.
    await expect.poll(async () => (await staff())[2][1]).toBeCloseTo(third[1] * 1.1, 2);
    const after = await staff();
    expect(after[0][1]).toBeCloseTo(before[0][1], 2);
    expect(after[1][1]).toBeCloseTo(before[1][1], 2);
    expect(after[3][1]).toBeCloseTo(before[3][1] * 1.1, 2);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('compares every scenario with the proposal instead of doing nothing, on screen and in the CSV', async () => {
    const { page, close, errors } = await example();
    // Worked by hand at 3.5% (paragraphs 20, 25 and 26): the costs' NPV and the savings' NPV; doing nothing's is nil.
    const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
    const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
    const forgone = savings - costs; // doing nothing against the proposal: about £2,107,968 worse
    const compareWith = page.getByRole('combobox', { name: 'Compare with' });
    expect(await compareWith.inputValue()).toBe('Do nothing');
    await compareWith.selectOption('Proposed investment');
    await page.getByRole('heading', { name: 'Comparison with Proposed investment' }).waitFor();
    const row = page.getByRole('table', { name: 'Every scenario against Proposed investment' }).getByRole('row', { name: /^Do nothing/ });
    await row.getByRole('cell', { name: `£${Math.round(forgone).toLocaleString('en-GB')} worse` }).waitFor();

    const csv = table((await download(page, 'Download comparison CSV')).rows);
    expect(Object.keys(csv[0]).slice(0, 5)).toEqual(['Scenario', 'Base', 'Net present value', 'Difference from base', 'Payback year']);
    const doNothing = csv.find((r) => r.Scenario === 'Do nothing')!;
    const proposal = csv.find((r) => r.Scenario === 'Proposed investment')!;
    expect(doNothing.Base).toBe('Proposed investment');
    expect(Number(doNothing['Difference from base'])).toBeCloseTo(forgone, 0);
    expect(Number(proposal['Net present value'])).toBeCloseTo(costs - savings, 0);
    expect(Number(proposal['Difference from base'])).toBe(0);
    expect(proposal['Payback year']).toBe('2018/19');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('types what cannot be used: the box keeps it, marked in error with a summary, and the figures stay on the value they use', async () => {
    const { page, close, errors } = await example();
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    const delivery = page.getByRole('textbox', { name: 'Savings delivery %' });
    for (const [typed, reason] of [
      ['abc', 'Enter Savings delivery % as a number of percent, like 3.5'],
      ['−10', 'Savings delivery % is from 0% to 1,000%'],
    ]) {
      await delivery.fill(typed);
      await delivery.press('Tab');
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
      await summary.getByRole('link', { name: reason }).waitFor();
      expect(await delivery.inputValue()).toBe(typed); // kept for correcting
      expect(await delivery.getAttribute('aria-invalid')).toBe('true');
      const described = (await delivery.getAttribute('aria-describedby'))!.split(' ');
      const message = await Promise.all(described.map((id) => page.locator(`#${id}`).innerText()));
      expect(message.join(' ')).toContain(`${reason}`);
      expect(message.join(' ')).toContain('Figures use 100%.');
      // The figures and the slider stay on 100%: all £2,808,000 of savings.
      expect(await headline.getByText('£2,808,000', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('slider', { name: 'Savings delivery %' }).inputValue()).toBe('100');
    }
    // The summary's link takes the focus to the box; a valid entry clears the error and the figures follow.
    await page.getByRole('link', { name: 'Savings delivery % is from 0% to 1,000%' }).click();
    expect(await delivery.evaluate((el) => el === document.activeElement)).toBe(true);
    await delivery.fill('50%');
    await delivery.press('Tab');
    await headline.getByText('£1,404,000', { exact: true }).waitFor(); // half of £2,808,000
    expect(await delivery.getAttribute('aria-invalid')).toBeNull();
    expect(await delivery.inputValue()).toBe('50');
    expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('types a discount rate beyond the workbook form’s bounds: the error names it and the figures stay at 3.5%', async () => {
    const { page, close, errors } = await example();
    const rate = page.getByRole('textbox', { name: 'Discount rate (%)' });
    await rate.fill('60');
    await rate.press('Tab');
    const link = page.getByRole('alert').getByRole('link', { name: 'Discount rate (%): Enter a percentage from 0 to 50' });
    await link.waitFor();
    expect(await rate.inputValue()).toBe('60');
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Figures use 3.5%.').waitFor();
    expect(await page.getByText('Net present value at 3.5%').count()).toBeGreaterThan(0);
    await link.click();
    expect(await rate.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('deletes a scenario and gets it back', async () => {
    const { page, close } = await example();
    await page.getByRole('button', { name: 'Duplicate scenario' }).click();
    await page.getByRole('heading', { name: 'Proposed investment (copy) at a glance' }).waitFor();
    await page.getByRole('button', { name: 'Delete scenario' }).click();
    await page.getByRole('heading', { name: 'Proposed investment at a glance' }).waitFor();
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await page.getByRole('heading', { name: 'Proposed investment (copy) at a glance' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Scenario', exact: true }).inputValue()).toBe('Proposed investment (copy)');
    await close();
  });
});

describe('a finance officer', () => {
  it('imports a Scenarios sheet on top of the report and gets each scenario’s figures year by year', async () => {
    const { page, close } = await example();
    const sheet = 'Assumption,Half recruited,A year late at 80%\nRecruitment %,50%,\nSavings delivery %,,80\nSavings delay (months),,12\n';
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'what-ifs.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) }]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    expect(await dialog.getByRole('combobox', { name: 'Read what-ifs.csv as' }).inputValue()).toBe('Scenarios');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('combobox', { name: 'Scenario', exact: true }).getByRole('option', { name: 'A year late at 80%' }).waitFor({ state: 'attached' });

    const rows = table((await download(page, 'Download summary CSV')).rows);
    const late = rows.filter((r) => r.Scenario === 'A year late at 80%');
    // Worked by hand: 80% of each year's saving, a whole year later; 2020/21's goes beyond the horizon.
    expect(late.map((r) => [r.Year, Number(r.Savings)])).toEqual([['2017/18', 0], ['2018/19', 0], ['2019/20', 1304000], ['2020/21', 703200]]);
    const half = rows.filter((r) => r.Scenario === 'Half recruited');
    expect(half.reduce((s, r) => s + Number(r['Staff cost']), 0)).toBeCloseTo(289012.75, 1);
    const comparison = table((await download(page, 'Download comparison CSV')).rows);
    expect(Number(comparison.find((r) => r.Scenario === 'A year late at 80%')!['Beyond horizon'])).toBe(239200); // 0.8 x 299,000
    const back = table((await download(page, 'Download scenarios CSV')).rows);
    expect(back.find((r) => r.Assumption === 'Savings delay (months)')!['A year late at 80%']).toBe('12');
    await close();
  });

  it('finds one line among 150 and leaves it out of a scenario, by keyboard', async () => {
    const { page, close, errors } = await example();
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    // 150 posts at Band A, £30,000 a year, for 2024/25: £4,500,000 in all, £30,000 each.
    const posts = Array.from({ length: 150 }, (_, i) => `Post ${i + 1},Band A,1,2024-04,2025-03,Council`).join('\n');
    await page.getByLabel('Import CSV or Excel files').setInputFiles([
      { name: 'grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand A,30000\n') },
      { name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Start,End,Funding\n${posts}\n`) },
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£4,500,000', { exact: true }).first().waitFor();

    await page.getByText('Lines in Proposed investment').click();
    await page.getByText('Posts: the first 100 of 150').waitFor();
    await page.getByLabel('Find a line').focus();
    await page.keyboard.type('Post 149 ');
    await page.getByRole('group', { name: 'Posts', exact: true }).waitFor(); // one line matches: no count needed
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the one checkbox: out of the proposal
    await headline.getByText('£4,470,000', { exact: true }).first().waitFor();
    expect(await page.getByRole('checkbox', { name: /^Post 149 \(Band A, 1 FTE\)/ }).isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
