import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Writes dist/sw.js: the service worker in scripts/, with the exact list of
 * built files to keep for offline use and a version that changes with them.
 * (vite-plugin-pwa would do this, but its workbox-build pulls in rollup, whose
 * platform packages this machine's registry lacks, and then npm ci refuses.)
 */
function offline(): Plugin {
  return {
    name: 'offline-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((f) => !f.endsWith('.map')).sort();
      const files = ['./', ...built.map((f) => `./${f}`), './favicon.svg', './manifest.webmanifest'];
      const version = createHash('sha256').update(built.join('|')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./scripts/service-worker.js', import.meta.url), 'utf8')
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('__FILES__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// base './' keeps every URL relative, so dist/ works under any sub-path of a
// council web server (https://council.example/finance/scenarios/).
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    offline(),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
