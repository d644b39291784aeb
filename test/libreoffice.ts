// Recalculates an .xlsx in LibreOffice, an engine none of us wrote, and reads
// a worksheet back as rows: the check that the Excel download's formulas work
// out the app's figures in a real spreadsheet.
//
// LibreOffice keeps the results a file carries unless told otherwise, so the
// helper runs it on a profile of its own whose OOXMLRecalcMode is 0
// ("always recalculate"): a file with stale results then still shows what
// its formulas give. The CSV filter's options are, in order: comma, double
// quote, UTF-8 (76), from line 1, no column formats, language 1033 (so a
// decimal point), quoted text as text, detect numbers, values in full rather
// than as shown, no formulas, no trimming, and -1: every worksheet, each to
// `<file>-<worksheet>.csv`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '../src/io/csv';

export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';

let profile: string | null = null;

/** One profile per test process: LibreOffice's first start on a profile is its slowest. */
function profileDir(): string {
  if (profile) return profile;
  profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  return profile;
}

/** Every worksheet of the workbook, recalculated, as rows of text (the header first). */
export function recalculate(bytes: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-recalc-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    try {
      execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir()}`, '--convert-to', FILTER, '--outdir', join(dir, 'out'), file], { stdio: 'pipe', timeout: 240_000 });
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? `LibreOffice (${SOFFICE}) is not installed: apt-get install -y libreoffice-calc-nogui` : `LibreOffice could not convert the workbook: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
    }
    const sheets = new Map<string, string[][]>();
    const outDir = join(dir, 'out');
    if (!existsSync(outDir)) throw new Error('LibreOffice wrote no CSV');
    for (const name of readdirSync(outDir)) {
      const sheet = name.replace(/^book-/, '').replace(/\.csv$/, '');
      sheets.set(sheet, readRecords(readFileSync(join(outDir, name), 'utf8').replace(/^\uFEFF/, ''), ',').rows);
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One worksheet, recalculated; throws naming the worksheets there are if it is missing. */
export function recalculatedSheet(bytes: Uint8Array, name: string): string[][] {
  const sheets = recalculate(bytes);
  const rows = sheets.get(name);
  if (!rows) throw new Error(`No worksheet ${name}: LibreOffice wrote ${[...sheets.keys()].join(', ')}`);
  return rows;
}
