import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { newestChange } from '../server/newestChange';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/browser';
import { type FirstVisitResult, slowFirstVisits } from './firstVisit';
import { type JoinRushResult, joinRushPhase } from './joinRush';
import { type JoinTransfer, measureJoinTransfer } from './joinTransfer';
import type { BenchOptions } from './options';
import { createBenchAssembly, log, staffCommand } from './phases';
import { freePort, startGenerator, startProjectServer } from './processes';
import { type ClockAgreement, projectorClocks } from './projectorClocks';

// The venue phase (issue 13, "Venue-proof: the first visit works on slow wifi"), run by
// `npm run bench:venue`: the production server with the built client, real Chromium pages
// for what a phone and a projector see, and the load generators for the join rush.

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT_DIR = path.join(ROOT, 'dist/client');
const DEMO = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/demo-assembly.json'), 'utf8')) as {
  institutions: { name: string }[];
};

export interface VenueResult {
  build: { builtAt: string; sourcesNewer: boolean; files: number };
  transfer: JoinTransfer;
  firstVisit: FirstVisitResult;
  clocks: ClockAgreement;
  rush: JoinRushResult;
}

/** The built client this run serves, and whether client/ changed after it was built. */
function clientBuild(): VenueResult['build'] {
  const index = path.join(CLIENT_DIR, 'index.html');
  if (!fs.existsSync(index))
    throw new Error(
      'No built client (dist/client/index.html): run `npm run build` first, or `npm run bench:venue`.',
    );
  const builtAt = fs.statSync(index).mtimeMs;
  const sourcesNewer = newestChange(path.join(ROOT, 'client')) > builtAt;
  if (sourcesNewer)
    log('WARNING: client/ changed after dist/client was built; this measures the older build');
  return {
    builtAt: new Date(builtAt).toISOString(),
    sourcesNewer,
    files: fs.readdirSync(CLIENT_DIR, { recursive: true }).length,
  };
}

export async function venuePhase(options: BenchOptions): Promise<VenueResult> {
  const build = clientBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-live-venue-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  log(`starting the server (compiled, as npm start runs it) on ${port}, serving dist/client`);
  const server = await startProjectServer(port, dataDir);
  try {
    const { code, keys } = await createBenchAssembly(url);
    const executablePath = chromiumPath();
    log(`Chromium: ${executablePath ?? "Playwright's own"}`);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    let transfer: JoinTransfer;
    let firstVisit: FirstVisitResult;
    let clocks: ClockAgreement;
    try {
      log('join page transfer: a fresh visit, unthrottled, counted by Chromium');
      transfer = await measureJoinTransfer(browser, url, code);
      log(`join page: ${transfer.totalBytes} bytes, ${transfer.files.length} files`);
      log(`slow phone: ${options.venueRuns} fresh visits, 400 ms round trip, 400 kbit/s, CPU 4x slower`);
      firstVisit = await slowFirstVisits(
        browser,
        url,
        code,
        DEMO.institutions[0]!.name,
        options.venueRuns,
        log,
      );
      log(`two projectors: ${options.clockFlips} changes of the running timer`);
      await staffCommand(url, code, keys.chair, { type: 'startTimer' });
      clocks = await projectorClocks(browser, url, code, options.clockFlips);
    } finally {
      await browser.close();
    }
    const gens = Array.from({ length: options.generators }, startGenerator);
    const chairGen = startGenerator();
    try {
      const rush = await joinRushPhase({
        gens,
        chairGen,
        server,
        url,
        code,
        chairKey: keys.chair,
        phones: options.rushPhones,
        seconds: options.rushSeconds,
        checkInEvery: options.rushCheckInEvery,
        chairPerSecond: options.chairPerSecond,
        paths: transfer.staticPaths,
      });
      return { build, transfer, firstVisit, clocks, rush };
    } finally {
      for (const g of [...gens, chairGen]) g.child.disconnect();
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
