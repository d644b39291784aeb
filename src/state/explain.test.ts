import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import type { AppState } from './app.svelte';
import { ExplainState } from './explain.svelte';
import { WorkbookEngine } from '../engine/engine';

it('shows a post year’s formula as the engine holds it, with what its columns hold', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'Late', overrides: { startDelay: 3 } }] };
  const explain = new ExplainState({ workbook: wb } as AppState);
  explain.open({ kind: 'post', scenario: 'Proposed investment', index: 1, year: 2018 });
  // The post's 2018/19 is cell Q3, filled by the one formula of its chunk (rows 2 to 9), as the engine holds it.
  const engine = new WorkbookEngine(wb, new Date(2026, 10, 23));
  try {
    expect(explain.formula).toBe(
      `${engine.formula('Posts', 1, 15)} (Posts sheet, rows 2 to 9: the fraction of each year each post runs (months in the year / 12), a row a post and a column a year, in P2:S9; this post's 2018/19 is Q3; L and M the first and last month; a month is year x 12 + month - 1, so 12*2018+3 is April 2018; the PostSums sheet multiplies it by O, FTE x annual cost; the Summary sheet multiplies it by the pay award, recruitment and optimism bias of Proposed investment)`,
    );
    expect(explain.formula).toMatch(/^=ARRAYFORMULA\(MMULT\(\(\(12\*2017\+3\+\{0,12,24,36,48\}\)>\$L\$2:\$L\$9\)/);
    // The cell named holds the post's own fraction: the Commissioning Manager starts December 2017 for 15 months,
    // so 4 months of 2017/18 (December to March) and 11 of 2018/19 (April to February).
    expect(engine.value('Posts', 2, 15)).toBeCloseTo(4 / 12, 12);
    expect(engine.value('Posts', 2, 16)).toBeCloseTo(11 / 12, 12);
    expect(engine.value('Posts', 2, 17)).toBe(0);
  } finally {
    engine.destroy();
  }
  // Late starts 3 months late: a new post has no cell of its own there; its chunk's formula counts its months moved by Late's delay cell (E4).
  explain.open({ kind: 'post', scenario: 'Late', index: 1, year: 2018 });
  // The months each year is counted to sit once in DelayedSums' row 1, right of the three scenarios' four years (D to O, P its label): Q1 to U1.
  expect(explain.formula).toMatch(/^=ARRAYFORMULA\(MMULT\(MMULT\(.*\(\$Q\$1:\$U\$1-Scenarios!\$E\$4\)>Posts!\$L\$2:\$L\$9/);
  expect(explain.formula).toContain(
    "(DelayedSums sheet, row 2: Late's council-funded new posts in Posts rows 2 to 9 by year, the externally funded ones on the row below; each new post's months counted from L + start delay to M + start delay; Q1 to U1 of this sheet hold the first month of each year and the month after the last, before the delay; O is FTE x annual cost, L and M the first and last month; a month is year x 12 + month - 1, so 12*2018+3 is April 2018; this post is row 3; the Summary sheet multiplies it by the pay award, recruitment and optimism bias of Late)",
  );
});

it('shows the formula at the post’s own row in the engine after lines were inserted and deleted', () => {
  // 450 posts (over one chunk of 200, so grouped by grade), then lines in and out: the engine says where each post is.
  const base = carePlanningWorkbook();
  const posts = Array.from({ length: 450 }, (_, i) => ({ ...base.posts[i % base.posts.length], title: `Post ${i}` }));
  const engine = new WorkbookEngine({ ...base, posts }, new Date(2026, 10, 23));
  try {
    engine.replaceLines('posts', 0, 0, [{ ...posts[7], title: 'New at the start' }]);
    engine.replaceLines('posts', 200, 3, []);
    engine.replaceLines('posts', 300, 0, [{ ...posts[2], title: 'New in the middle' }]);
    const workbook = engine.current;
    const results = engine.results();
    const explain = new ExplainState({ workbook, results } as AppState);
    for (const index of [0, 1, 250, 300, workbook.posts.length - 1]) {
      explain.open({ kind: 'post', scenario: 'Proposed investment', index, year: 2018 });
      const row = results.postRows![index];
      // The formula shown is the engine's own, of that post's chunk, and the cell named is at its row (column Q holds 2018/19 here).
      const [first, last] = results.postChunks!.find(([a, b]) => a <= row && row <= b)!;
      expect(explain.formula).toBe(`${engine.formula('Posts', first - 1, 15)} (Posts sheet, rows ${first} to ${last}: the fraction of each year each post runs (months in the year / 12), a row a post and a column a year, in P${first}:S${last}; this post's 2018/19 is Q${row}; L and M the first and last month; a month is year x 12 + month - 1, so 12*2018+3 is April 2018; the PostSums sheet multiplies it by O, FTE x annual cost; the Summary sheet multiplies it by the pay award, recruitment and optimism bias of Proposed investment)`);
      expect(explain.formula).toContain(`$L$${first}:$L$${last}`);
      expect(engine.formula('Posts', row - 1, 14)).toBe(`=IFERROR(C${row}*K${row},0)`);
    }
  } finally {
    engine.destroy();
  }
}, 60_000);

it('explains a late-starting new post in a chunk the engine added, and after a delay set then cleared, by the formula the engine sums it with', () => {
  // 250 posts of one grade: chunks of rows 2 to 201 and 202 to 251 (the last ends at the last line); five more take a chunk of rows 252 to 451.
  const base = carePlanningWorkbook();
  const posts = Array.from({ length: 250 }, (_, i) => ({ ...base.posts[1], title: `Post ${i}` }));
  const engine = new WorkbookEngine({ ...base, posts, scenarios: [{ name: 'Late', overrides: { startDelay: 3 } }] }, new Date(2026, 10, 23));
  try {
    engine.replaceLines('posts', 250, 0, Array.from({ length: 5 }, (_, i) => ({ ...base.posts[1], title: `New ${i}` })));
    let results = engine.results();
    expect(results.postRows![252]).toBeGreaterThan(251);
    const explain = new ExplainState({ workbook: engine.current, results } as AppState);
    explain.open({ kind: 'post', scenario: 'Late', index: 252, year: 2018 });
    // The third chunk's pair of rows on DelayedSums: rows 6 and 7.
    expect(explain.formula).toContain('DelayedSums sheet, row 6:');
    expect(explain.formula).toContain('Posts rows 252 to 451');
    // Back to no delay: the engine keeps summing Late's new posts on DelayedSums (its delay cell now 0).
    engine.setScenarios([{ name: 'Late', overrides: { startDelay: 0 } }]);
    results = engine.results();
    const after = new ExplainState({ workbook: engine.current, results } as AppState);
    after.open({ kind: 'post', scenario: 'Late', index: 1, year: 2018 });
    expect(after.formula).toContain('DelayedSums sheet, row 2:');
  } finally {
    engine.destroy();
  }
});
