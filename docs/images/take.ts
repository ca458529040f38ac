/**
 * The README's screenshots, taken from a real server and real Chromium:
 *
 *   npm run build && PORT=4399 CREATIONS_PER_ADDRESS=100 npm start &
 *   npx tsx docs/images/take.ts http://127.0.0.1:4399
 *
 * It makes a fresh assembly from examples/demo-assembly.json, checks people in through the
 * door's commands, and photographs each screen at the size it is used at: the projector at
 * 1920x1080, the chair's laptop at 1366x768, phones and the door at 360x740.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const here = path.dirname(new URL(import.meta.url).pathname);
const setup = JSON.parse(fs.readFileSync(path.join(here, '../../examples/demo-assembly.json'), 'utf8'));

async function call(route: string, body: unknown, key?: string) {
  const response = await fetch(`${base}/api${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok || json.ok === false)
    throw new Error(`${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const startsAt = Date.now() + 20 * 60_000;
const created = await call('/assemblies', {
  title: setup.assembly.title,
  venue: setup.assembly.venue,
  startsAt,
  endsAt: startsAt + 75 * 60_000,
});
const code: string = created.code;
const link = (role: string) => new URL(created.links[role]).pathname + new URL(created.links[role]).hash;
const key = (role: string) => new URL(created.links[role]).hash.replace('#key=', '');
await call(`/assemblies/${code}/import`, setup, key('admin'));
const command = (role: 'chair' | 'door', body: object) =>
  call(`/assemblies/${code}/commands`, body, key(role));

// Turnout: most institutions near their commitment, one over, one well short.
const share = [1.1, 0.9, 0.8, 1, 0.45, 0.7, 0.95, 0.6, 0.85, 0.3];
const institutions = setup.institutions as { id: string; committed: number }[];
for (const [index, institution] of institutions.entries()) {
  const count = Math.round(institution.committed * (share[index % share.length] ?? 1));
  for (let n = 0; n < count; n++) {
    await command('door', {
      type: 'checkIn',
      checkInId: randomUUID(),
      name: `Person ${index}-${n}`,
      institutionId: institution.id,
    });
  }
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
async function open(pathname: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(base + pathname);
  return page;
}
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(here, `${name}.png`) });
  console.log(`docs/images/${name}.png`);
};

const screen = await open(link('screen'), 1920, 1080);
const chair = await open(link('chair'), 1366, 768);
const agenda = setup.agenda as { kind: string; title: string }[];
const goTo = async (kind: string, nth = 0) => {
  const item = agenda.filter((entry) => entry.kind === kind)[nth]!;
  await chair
    .getByRole('button', { name: new RegExp(item.title.replace(/[()]/g, '.')) })
    .first()
    .click();
};

await goTo('rollCall');
await shot(screen, 'roll-call');

await goTo('testimony');
await chair.getByRole('button', { name: 'Start', exact: true }).click();
await shot(screen, 'screen');
await shot(chair, 'chair');

await goTo('response');
await command('chair', {
  type: 'recordResponse',
  askId: 'living-wage',
  powerHolderId: 'mayor',
  answer: 'yes',
});
await command('chair', {
  type: 'recordResponse',
  askId: 'living-wage',
  powerHolderId: 'candidate-b',
  answer: 'waffle',
  note: 'Will look at the costs',
});
await command('chair', {
  type: 'recordResponse',
  askId: 'safe-housing',
  powerHolderId: 'mayor',
  answer: 'yes',
});
await command('chair', {
  type: 'recordResponse',
  askId: 'safe-housing',
  powerHolderId: 'candidate-b',
  answer: 'no',
});
await shot(screen, 'ask');
await command('chair', { type: 'setScene', scene: 'commitments' });
await shot(screen, 'commitments');

const phone = await open(link('join'), 360, 740);
await shot(phone, 'phone-check-in');
const door = await open(link('door'), 360, 740);
await door.getByLabel('Name', { exact: true }).fill('Amara Okoye');
await door.getByLabel('Institution').selectOption({ label: "St Mary's Church" });
await door.getByRole('button', { name: 'Check in', exact: true }).click();
await shot(door, 'door');

await browser.close();
