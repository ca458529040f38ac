import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { tempDir } from '../integration/harness';
import { freePort, killHard, startServerProcess } from '../integration/serverProcess';
import { expect, type OpenPage, queueTwoWalkInsAndAHeadcount, test } from './fixtures';

// These tests own their server process, so they can take it away as the venue's wifi does:
// the shared one must stay up. Each page is opened once, never reloaded before the network goes.

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome from the co-chairs', minutes: 2 },
    {
      id: 'grace',
      kind: 'testimony',
      title: 'Testimony: working two jobs',
      speaker: 'Grace Mensah',
      minutes: 3,
    },
    { id: 'close', kind: 'close', title: 'Close and next steps', minutes: 5 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'school', name: 'Riverside School', section: 'Stalls', committed: 10 },
  ],
};

interface Night {
  base: string;
  code: string;
  path(role: 'chair' | 'door'): string;
  /** Takes the server away (kill -9): to the pages, the wifi is down. */
  down(): Promise<void>;
  up(): Promise<void>;
}

async function withOwnServer(run: (night: Night) => Promise<void>): Promise<void> {
  const port = await freePort();
  const dataDir = tempDir();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = await startServerProcess(port, dataDir);
  try {
    const created = await fetch(`${base}/api/assemblies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Offline Assembly' }),
    }).then((response) => response.json() as Promise<{ code: string; links: Record<string, string> }>);
    const adminKey = new URL(created.links.admin!).hash.replace('#key=', '');
    const imported = await fetch(`${base}/api/assemblies/${created.code}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify(SETUP),
    });
    expect(imported.status).toBe(200);
    await run({
      base,
      code: created.code,
      path: (role) => {
        const url = new URL(created.links[role]!);
        return `${base}${url.pathname}${url.hash}`;
      },
      down: async () => {
        if (server) await killHard(server);
        server = null;
      },
      up: async () => {
        server = await startServerProcess(port, dataDir);
      },
    });
  } finally {
    if (server) await killHard(server);
  }
}

/** The service worker has the app on the device: it controls the page and has precached. */
async function keptOnDevice(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function open(openPage: OpenPage, url: string, size: { width: number; height: number }) {
  const page = await openPage(size);
  await page.goto(url);
  return page;
}

test('a projector, the speaker’s monitor and a checked-in phone, opened once, reload with no server and show the last state', async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  await withOwnServer(async (night) => {
    const chair = await open(openPage, night.path('chair'), { width: 1366, height: 768 });
    const screen = await open(openPage, `${night.base}/a/${night.code}/screen`, { width: 1280, height: 720 });
    const monitor = await open(openPage, `${night.base}/a/${night.code}/screen?view=timer`, {
      width: 1024,
      height: 768,
    });
    const phone = await open(openPage, `${night.base}/j/${night.code}`, { width: 360, height: 740 });
    await chair.getByRole('button', { name: /Testimony: working two jobs/ }).click();
    await chair.getByRole('button', { name: 'Start' }).click();
    await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
    await phone.getByLabel('Your name').fill('Amara Okafor');
    await phone.getByLabel("St Mary's Church").check();
    await phone.getByRole('button', { name: 'Check in' }).click();
    await expect(phone.getByTestId('checked-in')).toContainText("You’re checked in with St Mary's Church");
    for (const page of [screen, monitor, phone]) await keptOnDevice(page);

    await night.down();
    for (const page of [screen, monitor, phone]) {
      // Reloaded with nothing answering: the app comes from the device, the state from its storage.
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await expect(page.getByTestId('connection-badge')).toHaveText(/Reconnecting/);
    }
    await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');
    await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
    await expect(monitor.getByTestId('scene-speaker')).toContainText('Testimony: working two jobs');
    await expect(monitor.getByTestId('timer')).toHaveAttribute('data-running', 'true');
    await expect(phone.getByTestId('checked-in')).toContainText("You’re checked in with St Mary's Church");

    await night.up();
    for (const page of [screen, monitor, phone, chair])
      await expect(page.getByTestId('connection-badge')).toHaveCount(0, { timeout: 20_000 });
    // Caught up: what happens now reaches every screen.
    await chair.keyboard.press('ArrowRight');
    await expect(screen.getByTestId('item-title')).toHaveText('Close and next steps');
    await expect(monitor.getByTestId('scene-speaker')).toContainText('Close and next steps');
    await expect(chair.getByTestId('chair-turnout')).toContainText('1 checked in');
  });
});

test('a door opened once, reloaded with no network, shows its queue and syncs it once when the network returns', async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  await withOwnServer(async (night) => {
    const chair = await open(openPage, night.path('chair'), { width: 1366, height: 768 });
    const door = await open(openPage, night.path('door'), { width: 360, height: 740 });
    await expect(door.getByTestId('door-total')).toHaveText('0');
    await keptOnDevice(door);

    await night.down();
    await expect(door.getByTestId('connection-badge')).toHaveText(/Reconnecting/);
    await queueTwoWalkInsAndAHeadcount(door);

    // The steward reloads while the wifi is still down: the page opens and the queue is there.
    const response = await door.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(door.getByTestId('outbox-waiting')).toHaveText('3 waiting to sync');
    await expect(door.getByTestId('connection-badge')).toHaveText(/Reconnecting/);

    await night.up();
    await expect(door.getByTestId('outbox-waiting')).toHaveCount(0, { timeout: 20_000 });
    await expect(door.getByTestId('door-total')).toHaveText('2');
    await expect(chair.getByTestId('chair-turnout')).toContainText('2 checked in', { timeout: 20_000 });
    await expect(chair.getByTestId('chair-turnout')).toContainText('headcount 1');
    // Once: a reload after the sync sends nothing again.
    await door.reload();
    await expect(door.getByTestId('door-total')).toHaveText('2');
    await expect(chair.getByTestId('chair-turnout')).toContainText('2 checked in');
    await expect(chair.getByTestId('chair-turnout')).toContainText('headcount 1');
  });
});
