import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { createApplication, DEFAULT_CLIENT_DIR } from '../../server/app';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import { tempDir } from '../integration/harness';
import { freePort } from '../integration/serverProcess';
import { expect, test } from './fixtures';

// A new release while a projector has the old one on its device: the next reload shows the
// new release (never the device's old copy while the server answers), and once its service
// worker takes over, the old release's files leave the device.

function writeCompressed(file: string, text: string): void {
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, gzipSync(text));
}

/** The built client as release "A", and release "B": a new page, one old file gone. */
function twoReleases(): { a: string; b: string; dropped: string } {
  const root = tempDir('assembly-live-releases-');
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  fs.cpSync(DEFAULT_CLIENT_DIR, a, { recursive: true });
  fs.cpSync(DEFAULT_CLIENT_DIR, b, { recursive: true });
  const dropped = fs.readdirSync(path.join(b, 'assets')).find((file) => /^HomeScreen-.*\.js$/.test(file));
  if (!dropped) throw new Error('the build has no HomeScreen chunk to drop');
  for (const suffix of ['', '.br', '.gz', '.map'])
    fs.rmSync(path.join(b, 'assets', dropped + suffix), { force: true });
  const page = fs
    .readFileSync(path.join(b, 'index.html'), 'utf8')
    .replace('<head>', '<head>\n    <meta name="release" content="B" />');
  writeCompressed(path.join(b, 'index.html'), page);
  // Workbox's list of files, as a build of release B would write it.
  const worker = fs.readFileSync(path.join(b, 'serviceWorker.js'), 'utf8');
  const withoutDropped = worker.replace(new RegExp(`\\{"revision":null,"url":"assets/${dropped}"\\},?`), '');
  const newPage = withoutDropped.replace(/("revision":")[0-9a-f]+(","url":"index\.html")/, '$1release-b$2');
  expect(newPage).not.toBe(worker);
  expect(newPage).not.toContain(dropped);
  writeCompressed(path.join(b, 'serviceWorker.js'), newPage);
  return { a, b, dropped };
}

async function serve(clientDir: string, dataDir: string, port: number) {
  const app = createApplication({
    store: new SqliteStore(path.join(dataDir, 'assembly-live.sqlite')),
    logger: createLogger('silent'),
    clientDir,
  });
  await app.listen(port, '127.0.0.1');
  return app;
}

const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        urls.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return urls;
  });

test('a new release reaches the next reload, and the old release’s files leave the device', async ({
  openPage,
}) => {
  const { a, b, dropped } = twoReleases();
  const dataDir = tempDir();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app = await serve(a, dataDir, port);
  try {
    const created = await fetch(`${base}/api/assemblies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Release Night' }),
    }).then((response) => response.json() as Promise<{ code: string }>);
    const screen = await openPage({ width: 1280, height: 720 });
    await screen.goto(`${base}/a/${created.code}/screen`);
    await expect(screen.getByTestId('projector')).toBeVisible();
    await screen.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => screen.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await cachedUrls(screen)).toContain(`/assets/${dropped}`);

    await app.close();
    app = await serve(b, dataDir, port);
    await screen.reload();
    // The server answered: the page is release B's, not the copy on the device.
    await expect(screen.locator('meta[name="release"]')).toHaveAttribute('content', 'B');
    await expect(screen.getByTestId('projector')).toBeVisible();

    // Release B's worker takes over and clears release A's files from the device.
    await screen.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect.poll(() => cachedUrls(screen), { timeout: 20_000 }).not.toContain(`/assets/${dropped}`);
    const urls = await cachedUrls(screen);
    expect(urls.some((url) => url.startsWith('/index.html') && url.includes('release-b'))).toBe(true);
  } finally {
    await app.close();
  }
});
