import { describe, expect, it } from 'vitest';
import { decode, moneyCell, parseCsv, writeCsv } from './csv';

describe('reading bytes', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Grade,Annual cost\r\nBand A,"£39,820"\r\n')]);
    expect(parseCsv(decode(bytes)).rows).toEqual([['Grade', 'Annual cost'], ['Band A', '£39,820']]);
  });

  it('reads Windows-1252’s en dash (0x96) and curly quotes as themselves', () => {
    expect(decode(new Uint8Array([0x32, 0x30, 0x32, 0x31, 0x96, 0x32, 0x32, 0x20, 0x93, 0x41, 0x94, 0xa3]))).toBe('2021–22 “A”£');
  });

  it('falls back to Windows-1252, where £ is byte 0xA3', () => {
    const bytes = new Uint8Array([0x41, 0x2c, 0xa3, 0x35, 0x0d, 0x0a]); // A,£5
    expect(parseCsv(decode(bytes)).rows).toEqual([['A', '£5']]);
  });

  it('keeps quoted line breaks inside a field and skips blank lines', () => {
    expect(parseCsv('Line,2021/22\n"Sleep-ins,\nday hours",5\n\n').rows).toEqual([['Line', '2021/22'], ['Sleep-ins,\nday hours', '5']]);
  });
});

describe('writing for Excel', () => {
  const out = writeCsv(['A', 'B'], [['=SUM(A1)', 5], ['+44 1234', -3.5], ['@x', null], ['\tx', 0], ['\nx', 1], ['＝1', 2], ['say "hi", then', 3]]);

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(out.startsWith('\uFEFFA,B\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('writes text that Excel would run as a formula with a leading apostrophe; numbers stay numbers', () => {
    const lines = out.slice(1).split('\r\n');
    expect(lines[1]).toBe("'=SUM(A1),5");
    expect(lines[2]).toBe("'+44 1234,-3.5");
    expect(lines[3]).toBe("'@x,");
    expect(lines[4]).toBe("'\tx,0");
    expect(out).toContain(`"'\nx",1`);
    expect(lines).toContain("'＝1,2");
    expect(lines).toContain('"say ""hi"", then",3');
  });

  it('writes money to the penny and never -0', () => {
    expect(moneyCell(77732.499999)).toBe(77732.5);
    expect(moneyCell(-0.001)).toBe(0);
    expect(Object.is(moneyCell(-0.001), -0)).toBe(false);
  });
});

describe('delimiters', () => {
  it('reads commas, semicolons and tabs', () => {
    expect(parseCsv('Grade;Annual cost\r\nBand A;39820\r\n').rows).toEqual([['Grade', 'Annual cost'], ['Band A', '39820']]);
    expect(parseCsv('Grade\tAnnual cost\nBand A\t"39,820"\n').rows).toEqual([['Grade', 'Annual cost'], ['Band A', '39,820']]);
    expect(parseCsv('Grade,Annual cost\nBand A,39820\n').delimiter).toBe(',');
  });

  it('reads a semicolon file whose numbers have decimal commas', () => {
    const parsed = parseCsv('Title;Grade;FTE\nOfficer;Band A;0,5\nClerk;Band B;1\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.decimalComma).toBe(true);
    expect(parsed.rows[1]).toEqual(['Officer', 'Band A', '0,5']);
  });

  it('keeps trailing blank columns out of the delimiter vote', () => {
    expect(parseCsv('Grade,Annual cost,,\nBand A,39820,,\nBand B,44882,,\n').rows[1]).toEqual(['Band A', '39820', '', '']);
  });
});
