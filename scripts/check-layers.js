// Imports point one way: ui -> state -> {engine, io, store} -> model.
// model imports nothing of ours; only engine/ imports hyperformula; ui never
// holds the engine or the store (main.ts wires them). valibot is pure and is
// imported by model/schema.ts alone: the workbook's shape is written once.
// rpc/ is the one typed channel to every worker (engine's, analysis, import):
// generic and DOM-free like model/, and at its rank, so engine/ and io/ may
// both use it while it imports nothing of ours (not even model/).
// Run by `npm run check`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const SRC = resolve('src');
const RANK = { model: 0, rpc: 0, engine: 1, io: 1, store: 1, state: 2, ui: 3 };
const FORBIDDEN_PACKAGES = { hyperformula: ['engine'], papaparse: ['io'], idb: ['store'], 'chart.js': ['ui'], svelte: ['ui', 'state'], valibot: ['model'], exceljs: ['io'] };

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const layer = (file) => relative(SRC, file).split('/')[0];
const problems = [];

for (const file of files(SRC).filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f))) {
  const from = layer(file);
  if (!(from in RANK)) continue; // main.ts, the composition root, and data folders
  const text = readFileSync(file, 'utf8');
  // A static import's path is the first group, a dynamic import()'s the second: both count.
  for (const [, staticSpec, dynamicSpec] of text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = staticSpec ?? dynamicSpec;
    if (!spec) continue;
    if (spec.startsWith('.')) {
      const to = layer(resolve(dirname(file), spec));
      if (to === from || !(to in RANK)) continue;
      const ok = RANK[to] < RANK[from] && !(from === 'ui' && (to === 'engine' || to === 'store'));
      if (!ok) problems.push(`${relative('.', file)}: ${from}/ may not import ${to}/ (${spec})`);
    } else {
      const pkg = Object.keys(FORBIDDEN_PACKAGES).find((p) => spec === p || spec.startsWith(`${p}/`));
      if (pkg && !FORBIDDEN_PACKAGES[pkg].includes(from)) problems.push(`${relative('.', file)}: only ${FORBIDDEN_PACKAGES[pkg].join(', ')}/ may import ${pkg}`);
    }
  }
}

if (problems.length) {
  console.error(`Layer rule broken (docs/ARCHITECTURE.md):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Layers: imports point one way (ui -> state -> engine, io, store -> model, rpc).');
