import type { ChildProcess } from 'node:child_process';
import { tempDir } from '../integration/harness';
import { freePort, killHard, startServerProcess } from '../integration/serverProcess';
import { expect, test } from './fixtures';

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
};

// This test owns its server process, so it can kill it: the shared one must stay up.
test('the projector survives a server killed mid-assembly, even through a reload', async ({ openPage }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dataDir = tempDir();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess = await startServerProcess(port, dataDir);
  try {
    const created = await fetch(`${base}/api/assemblies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Restart Assembly' }),
    }).then((response) => response.json() as Promise<{ code: string; links: Record<string, string> }>);
    const adminKey = new URL(created.links.admin!).hash.replace('#key=', '');
    const imported = await fetch(`${base}/api/assemblies/${created.code}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify(SETUP),
    });
    expect(imported.status).toBe(200);
    const chairUrl = new URL(created.links.chair!);

    const chair = await openPage();
    const screen = await openPage({ width: 1280, height: 720 });
    await chair.goto(`${base}${chairUrl.pathname}${chairUrl.hash}`);
    await screen.goto(`${base}/a/${created.code}/screen`);
    await chair.getByRole('button', { name: /Testimony: working two jobs/ }).click();
    await chair.getByRole('button', { name: 'Start' }).click();
    await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
    await screen.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => screen.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Let the worker finish storing the shell.
    await screen.reload();
    await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');

    await killHard(server);
    await expect(screen.getByTestId('connection-badge')).toHaveText(/Reconnecting/);
    await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');

    // Reloaded while the server is down: the app and the last state come from the device.
    await screen.reload();
    await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');
    await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
    await expect(screen.getByTestId('connection-badge')).toBeVisible();

    server = await startServerProcess(port, dataDir);
    await expect(screen.getByTestId('connection-badge')).toHaveCount(0, { timeout: 20_000 });
    await expect(chair.getByTestId('connection-badge')).toHaveCount(0, { timeout: 20_000 });
    await chair.keyboard.press('ArrowRight');
    await expect(screen.getByTestId('item-title')).toHaveText('Close and next steps');
  } finally {
    await killHard(server);
  }
});
