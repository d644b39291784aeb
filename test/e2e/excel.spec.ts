// The Excel download from the built app: its Summary, worked out by
// LibreOffice from the file's own formulas, gives the figures of the summary
// CSV the same page downloads. The writer is fetched only on the click.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { download, openExample, useBrowser } from './harness';
import { recalculatedSheet } from '../libreoffice';

const env = useBrowser();

describe('Download Excel workbook', () => {
  it('gives a workbook whose formulas, recalculated by LibreOffice, agree with the summary CSV to the penny', { timeout: 240_000 }, async () => {
    const { context, page, seen } = await openExample(env);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const summary = await download(page, 'Download summary CSV');
    expect(requested.filter((u) => /exceljs/.test(u))).toEqual([]);

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Excel workbook' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(requested.filter((u) => /exceljs/.test(u))).toHaveLength(1);
    const rows = recalculatedSheet(new Uint8Array(readFileSync((await dl.path())!)), 'Summary');

    expect(rows[0]).toEqual(summary.rows[0]);
    expect(rows.length).toBe(summary.rows.length);
    summary.rows.slice(1).forEach((want, i) => {
      const got = rows[i + 1];
      expect(got.slice(0, 2)).toEqual(want.slice(0, 2));
      // The CSV's money is in pennies; LibreOffice's in full.
      want.slice(2).forEach((figure, c) => expect(Math.abs(Number(got[c + 2]) - Number(figure)), `${want[0]} ${want[1]} ${rows[0][c + 2]}: ${got[c + 2]} against ${figure}`).toBeLessThan(0.006));
    });
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });
});
