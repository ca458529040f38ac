import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const OUT_DIR = fileURLToPath(new URL('./dist/client', import.meta.url));
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
const SERVICE_WORKER = `${OUT_DIR}/serviceWorker.js`;

/**
 * The service worker is written after the bundle (Workbox puts the list of files in it), so
 * after the compression plugin has run: it is compressed here, with the same settings.
 */
const compressServiceWorker = (): Plugin => ({
  name: 'assembly-live:compress-service-worker',
  apply: 'build',
  closeBundle: {
    sequential: true,
    order: 'post',
    handler() {
      const worker = fs.readFileSync(SERVICE_WORKER);
      fs.writeFileSync(`${SERVICE_WORKER}.br`, brotliCompressSync(worker, BROTLI));
      fs.writeFileSync(`${SERVICE_WORKER}.gz`, gzipSync(worker, { level: 9 }));
    },
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [
    // Preact behind React's API: the same components at a tenth of the runtime's bytes, which
    // a phone on the venue's shared wifi downloads before it can check in.
    preact({ prerender: { enabled: false } }),
    // The service worker (client/src/offline/serviceWorker.ts) precaches every route's code on
    // a device's first visit, so a page opened once reloads with no network at all.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'serviceWorker.ts',
      // main.tsx registers it, later on the join page (see offline/register.ts).
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,json}'],
        // The door's QR decoder (1 MB of WebAssembly) is cached when a door first scans, not on
        // every phone; source maps are for developers.
        globIgnores: ['**/*.map', 'serviceWorker.js', '**/*.wasm'],
        // Workbox's own output is a file per build; the precache list is in it.
        swDest: SERVICE_WORKER,
      },
    }),
    // Every text file is compressed once, here, and served as it is (server/http/clientPages.ts).
    compression({
      include: /\.(html|js|mjs|css|json|svg|wasm)$/,
      algorithms: [defineAlgorithm('brotliCompress', BROTLI), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
    compressServiceWorker(),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    sourcemap: true,
    // Brotli at its best on the 1 MB scanner takes seconds, at build time, on purpose: not a
    // slow plugin to report on every npm start.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
