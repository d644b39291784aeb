// The last step of `npm run bench`: reads what the engine bench (Node) and
// the app bench (Chromium) measured, prints one table and writes it, with the
// date and this machine, to docs/PERFORMANCE.md. Figures are reported against
// issues 8's and 18's goals, never asserted.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';

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
const longest = Math.max(...['import: CSV', 'one post edit', 'one assumption', 'scenario switch to its figures'].map((s) => step(big, s)?.longestTaskMs ?? NaN));

const huge = 25000;
const goal = (what, target, value, below, unit = 'ms') => [what, target, `${fmt(value)} ${unit}`, met(value, below)];
const goals = [
  goal('Import pressed to every figure shown (the model’s, being checked)', 'under 1 s', step(big, 'import: Import pressed to every figure shown')?.ms, 1000),
  goal('Import pressed to the engine’s figures', 'under 3 s', step(big, "import: Import pressed to the engine's")?.ms, 3000),
  goal('a post inserted in the Posts grid to every figure shown', 'under 100 ms', step(big, 'a post inserted in the Posts grid to every figure shown')?.ms, 100),
  goal('a post deleted in the Posts grid to every figure shown', 'under 100 ms', step(big, 'a post deleted in the Posts grid to every figure shown')?.ms, 100),
  goal('a post inserted or deleted, the engine alone (Node)', 'under 100 ms', node(big, 'a post inserted or deleted')?.engineMs, 100),
  goal('one grade’s annual cost, the engine alone (Node)', 'under 100 ms', node(big, "one grade's annual cost")?.engineMs, 100),
  goal('a start delay slider moved, the engine alone (Node)', 'under 100 ms', node(big, "one scenario's start delay")?.engineMs, 100),
  goal('25,000 posts: Import pressed to every figure shown', 'under 2 s', step(huge, 'import: Import pressed to every figure shown')?.ms, 2000),
  goal('25,000 posts: Import pressed to the engine’s figures', 'under 10 s', step(huge, "import: Import pressed to the engine's")?.ms, 10000),
  goal('25,000 posts: a post edit to every figure', 'under 100 ms', step(huge, 'one post edit (FTE) to every figure, later')?.ms, 100),
  goal('25,000 posts: memory, the page and its workers', 'under 600 MB', at(huge)?.memoryMb, 600, 'MB'),
  ['CSV import to every figure shown', 'under 2 s', `${fmt(step(big, 'import: CSV')?.ms)} ms`, met(step(big, 'import: CSV')?.ms, 2000)],
  ['one post edit to every figure (the first after an import)', 'under 50 ms', `${fmt(step(big, 'one post edit (FTE) to every figure, the first')?.ms)} ms`, met(step(big, 'one post edit (FTE) to every figure, the first')?.ms, 50)],
  ['one post edit to every figure (later ones)', 'under 50 ms', `${fmt(step(big, 'one post edit (FTE) to every figure, later')?.ms)} ms`, met(step(big, 'one post edit (FTE) to every figure, later')?.ms, 50)],
  ['one assumption change to every figure', 'under 300 ms', `${fmt(step(big, 'one assumption')?.ms)} ms`, met(step(big, 'one assumption')?.ms, 300)],
  ['scenario switch to its figures', 'under 100 ms', `${fmt(step(big, 'scenario switch to its figures')?.ms)} ms`, met(step(big, 'scenario switch to its figures')?.ms, 100)],
  ['longest main-thread task during these four', 'under 50 ms', `${fmt(longest)} ms`, met(longest, 50)],
  ['JavaScript before the first paint (gzip)', 'under 100 KB', `${fmt(app.js.firstPaintKb)} KB`, met(app.js.firstPaintKb, 100)],
  ["the example's figures on screen, cold load", 'under 1 s', `${fmt(app.coldLoad.figuresMs)} ms`, met(app.coldLoad.figuresMs, 1000)],
  ['memory: the page and its workers', 'under 300 MB', `${fmt(at(big)?.memoryMb)} MB`, met(at(big)?.memoryMb, 300)],
];

const machine = `${cpus().length} x ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}`;
const date = new Date().toISOString().slice(0, 10);

const doc = `# Performance

Written by \`npm run bench\` on ${date}: ${machine}; Node ${process.version}; ${app.browser}.
Every figure is measured, never asserted in the tests. The workbooks are
synthetic establishments (bench/synthetic.ts): 20 grades, posts fixed-term
and ongoing, some deleted or externally funded, a cost line per 20 posts and a
savings line per 10, and five scenarios (Do nothing, Proposed investment, Half
recruited, Late savings, Pay award 5%). Times are medians of several runs.

## Against the goals (10,000 posts unless said, five scenarios, in Chromium unless said)

${table(['goal', 'target', 'measured', ''], goals, [false, false, true, false])}

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
${fmt(app.coldLoad.firstPaintMs)} ms, its figures on screen ${fmt(app.coldLoad.figuresMs)} ms, longest task
${fmt(app.coldLoad.longestTaskMs)} ms. JavaScript before the first paint ${fmt(app.js.firstPaintKb)} KB gzip
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

## Where the time goes, and what was done

- **Sums.** HyperFormula's \`SUMIFS\` walks its ranges through generators,
  about 10 µs a row: at 10,000 posts the Summary's 120 \`SUMIFS\` took 11 s to
  build and 4–5 s after every edit. Lines are now summed in chunks of 200 rows
  by \`MMULT\` (PostSums, CostSums, SavingSums), and the chunks added up: an
  edit recomputes one chunk and the totals.
- **Links to one cell.** Each new reference to a cell scans that cell's list of
  references, so a cell read by 10,000 formulas costs 50 million comparisons
  to build. Year cells now carry their months (\`12*2018+3\`) instead of reading
  the Years sheet.
- **Fewer, plainer formulas.** A post's From and To are the one case that
  applies to its row; New post is a value unless FTE is a formula; the savings
  delay moves the summed profile, not 35 formulas on every savings line.
- **Edits.** An edit on any sheet (typed, pasted, filled) goes to the engine
  as the lines that changed, writes only the cells that change, and only
  changed rows are read back. The worker warms the edit path up after a load.
- **The page's thread.** The lines list is drawn only while open (100 lines a
  sheet, with a search); saving, each chart, the analysis message, the year
  tables and the sheets of a new workbook each run in a task of their own; the
  post costs come back as the rows that changed.
- **Switching values and the tornado** run in their own worker on line sums
  worked out once per start delay, so they never hold up an edit.
- **Figures first.** A workbook of 1,000 lines or more costed whole (an
  import, a workbook opened) or with lines in or out shows the pure model's
  figures, worked out in the analysis worker, marked "Checking these
  figures…", until the engine's arrive; any figure where the two differ is
  an error on the page (docs/RULES.md, "Figures first, then the engine's").
- **Rows in and out without a rebuild.** An insert, a delete, a paste past
  the end and their undo go to the engine as the rows that differ: it adds
  or removes rows, its chunk ranges widening and narrowing (docs/RULES.md,
  "Lines added and taken away"). HyperFormula's column index kept stale
  rows for \`VLOOKUP\` after \`addRows\`, so it is off.

## What is not met, and why

**Measured while building these changes (27 November 2026, Node, this 2-core
machine shared by eight sessions, load average 17: every figure some ten to
twenty times a quiet run's, so read the ratios).** At 10,000 posts: the model
costed the workbook in 1.8–2.8 s, the engine built it in 98 s; a post
inserted in the middle then deleted, in place, 0.85–6.5 s to insert and
4.5–13.5 s to delete, with no rebuild; a grade's cost 2.8–14 s; a post edit
76–236 ms. At 25,000 posts: model 0.9–1.4 s, build 97 s, insert 0.8–1.3 s,
delete 5.5–7.3 s, a grade's cost 21–43 s, a post edit 0.2–0.4 s, the Node
heap 1.3 GB with the engine built. So an insert or a delete costs the engine
a few per cent of a build but ten to fifty post edits: \`addRows\` and
\`removeRows\` move every row below the change in HyperFormula's address
mapping and dependency graph, and every chunk below it is summed again as its
ranges moved. The figures are on the page at the model's speed all the same,
marked as being checked.

**In Chromium at 10,000 posts (bench/app.bench.ts, \`SIZES=10000\`, run once
at 14:15 on 27 November 2026, load average 3–4).** Import pressed to every
figure shown (the model's, marked): 427 ms, against 2,536 ms before; to the
engine's figures (the mark gone): 5,813 ms (goal 3 s, not met on a busy
machine; the build is unchanged). A post inserted in the Posts grid to every
figure: 397 ms; a post deleted: 329 ms shown, the engine's at 1,678 ms (goal
100 ms, not met: the model's 50 ms plus copying the workbook to two workers
and drawing 10,000 rows of figures twice). Longest main-thread task around
the import 84 ms, around an insert or a delete 51–59 ms (goal 50 ms, not
met); post edits, assumption changes and switches none over 50 ms. Memory,
page and workers: 117 MB. The next way through for the page's side: send
the rows that changed to the analysis worker as to the engine (it keeps the
workbook), and draw the figures once when the engine's agree to the penny
with those shown.

**Rows in and out under 100 ms at 10,000 posts (the engine).** The next way
through is a layout where a line's row never moves: the engine keeps a map
from line to row, a new line takes a free row at the end of the last chunk,
and a deleted line's row is cleared (its FTE and flags 0) and reused. Every
sum is order-free (MMULT over chunks), so only the map, the rows read back
and "explain this figure" need to know; an insert or a delete would then
cost what a post edit costs (about 22 ms). The grade table keeps the
spreadsheet's rows (a \`VLOOKUP\` finds the first of two grades of one name).

**A grade's annual cost and a new start delay at 10,000 posts (0.55–0.83 s
quiet; the goal is 100 ms).** Not changed here. A grade's cost is read by
every post of that grade (some 500 at 10,000 posts), and each of their ten
year cells and every chunk's sums recompute; a new start delay builds a block
of year columns for every post. The next way through: a grade's cost and a
delay's months as factors on the summed chunks (the Summary multiplies a
chunk's sums by grade instead of by post), or the two-worker build below.

**25,000 posts.** The engine's build is some 2.5 times the 10,000 posts' one
(about 10 s quiet by that ratio), with the progress bar and Stop that every
build has; its heap in Node is 1.3 GB under load, over the 600 MB goal for
page and workers together: the engine's graph holds some 750,000 formula
cells. The figures are on the page from the model first. The way through is
the same as for the build: two workers each holding half the posts (the
machine has two cores), or a HyperFormula with a leaner graph.

**Import at 10,000 posts (about 3–4 s; the goal is 2 s).** HyperFormula is the
wall. It builds at about 25–40 µs per formula cell on this machine however the
formulas are written: a bare layout of 10,000 posts with a grade cost and six
year formulas each, and nothing else, takes 1.9 s to build. A post here
carries ten formulas (grade cost, from, to, FTE x cost, six years), and the
profile of a build splits into parsing (each formula is tokenised before the
parser's cache is looked up), linking and evaluating, none of which our
layout can remove without giving up a readable formula per post and year.
Tried and measured, and not kept: one array formula per year column (20%
faster to build, a post edit ten times slower: the whole column recomputes);
building by \`copy\`/\`paste\` (each paste evaluates: no faster); the column
index off, and each post reading its grade's cell instead of \`VLOOKUP\` (no
difference beyond the noise). While it builds, the page says what it is doing
and for how long, and Stop leaves the workbook as it was.

**The longest task around an import (0 to about 75 ms over runs, once).** The figures
of a new workbook are drawn first, then the year tables and the sheets, each
in a task of its own; saving copies the workbook to IndexedDB in another.
What is left over 50 ms in some runs is one of these while the engine's
worker, on the other core, is still busy. Edits, assumption changes and
scenario switches keep every task under 50 ms.

## The way through

1. **Build in two workers.** The machine has two cores and the Posts sheet is
   most of the build; its chunks are already independent. Two HyperFormula
   instances, each holding half the posts and their PostSums, feeding the
   Summary by value, would roughly halve the build and keep every formula.
2. **Rows that never move** for lines in and out (above).
3. **Ask upstream.** HyperFormula's \`Graph.addEdge\` checks for a duplicate
   edge with \`Array.includes\` (a cell read by n formulas costs n²/2 to link),
   and \`ParserWithCaching\` tokenises a formula before looking it up; a
   \`Set\`, and a cache keyed by the text of relative formulas, would each take
   a share of every build.
`;

writeFileSync(new URL('../docs/PERFORMANCE.md', import.meta.url), doc);
console.log(doc);
