import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { ownPayWorkbookArb, workbookArb } from '../../test/arbitraries';
import { month } from '../model/periods';
import type { Post, Workbook } from '../model/workbook';
import { applyImport, previewImport } from './import';
import { isShareFragment, MAX_LINK, readShareLink, shareLink, SHARE_VERSION } from './share-link';

// Where a council would host the app; the page passes its own address.
const BASE = 'https://council.example/finance/scenarios/';

async function link(workbook: Workbook, scenario: string, base = BASE): Promise<string> {
  const made = await shareLink(base, workbook, scenario);
  if ('problem' in made) throw new Error(made.problem);
  return made.link;
}

const fragment = (url: string) => url.slice(url.indexOf('#'));

/** A workbook as people make one: scenarios of their own, formulas, own pay, a year's pay award, notes. */
function richWorkbook(): Workbook {
  const wb = carePlanningWorkbook();
  wb.userAssumptions = [{ name: 'ReferralsPerWeek', value: '=20*2', unit: 'number', note: 'Front door, 2017' }];
  wb.posts[4] = { ...wb.posts[4], formulas: { fte: '=ReferralsPerWeek/10' }, note: '* funded from reserves' };
  wb.posts[2] = { ...wb.posts[2], annualCost: 51234.56 };
  wb.assumptions = { ...wb.assumptions, payAwardByYear: { 2019: 0.025 } };
  wb.scenarios = [
    { name: 'Proposed investment', overrides: { discountRate: 0.03 } },
    { name: 'Half recruited', overrides: { recruitment: 0.5, startDelay: 3 }, payAwardByYear: { 2020: 0.04 }, toggled: { posts: [1], savings: [0] } },
  ];
  return wb;
}

/**
 * 200 posts as a large restructure report lists them: every title distinct
 * (a role, a team and a number), 12 grades with their costs, 8 teams in 3
 * groups, FTEs of 0.5 to 1, starts spread over two years, a third with a
 * months count, one in ten externally funded, one in eight with its own pay.
 * A fixed-seed generator, so the size is the same on every run.
 */
function twoHundredPosts(): Workbook {
  let seed = 20171012;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const roles = ['Social Worker', 'Senior Social Worker', 'Occupational Therapist', 'Care Coordinator', 'Team Manager', 'Practice Educator', 'Reablement Worker', 'Business Support Officer', 'Commissioning Officer', 'Brokerage Officer'];
  const teams = ['Hospital Discharge', 'Reablement North', 'Reablement South', 'Front Door', 'Learning Disability', 'Mental Health', 'Transitions', 'Carers Support'];
  const groups = ['Older Adults', 'Younger Adults', 'Commissioning'];
  const wb = richWorkbook();
  wb.grades = Array.from({ length: 12 }, (_, i) => ({ grade: `Band ${i + 3}`, annualCost: 24000 + i * 4150 + next(900) }));
  const posts: Post[] = [];
  for (let i = 0; i < 200; i++) {
    const team = teams[next(teams.length)];
    const start = month(2018 + next(2), 1 + next(12));
    const months = next(3) === 0 ? 12 + next(13) : null;
    posts.push({
      title: `${roles[next(roles.length)]} ${i + 1}, ${team}`,
      grade: `Band ${3 + next(12)}`,
      fte: [1, 1, 1, 0.5, 0.6, 0.8][next(6)],
      team,
      group: groups[teams.indexOf(team) % groups.length],
      start,
      end: months === null && next(2) === 0 ? start + 11 + next(24) : null,
      months,
      funding: next(10) === 0 ? 'Better Care Fund' : 'Council',
      ...(next(8) === 0 ? { annualCost: 30000 + next(40000) } : {}),
    });
  }
  wb.posts = posts;
  return wb;
}

describe('a link to a scenario', () => {
  it('carries the workbook and the open scenario in its fragment, versioned, and gives back exactly what was written', async () => {
    const wb = richWorkbook();
    const url = await link(wb, 'Half recruited');
    expect(url.startsWith(`${BASE}#share=v${SHARE_VERSION}.`)).toBe(true);
    expect(url).toMatch(/^[^#]*#share=v1\.[A-Za-z0-9_-]+$/);
    expect(await readShareLink(fragment(url))).toEqual({ workbook: wb, scenario: 'Half recruited' });
  });

  it('is built from the page’s address without its own fragment, under any sub-path', async () => {
    const url = await link(carePlanningWorkbook(), 'Do nothing', 'http://intranet/a/b/index.html?x=1#share=v1.old');
    expect(url.startsWith('http://intranet/a/b/index.html?x=1#share=v1.')).toBe(true);
    expect(url.match(/#/g)).toHaveLength(1);
  });

  it('round-trips every workbook as people make them, own pay too (property)', async () => {
    for (const arb of [workbookArb, ownPayWorkbookArb]) {
      await fc.assert(
        fc.asyncProperty(arb, async (wb) => {
          expect(await readShareLink(fragment(await link(wb, 'Proposed investment')))).toEqual({ workbook: JSON.parse(JSON.stringify(wb)), scenario: 'Proposed investment' });
        }),
        { numRuns: 40 },
      );
    }
  });

  it('fits a workbook of 200 posts in under 8,000 characters, and gives it back whole', async () => {
    const wb = twoHundredPosts();
    expect(new Set(wb.posts.map((p) => p.title)).size).toBe(200);
    const url = await link(wb, 'Half recruited');
    expect(url.length).toBeLessThan(8000);
    expect(await readShareLink(fragment(url))).toEqual({ workbook: wb, scenario: 'Half recruited' });
  });

  it('refuses a workbook too large for a link, saying to send the workbook file, and makes no link', async () => {
    const wb = twoHundredPosts();
    wb.posts = [...wb.posts, ...wb.posts, ...wb.posts, ...wb.posts].map((p, i) => ({ ...p, title: `${p.title} ${i}` }));
    const made = await shareLink(BASE, wb, 'Proposed investment');
    expect(made).not.toHaveProperty('link');
    expect(made).toEqual({ problem: expect.stringMatching(/^This workbook is too large to share as a link \(it would be [\d,]+ characters; a link can hold 8,000\)\. Send the workbook file instead: use “Download workbook file”\.$/) });
    expect(MAX_LINK).toBe(8000);
  });

  it('refuses a scenario the workbook does not have', async () => {
    expect(await shareLink(BASE, carePlanningWorkbook(), 'Nowhere')).toEqual({ problem: 'There is no scenario “Nowhere” in this workbook to link to.' });
  });
});

describe('opening a link', () => {
  const DAMAGED = 'This link is damaged or incomplete: it could not be read. Nothing has been changed.';

  it('knows its own links from any other fragment', () => {
    expect(isShareFragment('#share=v1.abc')).toBe(true);
    expect(isShareFragment('#share=')).toBe(true);
    expect(isShareFragment('#main')).toBe(false);
    expect(isShareFragment('')).toBe(false);
  });

  it('refuses a truncated link, a changed one, and one that is not base64, in words', async () => {
    const url = await link(richWorkbook(), 'Half recruited');
    const hash = fragment(url);
    for (const cut of [hash.length - 1, hash.length - 20, Math.floor(hash.length / 2), '#share=v1.'.length, '#share=v1'.length, '#share='.length]) {
      expect(await readShareLink(hash.slice(0, cut))).toEqual({ problem: DAMAGED });
    }
    expect(await readShareLink(`${hash.slice(0, 40)}!!${hash.slice(42)}`)).toEqual({ problem: DAMAGED });
    const flipped = hash.slice(0, 60) + (hash[60] === 'A' ? 'B' : 'A') + hash.slice(61);
    expect(await readShareLink(flipped)).toEqual({ problem: expect.stringMatching(/^This link is damaged/) });
  });

  it('refuses a link from a newer version, saying so', async () => {
    const hash = fragment(await link(richWorkbook(), 'Half recruited')).replace('share=v1.', 'share=v2.');
    expect(await readShareLink(hash)).toEqual({ problem: 'This link was made by a newer version of the explorer (link version 2; this one reads version 1), so it could not be read. Nothing has been changed.' });
  });

  it('checks the workbook it carries against the schema, and the scenario against the workbook', async () => {
    const bad = { ...carePlanningWorkbook(), posts: [{ ...carePlanningWorkbook().posts[0], fte: 'one' as unknown as number }] };
    const made = await linkOf(bad, 'Proposed investment');
    expect(await readShareLink(made)).toEqual({ problem: 'This link is damaged: post 1 (Strategic Development Manager) has an FTE that is not a number (“one”). Nothing has been changed.' });
    expect(await readShareLink(await linkOf(carePlanningWorkbook(), 'Gone'))).toEqual({ problem: DAMAGED });
  });

  it('keeps a Scenarios row of any label, JavaScript’s own names too, and refuses a line with a field named so', async () => {
    const open = carePlanningWorkbook();
    const wb = applyImport(open, previewImport([{ name: 'scenarios.csv', bytes: new TextEncoder().encode('Assumption,Half\nRecruitment %,50\n__proto__,kept\n') }], open));
    const read = await readShareLink(fragment(await link(wb, 'Half')));
    if ('problem' in read) throw new Error(read.problem);
    expect(Object.entries(read.workbook.scenarios!.find((s) => s.name === 'Half')!.other!)).toEqual([['__proto__', 'kept']]);

    const tampered = { ...open, posts: [JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(open.posts[0]).slice(1)}`)] };
    expect(await readShareLink(await linkOf(tampered, 'Proposed investment'))).toEqual({ problem: 'This link is damaged: post 1 (Strategic Development Manager) has a field this app does not know (“__proto__”). Nothing has been changed.' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a link that would unpack to more than any workbook, without unpacking it all', async () => {
    const huge = await deflate(new Uint8Array(20 * 1024 * 1024).fill(32));
    expect(await readShareLink(`#share=v1.${base64url(huge)}`)).toEqual({ problem: DAMAGED });
  });
});

// A link as another program might write it, bypassing the checks shareLink makes.
async function linkOf(workbook: Workbook, scenario: string): Promise<string> {
  const url = await link(carePlanningWorkbook(), 'Proposed investment');
  const packed = JSON.stringify({ s: scenario, w: { ...workbook, grades: columns(workbook.grades), posts: columns(workbook.posts), costs: columns(workbook.costs), savings: columns(workbook.savings) } });
  return fragment(url).replace(/\..*$/, `.${base64url(await deflate(new TextEncoder().encode(packed)))}`);
}
function columns(rows: object[]) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { n: rows.length, c: Object.fromEntries(keys.map((k) => [k, rows.map((r) => (r as Record<string, unknown>)[k])])) };
}
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}
function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
