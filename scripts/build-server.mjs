// Compiles the server ahead of time, as the client is built: `npm start` then runs plain
// JavaScript (dist/server/main.js), with no TypeScript loader in the running process.
// Packages stay in node_modules (external); only the project's own code is bundled, with
// PostgreSQL's and Redis's code in chunks of their own, loaded only when configured.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the server into `outdir` (inside the project, so it finds its package.json). */
export async function buildServer(outdir = path.join(ROOT, 'dist/server')) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'server/main.ts', backup: 'server/backup.ts' },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
