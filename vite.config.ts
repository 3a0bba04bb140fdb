// Builds the planner's page (web/) into dist/web, which `xbroute serve` serves at /.
// Everything it needs is bundled (map data included): the page fetches only its own origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // No module-preload polyfill fetches, no inlined remote fonts: a plain, offline bundle.
    modulePreload: { polyfill: false },
  },
});
