import { expect, it } from 'vitest';
import { parseTsv, toTsv } from './clipboard';

it('reads a block copied from Excel: tabs, line breaks, quoted cells, the trailing line break', () => {
  expect(parseTsv('Reviewer\tBand A\t2\r\nClerk\tBand B\t0.5\r\n')).toEqual([['Reviewer', 'Band A', '2'], ['Clerk', 'Band B', '0.5']]);
  expect(parseTsv('"Approved Mental Health\nProfessional"\t"say ""hi"""\n')).toEqual([['Approved Mental Health\nProfessional', 'say "hi"']]);
  expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
});

it('writes a block Excel reads back', () => {
  const rows = [['Title', 'FTE'], ['Line\nbreak', '1'], ['tab\there', '"q"']];
  expect(parseTsv(toTsv(rows))).toEqual(rows);
});
