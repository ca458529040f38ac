import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Printed sheets, the organiser's links and the home page, judged as the night needs them:
// when and where on every sheet, a table card's QR with its institution chosen, a local link
// base said before printing, and one list of assemblies at localhost and 127.0.0.1.

const PORT = Number(process.env.E2E_PORT ?? 4311);
const AT_127 = `http://127.0.0.1:${PORT}`;
const AT_LOCALHOST = `http://localhost:${PORT}`;
/** Set to a folder to keep screenshots of what the tests saw (not in the repository). */
const SHOTS = process.env.SHOTS_DIR;

const INSTITUTIONS = [
  { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
  { id: 'east-mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
  { id: 'unite-branch', name: 'Unite Community Branch 42', section: 'Stalls', committed: 12 },
];

// 6 June 2030, 18:00 to 20:00 in London (BST).
const START = Date.UTC(2030, 5, 6, 17, 0);
const END = Date.UTC(2030, 5, 6, 19, 0);

interface Made {
  code: string;
  adminKey: string;
  adminPath: string;
}

async function make(request: APIRequestContext, details: object): Promise<Made> {
  const response = await request.post('/api/assemblies', { data: details });
  expect(response.status()).toBe(201);
  const { code, links } = (await response.json()) as { code: string; links: { admin: string } };
  const admin = new URL(links.admin);
  return { code, adminKey: admin.hash.replace('#key=', ''), adminPath: admin.pathname + admin.hash };
}

async function setUp(request: APIRequestContext, made: Made) {
  const auth = { authorization: `Bearer ${made.adminKey}` };
  const imported = await request.post(`/api/assemblies/${made.code}/import`, {
    data: { institutions: INSTITUTIONS },
    headers: auth,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const registrants = await request.post(`/api/assemblies/${made.code}/registrants`, {
    data: {
      registrants: [
        { name: 'Ada Lovelace', institution: 'stmarys' },
        { name: 'Yusef Hasan', institution: 'east-mosque' },
        { name: 'Grace Mensah' },
      ],
    },
    headers: auth,
  });
  expect(registrants.status(), await registrants.text()).toBe(200);
  return (await registrants.json()).tickets as { name: string; url: string }[];
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

async function shot(page: Page, name: string, options: { fullPage?: boolean; element?: string } = {}) {
  if (!SHOTS) return;
  const path = `${SHOTS}/${name}.png`;
  if (options.element) await page.locator(options.element).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage });
}

/** 6 June 2030, 18:00 to 20:00 in the browser's own words: British or American English, any ICU version. */
const SIXTH_OF_JUNE = /Thursday,? (6 June|June 6), 2030, (18:00 to 20:00|6:00\sPM to 8:00\sPM)/;

const DATED = {
  title: 'Riverside Citizens Assembly 2030',
  venue: "St Mary's Church Hall, Riverside Road",
  startsAt: START,
  endsAt: END,
  timeZone: 'Europe/London',
};

test('every printed sheet and the phone ticket carry the date, time and venue; table cards open the join page with their institution chosen', async ({
  openPage,
  request,
}) => {
  test.setTimeout(150_000);
  const made = await make(request, DATED);
  const tickets = await setUp(request, made);
  const key = `#key=${made.adminKey}`;
  const page = await openPage({ width: 1366, height: 768 });
  const when = SIXTH_OF_JUNE;

  await page.goto(`/a/${made.code}/print/poster${key}`);
  const poster = page.getByRole('region', { name: 'Join poster' });
  await expect(poster.getByTestId('when-and-where')).toContainText(when);
  await expect(poster.getByTestId('when-and-where')).toContainText("St Mary's Church Hall, Riverside Road");
  // Nothing is missing, so nothing says so.
  await expect(page.getByTestId('print-missing')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await shot(page, 'poster-page-1366');

  await page.goto(`/a/${made.code}/print/cards${key}`);
  const cards = page.getByTestId('table-card');
  await expect(cards).toHaveCount(3);
  for (const [i, institution] of INSTITUTIONS.entries()) {
    const card = cards.nth(i);
    await expect(card.getByRole('heading', { name: institution.name })).toBeVisible();
    await expect(card.getByTestId('when-and-where')).toContainText(when);
    await expect(card.getByTestId('when-and-where')).toContainText('Riverside Road');
    // The QR is drawn from the link with the card's institution: the join page reads exactly this.
    const qr = card.getByTestId('join-qr');
    await expect(qr).toHaveAttribute(
      'aria-label',
      `QR code for ${AT_LOCALHOST}/j/${made.code}?institution=${institution.id}`,
    );
    await expect(qr.locator('svg')).toBeVisible();
    await expect(card).toContainText(`${institution.name} is already chosen for you.`);
  }
  expect(await violations(page)).toEqual([]);

  await page.goto(`/a/${made.code}/print/tickets${key}`);
  const stubs = page.getByTestId('ticket-stub');
  await expect(stubs).toHaveCount(3);
  for (const i of [0, 1, 2]) {
    await expect(stubs.nth(i).getByTestId('when-and-where')).toContainText(when);
    await expect(stubs.nth(i).getByTestId('when-and-where')).toContainText('Riverside Road');
  }
  expect(await violations(page)).toEqual([]);

  // On paper, A4: what the sheets hold, at a size read across a table; nothing for the screen only.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('link-base')).toBeHidden();
  await expect(stubs.first()).toBeVisible();
  await shot(page, 'tickets-a4-print', { element: '.print-page' });
  await page.goto(`/a/${made.code}/print/cards${key}`);
  await expect(cards.first().locator('svg')).toBeVisible();
  await expect(page.getByTestId('link-base')).toBeHidden();
  // 60 mm on paper (96 px to the inch): a phone reads it from across the table.
  const qrBox = (await cards.first().getByTestId('join-qr').boundingBox())!;
  expect(qrBox.width).toBeGreaterThanOrEqual((55 / 25.4) * 96);
  // A card is half an A4 page, and everything on it fits inside.
  const cardBox = (await cards.first().boundingBox())!;
  expect(cardBox.height).toBeLessThanOrEqual((297 / 2 / 25.4) * 96 + 1);
  const overflows = await cards.evaluateAll((all) =>
    all.filter(
      (card) => card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1,
    ),
  );
  expect(overflows).toHaveLength(0);
  await shot(page, 'cards-a4-print', { element: '.print-page' });
  await page.goto(`/a/${made.code}/print/poster${key}`);
  await expect(poster.locator('svg')).toBeVisible();
  await shot(page, 'poster-a4-print', { element: '.print-page' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await page.emulateMedia({ media: 'screen' });

  // The ticket on a phone says when and where too.
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(new URL(tickets[0]!.url).pathname);
  await expect(phone.getByTestId('ticket')).toBeVisible();
  await expect(phone.getByTestId('when-and-where')).toContainText(when);
  await expect(phone.getByTestId('when-and-where')).toContainText("St Mary's Church Hall, Riverside Road");
  expect(await violations(phone)).toEqual([]);
  await shot(phone, 'ticket-phone-360', { fullPage: true });
});

test('before printing, the sheets and the organiser’s links say the links open only on this computer and how to set PUBLIC_URL; a missing date or venue is said on screen, not on paper', async ({
  openPage,
  request,
}) => {
  // Four axe analyses of long pages: more than a minute on a busy two-core machine.
  test.setTimeout(150_000);
  const made = await make(request, { title: 'Undated Assembly' });
  await setUp(request, made);
  const key = `#key=${made.adminKey}`;
  const page = await openPage({ width: 1366, height: 768 });

  for (const sheet of ['poster', 'cards', 'tickets']) {
    await page.goto(`/a/${made.code}/print/${sheet}${key}`);
    // This test server listens on 127.0.0.1 alone: its links are localhost ones.
    const warning = page.getByTestId('link-base');
    await expect(warning).toContainText('The links on these sheets open only on this computer');
    await expect(warning).toContainText(`They start with ${AT_LOCALHOST}`);
    await expect(warning).toContainText('PUBLIC_URL=https://assembly.example.org npm start');
    // Before the Print button: read before anyone presses it.
    const [warningBox, printBox] = await Promise.all([
      warning.boundingBox(),
      page.getByRole('button', { name: 'Print' }).boundingBox(),
    ]);
    expect(warningBox!.y).toBeLessThan(printBox!.y);
    const missing = page.getByTestId('print-missing');
    await expect(missing).toContainText('This assembly has no date and start time or venue yet.');
    await expect(page.getByTestId('when-and-where')).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
    if (sheet === 'cards') await shot(page, 'cards-page-warning-1366');
    await page.emulateMedia({ media: 'print' });
    await expect(warning).toBeHidden();
    await expect(missing).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  }

  await page.goto(made.adminPath);
  const links = page.getByRole('region', { name: 'Links' });
  await expect(links.getByTestId('link-base')).toContainText(
    'These links, and the printed sheets’ QR codes, open only on this computer',
  );
  await expect(links.getByTestId('link-base')).toContainText('PUBLIC_URL=');
  const printables = page.getByRole('region', { name: 'Print' });
  await expect(printables.getByTestId('link-base')).toContainText(
    'The printed sheets’ QR codes open only on this computer',
  );
  await expect(printables.getByTestId('printables-missing')).toContainText(
    'This assembly has no date and start time or venue yet',
  );
  await links.scrollIntoViewIfNeeded();
  await shot(page, 'admin-links-1366');
  expect(await violations(page)).toEqual([]);
  // On a phone the warning wraps: nothing sticks out sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the home page lists the same assemblies at 127.0.0.1 and at localhost, each with its date and status', async ({
  openPage,
  request,
}) => {
  test.setTimeout(120_000);
  const page = await openPage({ width: 1366, height: 768 });
  page.on('dialog', (dialog) => void dialog.accept());

  // Created on the home page opened at 127.0.0.1 (which keeps its list at this server's
  // localhost, the one address that stays when the laptop changes networks)...
  await page.goto(`${AT_127}/`);
  await expect(page).toHaveURL(`${AT_LOCALHOST}/`);
  await expect(page.getByTestId('list-where')).toHaveText(
    `You opened ${AT_127}: this browser keeps its list of assemblies here at ${AT_LOCALHOST}, so it is the same list from either address.`,
  );
  await page.getByLabel('Title').fill('Made at 127');
  await page.getByLabel('Venue').fill('Northside Academy');
  await page.getByLabel('Planned start').fill('2030-05-01T19:00');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  const code127 = (await page.getByTestId('created-code').textContent())!;
  // ...is listed at localhost, with its date and status,
  await page.goto(`${AT_LOCALHOST}/`);
  const row127 = page.getByTestId('held-assembly').filter({ hasText: code127 });
  await expect(row127).toContainText('Made at 127');
  await expect(row127.getByTestId('held-when')).toContainText(
    /(1 May|May 1), 2030, (19:00|7:00\sPM) · Northside Academy/,
  );
  await expect(row127.getByTestId('held-status')).toHaveText('Not started');

  // An assembly whose organiser link was opened at localhost (a printed or emailed link)...
  const fromLink = await make(request, { ...DATED, title: 'Opened from a link at localhost' });
  await page.goto(`${AT_LOCALHOST}${fromLink.adminPath}`);
  await expect(
    page.getByRole('heading', { name: 'Opened from a link at localhost', level: 1 }),
  ).toBeVisible();
  // ...and one opened at 127.0.0.1 and started by its chair there.
  const started = await make(request, { title: 'Opened at 127', venue: 'Town Hall' });
  await page.goto(`${AT_127}${started.adminPath}`);
  await expect(page.getByRole('heading', { name: 'Opened at 127', level: 1 })).toBeVisible();
  const agenda = await request.post(`/api/assemblies/${started.code}/import`, {
    data: { agenda: [{ id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 }] },
    headers: { authorization: `Bearer ${started.adminKey}` },
  });
  expect(agenda.status(), await agenda.text()).toBe(200);
  const next = await request.post(`/api/assemblies/${started.code}/commands`, {
    data: { type: 'nextItem', fromItemId: null },
    headers: { authorization: `Bearer ${started.adminKey}` },
  });
  expect(next.status(), await next.text()).toBe(200);

  // Both addresses list all three, whichever is opened first.
  for (const home of [AT_127, AT_LOCALHOST]) {
    await page.goto(`${home}/`);
    await expect(page.getByTestId('held-assembly')).toHaveCount(3);
    await expect(page.getByTestId('held-assembly').filter({ hasText: fromLink.code })).toContainText(
      new RegExp(
        `Opened from a link at localhost.*Not started.*${SIXTH_OF_JUNE.source} · St Mary's Church Hall`,
      ),
    );
    const startedRow = page.getByTestId('held-assembly').filter({ hasText: started.code });
    await expect(startedRow.getByTestId('held-status')).toHaveText('Under way');
    await expect(startedRow.getByTestId('held-when')).toHaveText('No date yet · Town Hall');
  }
  expect(await violations(page)).toEqual([]);
  await shot(page, 'home-list-1366', { fullPage: true });

  // Forgotten at one address, it stays forgotten at the other, which still held it.
  await page
    .getByTestId('held-assembly')
    .filter({ hasText: started.code })
    .getByRole('button', { name: /^Forget/ })
    .click();
  await expect(page.getByTestId('held-assembly')).toHaveCount(2);
  await page.goto(`${AT_127}/`);
  await expect(page.getByTestId('held-assembly')).toHaveCount(2);
  await expect(page.getByTestId('held-assembly').filter({ hasText: started.code })).toHaveCount(0);
  // The keys never stay in the address bar.
  expect(new URL(page.url()).hash).toBe('');
});
