import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { type ScanOutcome, SIGNALS } from '../../client/src/screens/door/signalPatterns';
import { type Assembly, createAssembly, expect, test } from './fixtures';

// The door on a steward's phone and the join page on an attendee's, at 360x740: what is
// within reach on the first screen, what is heard and felt, and what a typed code or a
// table card's link does.

const PHONE = { width: 360, height: 740 };
const SHOTS = '/tmp/i15-door';

const INSTITUTIONS = [
  ["St Mary's Church", 'Stalls'],
  ['East London Mosque', 'Balcony'],
  ['Riverside School', 'Stalls'],
  ['Unite the Union – London & Eastern Region', 'Balcony'],
  ['Bethnal Green Methodist Church', 'Stalls'],
  ['Our Lady of the Assumption Catholic Church', 'Circle'],
  ['Toynbee Hall', 'Circle'],
  ['Mulberry Academy Shoreditch', 'Stalls'],
  ['East End Citizens Advice', 'Balcony'],
  ['Shadwell Baptist Church', 'Circle'],
  ['Bangladeshi Women’s Association', 'Stalls'],
  ['St George-in-the-East', 'Balcony'],
  ['Queen Mary University Students’ Union', 'Circle'],
  ['Limehouse Project', 'Stalls'],
  ['Somali Integration Network', 'Balcony'],
].map(([name, section], i) => ({ id: i === 0 ? 'stmarys' : `inst-${i}`, name, section, committed: 10 + i }));

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome and why we are here tonight', minutes: 5 },
    { id: 'roll', kind: 'rollCall', title: 'Roll call of institutions', minutes: 10 },
    { id: 'ask-homes', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes', responseSeconds: 60 },
  ],
  institutions: INSTITUTIONS,
  powerHolders: [
    { id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'Tower Hamlets Council' },
    { id: 'ceo', name: 'Dr Patel', role: 'Chief Executive', organisation: 'Royal London Hospital' },
  ],
  asks: [
    {
      id: 'homes',
      title: 'Genuinely affordable homes',
      wording: 'Will you build 500 genuinely affordable homes by 2028?',
      targets: ['mayor', 'ceo'],
    },
  ],
};

const TITLE = 'East London Citizens Accountability Assembly 2025';

async function addRegistrants(request: APIRequestContext, assembly: Assembly, registrants: object[]) {
  const response = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: { registrants },
    headers: { authorization: `Bearer ${assembly.paths.admin.split('#key=')[1]}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).tickets as { name: string; url: string }[];
}

/** The code a page's first load ran: every script it fetched. */
async function scriptsOf(page: Page, path: string, shown: (page: Page) => Locator): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  const collect = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.text().catch(() => ''));
  };
  page.on('response', collect);
  await page.goto(path);
  await expect(shown(page)).toBeVisible();
  page.off('response', collect);
  return Promise.all(bodies);
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Wholly on the first screen of a phone, without scrolling, and not cut at the sides. */
async function expectOnFirstScreen(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is shown`).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom within ${PHONE.height} px`).toBeLessThanOrEqual(PHONE.height);
  expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(PHONE.width);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function noSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out, to say so when it fails.
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > window.innerWidth + 0.5 ||
          (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'),
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} “${el.textContent?.slice(0, 30)}”`)
      .slice(0, 5),
  }));
  expect(scrollWidth, `${what}: no sideways scroll (${wide.join('; ')})`).toBeLessThanOrEqual(innerWidth);
}

/** Text zoom as a phone's accessibility setting gives it: every rem grows. */
async function textSize(page: Page, percent: number) {
  await page.evaluate((size) => {
    document.documentElement.style.fontSize = `${size}%`;
  }, percent);
}

test('the door on a steward’s phone: each mode’s controls on the first screen, the result never over the headcount, the mode kept', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, TITLE);
  await addRegistrants(request, assembly, [
    { name: 'Ada Lovelace', institution: "St Mary's Church" },
    { name: 'Adam Smith', institution: 'Riverside School' },
    { name: 'Bea Cole', institution: 'East London Mosque' },
  ]);
  const door = await openPage(PHONE);
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('0');
  const tab = (name: string) => door.getByRole('tab', { name, exact: true });

  // Registrants: the door opens on Find.
  await expect(tab('Find')).toHaveAttribute('aria-selected', 'true');
  await expectOnFirstScreen(door.getByRole('tablist', { name: 'What this door does' }), 'the mode switch');
  await expectOnFirstScreen(door.getByLabel(/^Name \(3 registered\)/), 'the search');
  await door.getByLabel(/^Name \(3 registered\)/).fill('ada l');
  await door
    .getByTestId('registrant')
    .getByRole('button', { name: /Check in/ })
    .click();
  const report = door.getByTestId('door-report');
  await expect(report).toContainText('Ada Lovelace is checked in.');
  await expectOnFirstScreen(report, 'the result');
  await expectOnFirstScreen(door.getByLabel(/^Name \(3 registered\)/), 'the search, with a result shown');
  await door.screenshot({ path: `${SHOTS}/door-find.png` });

  // Nobody registered by that name: on to the walk-in form with the name.
  await door.getByLabel(/^Name \(3 registered\)/).fill('Walk-in Wanda');
  await door.getByRole('button', { name: 'Check in as a walk-in' }).click();
  await expect(tab('Walk-in')).toHaveAttribute('aria-selected', 'true');
  await expect(door.getByLabel('Name', { exact: true })).toHaveValue('Walk-in Wanda');
  await expect(door.getByLabel('Name', { exact: true })).toBeFocused();
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(door.getByRole('alert')).toHaveText(
    'Choose an institution (or Guest (not a member institution)).',
  );
  await door.getByLabel('Institution').selectOption({ label: 'Riverside School' });
  await expect(door.getByRole('alert')).toHaveCount(0);
  for (const [control, what] of [
    [door.getByLabel('Name', { exact: true }), 'the walk-in name'],
    [door.getByLabel('Institution'), 'the walk-in institution'],
    [door.getByRole('button', { name: 'Check in', exact: true }), 'the walk-in button'],
  ] as const)
    await expectOnFirstScreen(control, what);
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(report).toContainText('Walk-in Wanda is checked in.');
  await expect(door.getByTestId('door-total')).toHaveText('2');
  await door.screenshot({ path: `${SHOTS}/door-walk-in.png` });

  await tab('Ticket').click();
  await expectOnFirstScreen(door.getByLabel('Ticket code or link'), 'the ticket box');
  await expectOnFirstScreen(door.getByRole('button', { name: 'Check ticket' }), 'the ticket button');
  await door.getByLabel('Ticket code or link').fill('not a ticket');
  await door.getByLabel('Ticket code or link').press('Enter');
  await expect(report).toContainText('That is not a ticket for this assembly.');
  await door.screenshot({ path: `${SHOTS}/door-ticket.png` });

  // The clicker: +1 for every section on the first screen, the result above it, never over it.
  await tab('Count').click();
  const sections = door.getByTestId('headcount-section');
  await expect(sections).toHaveCount(3);
  for (const section of ['Balcony', 'Circle', 'Stalls']) {
    await expectOnFirstScreen(
      door.getByRole('button', { name: `One more in ${section}` }),
      `+1 in ${section}`,
    );
    await expectOnFirstScreen(
      door.getByRole('button', { name: `One less in ${section}` }),
      `−1 in ${section}`,
    );
  }
  await door.getByRole('button', { name: 'One more in Stalls' }).click();
  await expect(door.getByRole('status', { name: 'My count for Stalls' })).toHaveText('1');
  const banner = (await report.locator('.report').boundingBox())!;
  const headcount = (await door.getByRole('tabpanel', { name: 'Count' }).boundingBox())!;
  expect(banner, 'a result is showing').not.toBeNull();
  expect(overlaps(banner, headcount), 'the result does not cover the headcount').toBe(false);
  expect(banner.y + banner.height).toBeLessThanOrEqual(headcount.y);
  // And stays so when the page is scrolled: the result is in the page's flow, not pinned over it.
  await door.mouse.wheel(0, 400);
  for (const section of await sections.all()) {
    const box = (await section.boundingBox())!;
    const now = (await report.locator('.report').boundingBox())!;
    expect(overlaps(now, box), 'the result does not cover a section').toBe(false);
  }
  await door.mouse.wheel(0, -400);
  await noSidewaysScroll(door, 'the door');
  await door.screenshot({ path: `${SHOTS}/door-headcount.png` });
  await door.screenshot({ path: `${SHOTS}/door-headcount-full.png`, fullPage: true });
  expect(await violations(door)).toEqual([]);

  // Kept on the device: a reload opens on the headcount.
  await door.reload();
  await expect(tab('Count')).toHaveAttribute('aria-selected', 'true');
  await expect(door.getByRole('status', { name: 'My count for Stalls' })).toHaveText('1');
  // The switch works by keyboard as a tab list does.
  await tab('Count').focus();
  await door.keyboard.press('ArrowRight');
  await expect(tab('Find')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Find')).toBeFocused();

  // The wifi drops: the "Reconnecting…" badge in the corner covers none of the controls.
  await door.context().setOffline(true);
  const badge = door.getByTestId('connection-badge');
  await expect(badge).toBeVisible({ timeout: 20_000 });
  const badgeBox = (await badge.boundingBox())!;
  for (const control of [door.getByRole('tablist'), report, door.getByLabel(/^Name \(3 registered\)/)])
    expect(overlaps(badgeBox, (await control.boundingBox())!), 'the badge covers nothing').toBe(false);
  await door.screenshot({ path: `${SHOTS}/door-offline.png` });
  await door.context().setOffline(false);
  await expect(badge).toHaveCount(0, { timeout: 20_000 });

  // With a larger text size, still no sideways scroll and the chosen mode's field on screen.
  await textSize(door, 150);
  await tab('Walk-in').click();
  await noSidewaysScroll(door, 'the door at 150%');
  await expectOnFirstScreen(door.getByLabel('Name', { exact: true }), 'the walk-in name at 150%');
  await expectOnFirstScreen(
    door.getByRole('button', { name: 'Check in', exact: true }),
    'walk-in button at 150%',
  );
  await door.screenshot({ path: `${SHOTS}/door-walk-in-150.png` });
  await tab('Count').click();
  await door.screenshot({ path: `${SHOTS}/door-headcount-150.png` });
  // The first sections' clickers on the first screen; a long list of sections scrolls, as text this size must.
  await expectOnFirstScreen(door.getByRole('button', { name: 'One more in Balcony' }), '+1 at 150%');
  await expectOnFirstScreen(door.getByRole('button', { name: 'One more in Circle' }), '+1 at 150%');
  expect(await violations(door)).toEqual([]);

  // A door on a laptop: the mode beside the counts.
  await textSize(door, 100);
  await door.setViewportSize({ width: 1366, height: 768 });
  await noSidewaysScroll(door, 'the door on a laptop');
  const side = (await door.getByRole('heading', { name: 'Counts' }).boundingBox())!;
  const plus = (await door.getByRole('button', { name: 'One more in Stalls' }).boundingBox())!;
  expect(side.x, 'the counts beside the clicker').toBeGreaterThan(plus.x + plus.width);
  await door.screenshot({ path: `${SHOTS}/door-laptop.png` });
});

/**
 * Stands in for the speaker and the vibration motor, recording what the page asked of them:
 * each signal buzzes first (a new entry), then schedules its notes.
 */
function recordSignals() {
  const record = { tones: [] as { wave: string; hz: number }[][], vibrations: [] as number[][] };
  (window as unknown as { signals: typeof record }).signals = record;
  class Param {
    value = 0;
    setValueAtTime(value: number) {
      this.value = value;
      return this;
    }
    linearRampToValueAtTime() {
      return this;
    }
  }
  (window as unknown as { AudioContext: unknown }).AudioContext = class {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume() {
      return Promise.resolve();
    }
    createGain() {
      return { gain: new Param(), connect() {} };
    }
    createOscillator() {
      const oscillator = {
        type: 'sine',
        frequency: new Param(),
        connect() {},
        stop() {},
        start() {
          record.tones.at(-1)?.push({ wave: oscillator.type, hz: oscillator.frequency.value });
        },
      };
      return oscillator;
    }
  };
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: number | number[]) => {
      record.vibrations.push(Array.isArray(pattern) ? [...pattern] : [pattern]);
      record.tones.push([]);
      return true;
    },
  });
}

type Signals = { tones: { wave: string; hz: number }[][]; vibrations: number[][] };
const signals = (page: Page) => page.evaluate(() => (window as unknown as { signals: Signals }).signals);
const expected = (outcome: ScanOutcome) => ({
  vibration: [...SIGNALS[outcome].vibration],
  tones: SIGNALS[outcome].notes.map((note) => ({ wave: SIGNALS[outcome].wave, hz: note.hz })),
});

/** The last signal the page gave is this outcome's, and it is the nth one given. */
async function expectSignal(page: Page, outcome: ScanOutcome, count: number) {
  await expect
    .poll(async () => (await signals(page)).vibrations.length, `${outcome}: signal ${count}`)
    .toBe(count);
  const { vibrations, tones } = await signals(page);
  expect({ vibration: vibrations.at(-1), tones: tones.at(-1) }, outcome).toEqual(expected(outcome));
}

test('a check-in’s outcome is heard and felt: in, already in, "same person?" and refused each their own; switched off, nothing, and it stays off', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, TITLE);
  const [ticket] = await addRegistrants(request, assembly, [
    { name: 'Grace Obi', institution: "St Mary's Church" },
    { name: 'Yusef Hasan', institution: 'East London Mosque' },
  ]);
  const door = await openPage(PHONE);
  await door.addInitScript(recordSignals);
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('0');
  const report = door.getByTestId('door-report');
  const signalSwitch = door.getByRole('switch', { name: 'Sound and vibration' });
  await expect(signalSwitch).toBeChecked();

  // A ticket read: in. Read again: already in.
  await door.getByRole('tab', { name: 'Ticket' }).click();
  const box = door.getByLabel('Ticket code or link');
  await box.fill(ticket!.url);
  await box.press('Enter');
  await expect(report).toContainText('Grace Obi is checked in.');
  await expectSignal(door, 'accepted', 1);
  await box.fill(ticket!.url);
  await box.press('Enter');
  await expect(report).toContainText(/Grace Obi: already in at/);
  await expectSignal(door, 'duplicate', 2);
  // Not a ticket at all: refused.
  await box.fill('https://example.org/not-a-ticket');
  await box.press('Enter');
  await expect(report).toContainText('That is not a ticket for this assembly.');
  await expectSignal(door, 'refused', 3);

  // A walk-in spelled like a registrant: "same person?", then answered: in.
  await door.getByRole('tab', { name: 'Walk-in' }).click();
  await door.getByLabel('Name', { exact: true }).fill('Yusef Hassan');
  await door.getByLabel('Institution').selectOption({ label: 'East London Mosque' });
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(report).toContainText('same person?');
  await expectSignal(door, 'question', 4);
  await report.getByRole('button', { name: /^Same person/ }).click();
  await expect(door.getByTestId('door-total')).toHaveText('2');
  await expectSignal(door, 'accepted', 5);
  expect(await violations(door)).toEqual([]);

  // Switched off: the screen still says it; nothing is heard or felt, after a reload too.
  await signalSwitch.click();
  await expect(signalSwitch).not.toBeChecked();
  await door.getByLabel('Name', { exact: true }).fill('Walk-in Wanda');
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(report).toContainText('Walk-in Wanda is checked in.');
  await door.reload();
  await expect(signalSwitch).not.toBeChecked();
  await door.getByLabel('Name', { exact: true }).fill('Walk-in Will');
  await door.getByLabel('Institution').selectOption({ label: 'Toynbee Hall' });
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(report).toContainText('Walk-in Will is checked in.');
  await door.getByRole('tab', { name: 'Ticket' }).click();
  await box.fill('not a ticket');
  await box.press('Enter');
  await expect(report).toContainText('That is not a ticket for this assembly.');
  await expect(door.getByTestId('door-total')).toHaveText('4');
  expect(await signals(door)).toEqual({ tones: [], vibrations: [] });
  // And back on.
  await signalSwitch.click();
  await box.fill('not a ticket either');
  await box.press('Enter');
  await expectSignal(door, 'refused', 1);
});

test('the join page: a code typed in lower case with spaces works, an error goes once fixed, no sideways scroll at 150% and 200%, the form on the first screen', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, TITLE);
  const phone = await openPage(PHONE);

  // The door's tones are made in the door's code alone: the join page's first visit stays small.
  const joinCode = await scriptsOf(phone, assembly.paths.join, (page) => page.getByLabel('Your name'));
  expect(joinCode.length).toBeGreaterThan(0);
  expect(joinCode.filter((code) => code.includes('createOscillator'))).toEqual([]);
  const doorCode = await scriptsOf(await openPage(PHONE), assembly.paths.door, (page) =>
    page.getByTestId('door-total'),
  );
  expect(doorCode.filter((code) => code.includes('createOscillator'))).toHaveLength(1);

  // A mistyped link: the code from the screen, as a thumb types it.
  await phone.goto('/j/ZZZZZZ');
  const code = phone.getByLabel('Try the code on the screen');
  await code.fill('abc');
  await phone.getByRole('button', { name: 'Join' }).click();
  const problem = phone.getByRole('alert').filter({ hasText: 'The code is six letters and digits' });
  await expect(problem).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill(`${assembly.code.slice(0, 3).toLowerCase()} ${assembly.code.slice(3, 5)}`);
  await expect(problem, 'still wrong: still said').toBeVisible();
  await code.fill(` ${assembly.code.slice(0, 3).toLowerCase()} ${assembly.code.slice(3).toLowerCase()}`);
  await expect(problem, 'right now: gone before Join is pressed').toHaveCount(0);
  await expect(code).toHaveAttribute('aria-invalid', 'false');
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone).toHaveURL(new RegExp(`/j/${assembly.code}$`));
  await expect(phone.getByRole('heading', { name: TITLE })).toBeVisible();

  // Errors on the form go as each field is put right.
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  const nameError = phone.getByText('Please type your name.');
  const institutionError = phone.getByText('Please choose your institution');
  await expect(nameError).toBeVisible();
  await expect(institutionError).toBeVisible();
  await expect(phone.getByLabel('Your name')).toBeFocused();
  await phone.getByLabel('Your name').fill('Amina Begum');
  await expect(nameError).toHaveCount(0);
  await expect(institutionError).toBeVisible();
  expect(await violations(phone)).toEqual([]);
  await phone.getByLabel('Toynbee Hall').check();
  await expect(institutionError).toHaveCount(0);
  await expect(phone.getByRole('group', { name: 'Your institution' })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await phone.getByLabel('Your name').fill('');
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(nameError).toBeVisible();
  await phone.getByLabel('Your name').fill('   ');
  await expect(nameError, 'spaces are not a name').toBeVisible();

  // At the phone's own text size and larger: no sideways scroll; the first field on the first screen.
  for (const size of [100, 150, 200]) {
    await phone.goto(assembly.paths.join);
    await expect(phone.getByLabel('Your name')).toBeVisible();
    await textSize(phone, size);
    await phone.screenshot({ path: `${SHOTS}/join-${size}.png` });
    await noSidewaysScroll(phone, `the join page at ${size}%`);
    await expectOnFirstScreen(phone.getByLabel('Your name'), `the first field at ${size}%`);
    // Further down too: the list of institutions, the agenda and the board.
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await noSidewaysScroll(phone, `the join page at ${size}%, scrolled`);
  }
  await phone.screenshot({ path: `${SHOTS}/join-200-full.png`, fullPage: true });
});

test('a table card’s link chooses its institution; an unknown or malformed one chooses nothing; the choice can be changed', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, TITLE);
  const phone = await openPage(PHONE);
  await phone.goto(`/j/${assembly.code}?institution=stmarys`);
  const chosen = phone.getByTestId('institution-chosen');
  await expect(chosen).toContainText("St Mary's Church");
  await phone.screenshot({ path: `${SHOTS}/join-from-table-card.png` });
  // Folded: the whole form, button and all, on the first screen.
  await expectOnFirstScreen(phone.getByLabel('Your name'), 'the name');
  await expectOnFirstScreen(phone.getByRole('button', { name: 'Check in', exact: true }), 'Check in');
  expect(await violations(phone)).toEqual([]);

  // Checked in with it as it stands.
  await phone.getByLabel('Your name').fill('Card Carol');
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(phone.getByTestId('checked-in')).toContainText(
    "You’re checked in with St Mary's Church, Card Carol.",
  );

  // Another phone on the same card changes it.
  const other = await openPage(PHONE);
  await other.goto(`/j/${assembly.code}?institution=stmarys`);
  await other.getByRole('button', { name: 'Change institution' }).click();
  await expect(other.getByLabel("St Mary's Church")).toBeChecked();
  await other.getByLabel('Search').fill('toyn');
  await other.getByLabel('Toynbee Hall').check();
  await other.getByLabel('Your name').fill('Changed Chidi');
  await other.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(other.getByTestId('checked-in')).toContainText(
    'You’re checked in with Toynbee Hall, Changed Chidi.',
  );

  // Links that name nothing this assembly has: nothing chosen, nothing said, the list as usual.
  for (const query of [
    '?institution=nobody',
    '?institution=STMARYS',
    '?institution=%3Cimg%20src%3Dx%3E',
    `?institution=${'a'.repeat(3000)}`,
    '?institution=%E0%A4%A',
    '?institution=',
    '?institution=stmarys&institution=inst-3',
  ]) {
    const page = await openPage(PHONE);
    await page.goto(`/j/${assembly.code}${query}`);
    await expect(page.getByLabel('Your name'), query).toBeVisible();
    if (query.includes('&')) {
      // The first one counts, as URLSearchParams reads it.
      await expect(page.getByTestId('institution-chosen')).toContainText("St Mary's Church");
      continue;
    }
    await expect(page.getByTestId('institution-chosen'), query).toHaveCount(0);
    await expect(page.getByRole('radio', { checked: true }), query).toHaveCount(0);
    await expect(page.locator('.field-error, [role="alert"]'), query).toHaveCount(0);
    await page.close();
  }

  // The server counted each with the institution the phone showed.
  const door = await openPage(PHONE);
  await door.goto(assembly.paths.door);
  await door.getByText('By institution').click();
  const row = (name: string) => door.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row("St Mary's Church").getByRole('cell').first()).toHaveText('1');
  await expect(row('Toynbee Hall').getByRole('cell').first()).toHaveText('1');
  await expect(door.getByTestId('door-total')).toHaveText('2');
});
