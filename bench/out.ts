// Where the benches leave their figures for scripts/performance-report.js.
// bench/out/ is not kept in git, so a fresh clone has none: made here.
import { mkdirSync, writeFileSync } from 'node:fs';

export function writeFigures(name: string, figures: unknown): void {
  const dir = new URL('out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${name}.json`, dir), JSON.stringify(figures, null, 2));
}
