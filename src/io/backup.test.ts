import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { backupFile, readBackup } from './backup';

describe('the workbook file', () => {
  it('gives back exactly what was written: sheets, formulas, scenarios, user assumptions, notes', () => {
    const wb = carePlanningWorkbook();
    wb.userAssumptions = [{ name: 'ReferralsPerWeek', value: '=20*2', unit: 'number', note: 'Front door, 2017' }];
    wb.posts[4] = { ...wb.posts[4], formulas: { fte: '=ReferralsPerWeek/10' }, note: '* funded from reserves' };
    wb.scenarios = [{ name: 'Half', overrides: { recruitment: 0.5 }, toggled: { posts: [1] } }];
    expect(readBackup(backupFile(wb))).toEqual(wb);
  });

  it('round-trips any text and numbers (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ title: fc.string(), grade: fc.string(), fte: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 5 }), (name, posts) => {
        const wb = { ...carePlanningWorkbook(), name, posts: posts.map((p) => ({ ...p, team: '', group: '', start: null, end: null, months: null, funding: '' })) };
        expect(readBackup(backupFile(wb))).toEqual(JSON.parse(JSON.stringify(wb)));
      }),
    );
  });

  it('refuses a file from a newer version, saying so', () => {
    const newer = JSON.stringify({ format: 'council-scenario-explorer-workbook', version: 2, workbook: carePlanningWorkbook() });
    expect(readBackup(newer)).toEqual({ problem: expect.stringMatching(/^This workbook file was written by a newer version of the app \(file version 2; this one reads up to 1\)/) });
  });

  it('refuses a damaged file, saying what is wrong', () => {
    expect(readBackup('{"format":"council-scenario-explorer-workbook","ver')).toEqual({ problem: expect.stringMatching(/^This is not a workbook file/) });
    const broken = JSON.parse(backupFile(carePlanningWorkbook()));
    broken.workbook.posts[2].fte = 'one';
    expect(readBackup(JSON.stringify(broken))).toEqual({ problem: 'This workbook file is damaged: posts line 3 is not a post.' });
    expect(readBackup('Grade,Annual cost\n')).toEqual({ problem: expect.stringMatching(/not the JSON this app writes/) });
  });
});
