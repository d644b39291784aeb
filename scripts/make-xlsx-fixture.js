#!/usr/bin/env node
// Writes test/fixtures/care-planning-2017.xlsx from the built-in example's CSV
// files, through LibreOffice, so the tests read a workbook an office suite
// wrote (its styles, shared strings, cached formula values) rather than one
// we made to suit our reader. Start and End are real date cells, money is
// numbers (Savings as currency), Band E's cost is a formula with its saved
// value, and two sheets are there to be left out: a blank one and notes.
//
// Run: node scripts/make-xlsx-fixture.js   (needs soffice on the PATH)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const example = join(root, 'src/example/care-planning-2017');
const out = join(root, 'test/fixtures');

/** The example's CSV files use only commas and double-quoted cells. */
function readCsv(name) {
  const rows = [];
  for (const line of readFileSync(join(example, name), 'utf8').split(/\r?\n/)) {
    if (!line) continue;
    const cells = [];
    for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
      cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
      if (m[3] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (s) => (s === '' ? '<table:table-cell/>' : `<table:table-cell office:value-type="string"><text:p>${esc(s)}</text:p></table:table-cell>`);
const float = (n) => `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
const money = (n) => `<table:table-cell table:style-name="money" office:value-type="currency" office:currency="GBP" office:value="${n}"><text:p>£${Number(n).toLocaleString('en-GB')}</text:p></table:table-cell>`;
/** `2018-04` in the CSV: the first of that month, as a date cell shown dd/mm/yyyy. */
const date = (ym) => {
  if (!ym) return '<table:table-cell/>';
  const [y, m] = ym.split('-');
  return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${y}-${m}-01"><text:p>01/${m}/${y}</text:p></table:table-cell>`;
};
const row = (cells) => `<table:table-row>${cells.join('')}</table:table-row>`;
const table = (name, rows) => `<table:table table:name="${esc(name)}">${rows.join('\n')}</table:table>`;

const [gradeHead, ...grades] = readCsv('Grades.csv');
const gradesSheet = [
  row(gradeHead.map(text)),
  ...grades.map(([grade, cost]) =>
    grade === 'Band E'
      ? // Typed as a sum, as finance officers do: the reader must take the saved 62186.
        row([text(grade), `<table:table-cell table:formula="of:=60000+2186" office:value-type="float" office:value="${cost}"><text:p>${cost}</text:p></table:table-cell>`])
      : row([text(grade), float(cost)]),
  ),
];

const [postHead, ...posts] = readCsv('Posts.csv');
const col = (name) => postHead.indexOf(name);
// A caption and a blank row above the header, as in a real establishment list:
// the header is the worksheet's row 3, and rows keep the worksheet's numbers.
const postsSheet = [
  row([text('Care and support planning: posts')]),
  '<table:table-row><table:table-cell/></table:table-row>',
  row(postHead.map(text)),
  ...posts.map((p) =>
    row(p.map((v, i) => (i === col('Start') || i === col('End') ? date(v) : i === col('FTE') || (i === col('Months') && v) ? float(v) : text(v)))),
  ),
];

const [savingHead, ...savings] = readCsv('Savings.csv');
const savingsSheet = [row(savingHead.map(text)), ...savings.map((s) => row(s.map((v, i) => (i >= 3 ? money(v) : text(v)))))];

const notes = [
  row([text('Notes')]),
  row([text('These figures are from the care and support planning report of October 2017. Savings are shown as positive amounts; the implementation costs are the posts above, costed at each grade’s full-year cost including on-costs.')]),
];

const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
  <number:date-style style:name="dmy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <number:currency-style style:name="gbp"><number:currency-symbol number:language="en" number:country="GB">£</number:currency-symbol><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="dmy"/>
  <style:style style:name="money" style:family="table-cell" style:data-style-name="gbp"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${table('Grades', gradesSheet)}
${table('Posts', postsSheet)}
${table('Savings', savingsSheet)}
${table('Blank', ['<table:table-row><table:table-cell/></table:table-row>'])}
${table('Notes', notes)}
</office:spreadsheet></office:body>
</office:document>
`;

const work = mkdtempSync(join(tmpdir(), 'xlsx-fixture-'));
try {
  writeFileSync(join(work, 'care-planning-2017.fods'), fods);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'xlsx', '--outdir', work, join(work, 'care-planning-2017.fods')], { stdio: 'inherit' });
  renameSync(join(work, 'care-planning-2017.xlsx'), join(out, 'care-planning-2017.xlsx'));
  console.log(`wrote ${join(out, 'care-planning-2017.xlsx')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
