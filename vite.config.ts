import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// base './' keeps every URL relative, so dist/ works under any sub-path of a
// council web server (https://council.example/finance/scenarios/).
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    // Opens with no network after one visit, under any sub-path. A new version
    // is offered with a prompt, never applied by a reload the user did not ask for.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Council scenario explorer',
        short_name: 'Scenarios',
        description: 'Cost a council committee proposal and compare it with doing nothing, in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b0c0c',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
