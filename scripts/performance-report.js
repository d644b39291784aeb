// The last step of `npm run bench`: reads what the engine bench (Node) and
// the app bench (Chromium) measured, prints one table and writes it, with the
// date and this machine, to docs/PERFORMANCE.md. Figures are reported against
// issues 8's and 18's goals, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

const read = (name) => JSON.parse(readFileSync(new URL(`../bench/out/${name}.json`, import.meta.url), 'utf8'));
const engine = read('engine');
const risk = read('risk');
const app = read('app');

const fmt = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v >= 100 ? Math.round(v).toLocaleString('en-GB') : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const table = (head, rows, right = head.map((_, i) => i > 1)) =>
  [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (right[i] ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const at = (posts) => app.sizes.find((s) => s.posts === posts);
const step = (posts, start) => at(posts)?.steps.find((s) => s.what.startsWith(start));
const node = (posts, start) => engine.rows.find((r) => r.posts === posts && r.what.startsWith(start));
const big = 10000;
const met = (value, goal) => (value === undefined || Number.isNaN(value) ? 'not measured' : value < goal ? 'met' : 'not met');
// Every step a person waits for at 10,000 posts: the import from files chosen
// to the engine's figures (the last figure drawn), the edits, a row in and out
// of the grid, and the switch. Each step's longest task is over its own span.
const waited = ['import: files chosen', 'import: Import pressed to every figure', "import: Import pressed to the engine's", 'one post edit', 'a post inserted in the Posts grid', 'a post deleted in the Posts grid', 'one assumption', 'scenario switch to its figures', 'a start delay no other scenario has'];
const longest = Math.max(...waited.map((s) => step(big, s)?.longestTaskMs ?? NaN));

const huge = 25000;
/** One goal: what, the target as words, the figure measured (undefined when not), and the figure it must stay under. */
const goal = (what, target, value, below, unit = 'ms') => ({ what, target, value, below, unit });
const goals = [
  goal('Import pressed to every figure shown (the model’s, being checked)', 'under 1 s', step(big, 'import: Import pressed to every figure shown')?.ms, 1000),
  goal('Import pressed to the engine’s figures', 'under 3 s', step(big, "import: Import pressed to the engine's")?.ms, 3000),
  goal('a post inserted in the Posts grid to every figure shown', 'under 100 ms', step(big, 'a post inserted in the Posts grid to every figure shown')?.ms, 100),
  goal('a post deleted in the Posts grid to every figure shown', 'under 100 ms', step(big, 'a post deleted in the Posts grid to every figure shown')?.ms, 100),
  goal('a post inserted or deleted, the engine alone (Node)', 'under 100 ms', node(big, 'a post inserted or deleted')?.engineMs, 100),
  goal('one grade’s annual cost, the engine alone (Node)', 'under 100 ms', node(big, "one grade's annual cost")?.engineMs, 100),
  goal('a start delay slider moved, the engine alone (Node)', 'under 100 ms', node(big, "one scenario's start delay")?.engineMs, 100),
  goal('a start delay no other scenario has, first set, to every figure shown', 'under 100 ms', step(big, 'a start delay no other scenario has, first set, to every figure shown')?.ms, 100),
  goal('a start delay no other scenario has, first set, the engine alone (Node)', 'under 100 ms', node(big, 'a start delay no other scenario has')?.engineMs, 100),
  goal('25,000 posts: Import pressed to every figure shown', 'under 2 s', step(huge, 'import: Import pressed to every figure shown')?.ms, 2000),
  goal('25,000 posts: Import pressed to the engine’s figures', 'under 10 s', step(huge, "import: Import pressed to the engine's")?.ms, 10000),
  goal('25,000 posts: a post edit to every figure', 'under 100 ms', step(huge, 'one post edit (FTE) to every figure, later')?.ms, 100),
  goal('25,000 posts: memory, the page and its workers', 'under 600 MB', at(huge)?.memoryMb, 600, 'MB'),
  goal('CSV import to every figure shown', 'under 2 s', step(big, 'import: CSV')?.ms, 2000),
  goal('one post edit to every figure (the first after an import)', 'under 50 ms', step(big, 'one post edit (FTE) to every figure, the first')?.ms, 50),
  goal('one post edit to every figure (later ones)', 'under 50 ms', step(big, 'one post edit (FTE) to every figure, later')?.ms, 50),
  goal('one assumption change to every figure', 'under 300 ms', step(big, 'one assumption')?.ms, 300),
  goal('scenario switch to its figures', 'under 100 ms', step(big, 'scenario switch to its figures')?.ms, 100),
  goal('longest main-thread task: the import to the engine’s figures, the edits, a row in and out, the switch', 'under 50 ms', longest, 50),
  goal('JavaScript before the first paint (gzip)', 'under 100 KB', app.js.firstPaintKb, 100, 'KB'),
  goal("the example's figures on screen, cold load", 'under 1 s', app.coldLoad.figuresMs, 1000),
  goal('memory: the page and its workers', 'under 300 MB', at(big)?.memoryMb, 300, 'MB'),
];
const shown = (g) => (g === undefined || g.value === undefined || g.value === null || Number.isNaN(g.value) ? '–' : `${fmt(g.value)} ${g.unit}`);

const machine = `${cpus().length} x ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}`;
const date = new Date().toISOString().slice(0, 10);

// Every run is kept (docs/performance-runs.json, the last twenty), so a
// figure can be read beside the run before it on the same machine: one run
// on a shared machine can be slow for reasons of its own.
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not a git checkout';
  }
})();
const runsFile = new URL('../docs/performance-runs.json', import.meta.url);
const runs = existsSync(runsFile) ? JSON.parse(readFileSync(runsFile, 'utf8')) : [];
const load = loadavg().map((l) => l.toFixed(2)).join(', ');
const run = { at: new Date().toISOString(), commit, machine, load, goals: goals.map(({ what, value, unit }) => ({ what, value: value ?? null, unit })) };
const before = runs.at(-1);
writeFileSync(runsFile, `${JSON.stringify([...runs, run].slice(-20), null, 1)}\n`);
const earlier = (what) => {
  const g = before?.goals.find((x) => x.what === what);
  return g ? shown({ ...g, value: g.value ?? undefined }) : '–';
};
const when = (r) => `${r.at.slice(0, 16).replace('T', ' ')} UTC, ${r.commit}, load ${r.load}`;

const doc = `# Performance

Written by \`npm run bench\` on ${date}: ${machine}; Node ${process.version}; ${app.browser}.
Every figure is measured, never asserted in the tests. The workbooks are
synthetic establishments (bench/synthetic.ts): 20 grades, posts fixed-term
and ongoing, some deleted or externally funded, a cost line per 20 posts and a
savings line per 10, and five scenarios (Do nothing, Proposed investment, Half
recruited, Late savings, Pay award 5%). Times are medians of several runs.

## Against the goals (10,000 posts unless said, five scenarios, in Chromium unless said)

This run: ${when(run)}. The run before: ${before ? when(before) : 'none kept'}.
Load is the machine's load average over 1, 5 and 15 minutes as the run ended
(the bench itself keeps a core busy); \`docs/performance-runs.json\` keeps every run.

${table(
  ['goal', 'target', 'this run', 'the run before', 'this run against the goal'],
  goals.map((g) => [g.what, g.target, shown(g), earlier(g.what), met(g.value, g.below)]),
  [false, false, true, true, false],
)}

## In Chromium: what a person waits for

The built app, served from a sub-path under the strict Content-Security-Policy,
driven by keyboard and mouse (bench/app.bench.ts). Each time runs from the
event that starts it (a key, a click, files chosen) to the page showing the
figure the pure model expects. The longest task is the longest the page's own
thread was busy at once (PerformanceObserver, \`longtask\`: tasks over 50 ms).

${table(
  ['posts', 'what', 'ms', 'longest task ms'],
  app.sizes.flatMap((s) => s.steps.map((x) => [String(s.posts), x.what, fmt(x.ms), fmt(x.longestTaskMs)])),
  [false, false, true, true],
)}

Memory (\`performance.measureUserAgentSpecificMemory\`, the page and its
workers, after an import and the steps above): ${app.sizes.map((s) => `${s.posts.toLocaleString('en-GB')} posts ${fmt(s.memoryMb)} MB`).join('; ')}.

Cold load of the example (a new profile; median of three): first paint
${fmt(app.coldLoad.firstPaintMs)} ms, its figures on screen ${fmt(app.coldLoad.figuresMs)} ms (timed by the page
as they appear: the pure model's, being checked, while the engine loads), longest task
before them ${fmt(app.coldLoad.longestTaskMs)} ms. JavaScript before the first paint ${fmt(app.js.firstPaintKb)} KB gzip
(the page's own script: the engine, chart.js and the import and analysis
workers load after); ${fmt(app.js.totalKb)} KB gzip in all, over ${app.js.files} files.

## In Node: the engine beside the pure model

The same work by HyperFormula as the engine's worker runs it, and by the pure
TypeScript model (src/model) in the same run (bench/engine.bench.ts). The
model recomputes everything for any change; its column is the floor.

${table(
  ['posts', 'what', 'engine ms', 'model ms', 'ratio'],
  engine.rows.map((r) => [String(r.posts), r.what, fmt(r.engineMs), fmt(r.modelMs), r.engineMs === null ? '–' : (r.engineMs / r.modelMs).toFixed(1)]),
  [false, false, true, true, true],
)}

Memory held by the engine with the workbook built (heap after a full
collection; below a megabyte the collector's own noise is larger than the figure): ${engine.memory.map((m) => `${m.posts.toLocaleString('en-GB')} posts ${m.engineMb < 1 ? 'under 1' : fmt(m.engineMb)} MB`).join('; ')}.

## In Node: the risk view's runs

${risk.runs.toLocaleString('en-GB')} runs of the open scenario and doing nothing (bench/risk.bench.ts, as the
risk worker runs them: every assumption drawn at once, over the switching values'
line sums), beside one plain calculation of the whole workbook by the model.

${table(
  ['workbook', 'posts', 'runs ms', 'goal ms', '', 'one plain calculation ms'],
  risk.rows.map((r) => [r.workbook, r.posts.toLocaleString('en-GB'), fmt(r.runsMs), fmt(r.goalMs), met(r.runsMs, r.goalMs), fmt(r.plainMs)]),
  [false, true, true, true, false, true],
)}

## Why, and what next

Where the time goes, what was tried and what is left: [SCALE.md](SCALE.md).
`;

writeFileSync(new URL('../docs/PERFORMANCE.md', import.meta.url), doc);
console.log(doc);
