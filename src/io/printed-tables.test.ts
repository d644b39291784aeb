import { expect, it } from 'vitest';
import { emptyWorkbook } from '../model/workbook';
import { previewImport } from './import';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

it('a row’s own total printed in brackets is a saving; with a minus sign it stays a minus', () => {
  const csv = 'Line,2021/22,2022/23,3 year total\nFewer placements,(100),(200),(300)\nMore referrals,100,200,-300\n';
  const preview = previewImport([file('Savings.csv', csv)], emptyWorkbook('new'));
  expect(preview.sheets.reported!.map((t) => [t.label, t.published, t.savings])).toEqual([
    ['Fewer placements: 3 year total', 300, [0]],
    ['More referrals: 3 year total', -300, [1]],
  ]);
});

it('a group in the first column carries down over blank cells; in another column a blank group is blank', () => {
  const first = 'Group,Description,Amount\nIT,Laptops,1000\n,Licences,200\nTraining,Course,500\n';
  const later = 'Description,Group,Amount\nLaptops,IT,1000\nLicences,,200\n';
  const read = (csv: string) => previewImport([file('Costs.csv', csv)], emptyWorkbook('new')).sheets.costs!.map((c) => c.group);
  expect(read(first)).toEqual(['IT', 'IT', 'Training']);
  expect(read(later)).toEqual(['IT', '']);
});
