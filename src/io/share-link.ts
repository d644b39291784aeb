// A scenario shared as a link, with no server: the workbook and the scenario
// travel in the link's fragment (after `#`), which browsers never send to a
// server. The workbook is packed a sheet at a time as columns (a title column,
// a grade column, ...: like values sit together and compress well), deflated
// with the browser's own CompressionStream and written in base64url, behind a
// version marker: `#share=v1.<data>`. A link is read as untrusted input: it
// may be cut short by a mail program, altered, or made by a newer version, and
// what it carries is checked against the workbook's one schema (model/schema.ts).
import { readWorkbook } from '../model/schema';
import { scenariosOf } from '../model/scenarios';
import type { Workbook } from '../model/workbook';
import type { Refused } from './backup';

/** Raise by one whenever the packing below changes; older links are still read by their own version's step. */
export const SHARE_VERSION = 1;
/** Whole links, address included: what every browser, mail program and chat tool carries unbroken. */
export const MAX_LINK = 8000;
/** More than any workbook a link of any length could honestly carry: a link that unpacks further is refused. */
const MAX_UNPACKED = 16 * 1024 * 1024;
const MARKER = 'share=';
const DAMAGED = 'This link is damaged or incomplete: it could not be read. Nothing has been changed.';

export interface Shared {
  workbook: Workbook;
  scenario: string;
}

/** The sheets packed as columns; the rest of the workbook is small and travels as it is. */
const TABLES = ['grades', 'posts', 'costs', 'savings', 'reported'] as const;

/** A sheet as columns: each field's values in row order, or by row where only some rows have the field. */
interface Columns {
  n: number;
  c: Record<string, unknown[] | Record<string, unknown>>;
}

function pack(rows: readonly object[]): Columns {
  // JSON's own rule: a field whose value is undefined is not there.
  const entries = rows.map((row) => Object.entries(row).filter(([, value]) => value !== undefined));
  const keys = [...new Set(entries.flatMap((e) => e.map(([key]) => key)))];
  const c: Columns['c'] = {};
  for (const key of keys) {
    const values = entries.map((e) => e.find(([k]) => k === key));
    c[key] = values.every((v) => v !== undefined) ? values.map((v) => v![1]) : Object.fromEntries(values.flatMap((v, i) => (v ? [[i, v[1]]] : [])));
  }
  return { n: rows.length, c };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rows again, or null when the columns are not ones `pack` writes. Fields are own properties, whatever their names. */
function unpack(input: unknown): Record<string, unknown>[] | null {
  if (!isObject(input) || !Number.isInteger(input.n) || (input.n as number) < 0 || (input.n as number) > MAX_UNPACKED || !isObject(input.c)) return null;
  const n = input.n as number;
  const rows: [string, unknown][][] = Array.from({ length: n }, () => []);
  for (const [key, column] of Object.entries(input.c)) {
    if (Array.isArray(column)) {
      if (column.length !== n) return null;
      column.forEach((value, i) => rows[i].push([key, value]));
    } else if (isObject(column)) {
      for (const [at, value] of Object.entries(column)) {
        const i = Number(at);
        if (!Number.isInteger(i) || i < 0 || i >= n || String(i) !== at) return null;
        rows[i].push([key, value]);
      }
    } else return null;
  }
  return rows.map((fields) => Object.fromEntries(fields));
}

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  // A length of 4n+1 is never whole base64: a character was lost.
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * A link to `scenario` of `workbook`, at the page's address `base` (any
 * fragment of its own dropped); or, for a workbook too large for a link or a
 * browser that cannot compress, the reason and what to do instead.
 */
export async function shareLink(base: string, workbook: Workbook, scenario: string): Promise<{ link: string } | Refused> {
  if (!scenariosOf(workbook).some((s) => s.name === scenario)) return { problem: `There is no scenario “${scenario}” in this workbook to link to.` };
  const packed: Record<string, unknown> = { ...workbook };
  for (const table of TABLES) if (workbook[table] !== undefined) packed[table] = pack(workbook[table]!);
  let data: string;
  try {
    data = toBase64url(await through(new TextEncoder().encode(JSON.stringify({ s: scenario, w: packed })), new CompressionStream('deflate-raw')));
  } catch {
    return { problem: 'This browser cannot make a link (it has no compression). Send the workbook file instead: use “Download workbook file”.' };
  }
  const link = `${base.split('#')[0]}#${MARKER}v${SHARE_VERSION}.${data}`;
  if (link.length >= MAX_LINK) return { problem: `This workbook is too large to share as a link (it would be ${link.length.toLocaleString('en-GB')} characters; a link can hold ${MAX_LINK.toLocaleString('en-GB')}). Send the workbook file instead: use “Download workbook file”.` };
  return { link };
}

/** Whether a fragment (`location.hash`) is a link this app made, whole or damaged. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(MARKER);
}

/** The workbook and scenario a link carries, or why it cannot be read; never a workbook the schema refuses. */
export async function readShareLink(hash: string): Promise<Shared | Refused> {
  const found = /^v(\d+)\.(.*)$/s.exec(hash.replace(/^#/, '').slice(MARKER.length));
  if (!isShareFragment(hash) || !found) return { problem: DAMAGED };
  const version = Number(found[1]);
  if (version > SHARE_VERSION) return { problem: `This link was made by a newer version of the explorer (link version ${version}; this one reads version ${SHARE_VERSION}), so it could not be read. Nothing has been changed.` };
  if (version < 1) return { problem: DAMAGED };
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await through(fromBase64url(found[2]), new DecompressionStream('deflate-raw'), MAX_UNPACKED)));
  } catch {
    return { problem: DAMAGED };
  }
  if (!isObject(payload) || typeof payload.s !== 'string' || !isObject(payload.w)) return { problem: DAMAGED };
  const fields: Record<string, unknown> = { ...payload.w };
  for (const table of TABLES) {
    if (fields[table] === undefined) continue;
    const rows = unpack(fields[table]);
    if (rows === null) return { problem: DAMAGED };
    fields[table] = rows;
  }
  const read = readWorkbook(fields);
  if ('problem' in read) return { problem: `This link is damaged: ${read.problem}. Nothing has been changed.` };
  const scenario = payload.s;
  if (!scenariosOf(read.workbook).some((s) => s.name === scenario)) return { problem: DAMAGED };
  return { workbook: read.workbook, scenario };
}
