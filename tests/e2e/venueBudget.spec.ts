import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAssembly, expect, test } from './fixtures';

// What a phone downloads on the venue's shared wifi before it can check in. Bytes are not
// noisy: this holds the budget; bench/venue.ts measures the times on a slow phone.

const JOIN_PAGE_BUDGET = 100 * 1024;
const DEMO = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../examples/demo-assembly.json'), 'utf8'),
);

interface Transfer {
  files: { url: string; bytes: number; encoding: string | undefined; type: string }[];
  socketBytes: number;
  total: number;
}

/** Everything the page transfers (HTTP as sent on the wire, headers included, and socket frames). */
async function recordTransfer(page: Page): Promise<() => Transfer> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map<string, { url: string; encoding: string | undefined; type: string }>();
  const files: Transfer['files'] = [];
  let socketBytes = 0;
  cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    pending.set(requestId, {
      url: new URL(response.url).pathname,
      encoding: headers['content-encoding'],
      type,
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const file = pending.get(requestId);
    if (file) files.push({ ...file, bytes: encodedDataLength });
  });
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    socketBytes += Buffer.byteLength(response.payloadData);
  });
  cdp.on('Network.webSocketFrameSent', ({ response }) => {
    socketBytes += Buffer.byteLength(response.payloadData);
  });
  return () => {
    const http = files.reduce((sum, file) => sum + file.bytes, 0);
    return { files: [...files], socketBytes, total: http + socketBytes };
  };
}

test('the join page, with a real assembly’s state, transfers at most 100 KB, every text file compressed', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, DEMO, DEMO.details?.title ?? 'Demo');
  const phone = await openPage({ width: 360, height: 740 });
  const transfer = await recordTransfer(phone);
  await phone.goto(assembly.paths.join);
  // Usable: the form is there with the assembly's institutions to choose from.
  await expect(phone.getByRole('button', { name: 'Check in' })).toBeEnabled();
  await expect(phone.getByLabel('Your name')).toBeEditable();
  await expect(phone.getByRole('radio').first()).toBeVisible();
  await phone.waitForLoadState('networkidle');
  const { files, socketBytes, total } = transfer();
  const report = files.map((file) => `${file.bytes} ${file.encoding ?? '-'} ${file.url}`).join('\n');

  expect(files.length, report).toBeGreaterThan(2);
  expect(socketBytes, 'the first state arrived over the socket').toBeGreaterThan(500);
  for (const file of files.filter((file) => file.type !== 'WebSocket'))
    expect(file.encoding, `${file.url} compressed\n${report}`).toBe('br');
  expect(total, `join page transfer (socket ${socketBytes} B)\n${report}`).toBeLessThanOrEqual(
    JOIN_PAGE_BUDGET,
  );
  // Only what a phone shows: no organiser's editors, no ticket scanner.
  expect(report).not.toMatch(/AdminScreen|ponyfill|zxing|DoorScreen|ChairScreen/);
});

test('no route loads the organiser’s editors or the ticket scanner unless it shows them', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, DEMO, 'Routes');
  for (const [route, shown] of [
    [assembly.paths.screen, (page: Page) => page.getByTestId('projector')],
    [assembly.paths.chair, (page: Page) => page.getByRole('button', { name: 'Next →' })],
    [assembly.paths.door, (page: Page) => page.getByTestId('door-total')],
  ] as const) {
    const page = await openPage();
    const transfer = await recordTransfer(page);
    await page.goto(route);
    await expect(shown(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
    const loaded = transfer()
      .files.map((file) => file.url)
      .join('\n');
    expect(loaded, route).not.toMatch(/AdminScreen|ponyfill|zxing/);
  }
});
