// What the page's first paint waits for: the entry script and what it imports
// statically. The parts below the first screen, the dialogs and the printed
// appendix load after it (src/ui/parts.ts, App.svelte), so their code is not
// in those files. Their sizes are measured by `npm run bench`, never asserted.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

/** The entry's code and every file it imports statically (`import ... from "./x.js"`; a dynamic `import()` loads after). */
function firstPaintCode(): string {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const code = readFileSync(new URL(file, dist), 'utf8');
    seen.set(file, code);
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{},\s$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  for (const m of html.matchAll(/src="[^"]*?(assets\/[^"]+\.js)"/g)) visit(m[1]);
  return [...seen.values()].join('\n');
}

it('paints first without the parts below the first screen, the dialogs or the printed appendix', () => {
  const code = firstPaintCode();
  expect(code).toContain('Print for committee'); // the toolbar is there
  for (const words of ['below the dark zero line is a saving', 'Risk: how likely it beats doing nothing', 'How this figure is made', 'Link to this scenario', 'Check the import']) {
    expect(code.includes(words), words).toBe(false);
  }
});
