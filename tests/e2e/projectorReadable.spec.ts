import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { LIMITS } from '../../shared/protocol/limits';
import { staffSocket } from './chairSocket';
import { type Assembly, createAssembly, expect, test } from './fixtures';

// The projector read from the back of the hall, at the three projectors of the night:
// 1080p and 720p (16:9) and 1024x768 (4:3, which the stage fills rather than letterboxing).

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

/** With I15_SHOTS=<folder>, each size's picture is kept there to look at. */
async function shot(page: Page, name: string) {
  const folder = process.env.I15_SHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: path.join(folder, `${name}-${width}x${height}.png`) });
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/**
 * Whether an element's content is cut or spills: more to it than its box (the sizes, if
 * so). A tenth of a line's height is let go: the tails of letters in tight lines.
 */
const clipped = (locator: Locator) =>
  locator.evaluate((el) => {
    const slack = Math.max(1, 0.1 * Number.parseFloat(getComputedStyle(el).fontSize));
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + slack
      ? `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`
      : false;
  });

const fontPx = (locator: Locator) =>
  locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/**
 * The WCAG contrast of an element's text against what is actually behind it: the first
 * ancestor (or itself) with a background that is not transparent, as computed now.
 */
const contrastOf = (locator: Locator) =>
  locator.evaluate((el) => {
    const parse = (colour: string) => {
      const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number);
      return { rgb: [r!, g!, b!], a };
    };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const text = parse(getComputedStyle(el).color);
    let behind: Element | null = el;
    while (behind && parse(getComputedStyle(behind).backgroundColor).a === 0) behind = behind.parentElement;
    const back = behind ? parse(getComputedStyle(behind).backgroundColor) : { rgb: [255, 255, 255], a: 1 };
    if (text.a < 1) throw new Error(`text is translucent: ${getComputedStyle(el).color}`);
    if (Number(getComputedStyle(el).opacity) < 1) throw new Error('text is faded');
    const [l1, l2] = [luminance(text.rgb), luminance(back.rgb)].sort((a, b) => b - a);
    return (l1! + 0.05) / (l2! + 0.05);
  });

/** The overtime digits' contrast, sampled through more than one flash (both phases). */
async function overtimeContrasts(page: Page) {
  const digits = page.getByTestId('timer').locator('.timer-digits');
  const seen: number[] = [];
  for (let i = 0; i < 8; i++) {
    seen.push(await contrastOf(digits));
    await page.waitForTimeout(170);
  }
  return seen;
}

async function stageBox(page: Page) {
  return box(page.locator('.stage'));
}

const OVERTIME = {
  agenda: [
    {
      id: 'grace',
      kind: 'testimony',
      title: 'Testimony: damp homes on the Riverside estate',
      speaker: 'Grace Mensah, Riverside Tenants',
      minutes: 0.02,
      warningSeconds: 0,
    },
    { id: 'close', kind: 'close', title: 'Close', minutes: 5 },
  ],
};

test('TIME UP is a full-strength panel, at least 7:1, on the room’s screen, the speaker’s monitor, the chair and a phone, and holds still with reduced motion', async ({
  openPage,
  request,
  baseURL,
}) => {
  const assembly = await createAssembly(request, OVERTIME);
  const chair = await staffSocket(baseURL!, assembly);
  await chair.send({ type: 'goToItem', itemId: 'grace' });
  await chair.send({ type: 'startTimer' });

  const screen = await openPage({ width: 1920, height: 1080 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-tone', 'overtime');
  await expect(screen.getByTestId('timer')).toContainText('TIME UP');
  for (const size of SIZES) {
    await screen.setViewportSize(size);
    const seen = await overtimeContrasts(screen);
    expect(Math.min(...seen), `contrast at ${size.width}x${size.height}: ${seen}`).toBeGreaterThanOrEqual(7);
    // Unmistakable: the clock is a panel of its own colour, not digits on the stage's background.
    const panel = await screen
      .getByTestId('timer')
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).animationName]);
    expect(panel[0]).not.toBe('rgba(0, 0, 0, 0)');
    expect(panel[1]).toBe('overtime-flash');
    await shot(screen, 'overtime');
  }
  expect(await violations(screen)).toEqual([]);

  // Reduced motion: no flash, still a red panel with white digits.
  await screen.emulateMedia({ reducedMotion: 'reduce' });
  const still = await screen
    .getByTestId('timer')
    .evaluate((el) => [getComputedStyle(el).animationName, getComputedStyle(el).backgroundColor]);
  expect(still[0]).toBe('none');
  expect(still[1]).toBe('rgb(164, 22, 26)');
  expect(Math.min(...(await overtimeContrasts(screen)))).toBeGreaterThanOrEqual(7);

  const speaker = await openPage({ width: 1024, height: 768 });
  await speaker.goto(`${assembly.paths.screen}?view=timer`);
  await expect(speaker.getByTestId('timer')).toHaveAttribute('data-tone', 'overtime');
  for (const size of SIZES) {
    await speaker.setViewportSize(size);
    expect(Math.min(...(await overtimeContrasts(speaker)))).toBeGreaterThanOrEqual(7);
    // The clock fits its monitor whole.
    expect(inside(await box(speaker.getByTestId('timer')), await stageBox(speaker))).toBe(true);
    await shot(speaker, 'speaker-overtime');
  }
  expect(await violations(speaker)).toEqual([]);

  // The chair's console and a phone show the same panel, at the same contrast.
  const console = await openPage({ width: 1366, height: 768 });
  await console.goto(assembly.paths.chair);
  await expect(console.getByTestId('timer')).toHaveAttribute('data-tone', 'overtime');
  expect(Math.min(...(await overtimeContrasts(console)))).toBeGreaterThanOrEqual(7);
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await expect(phone.getByTestId('timer')).toHaveAttribute('data-tone', 'overtime');
  expect(Math.min(...(await overtimeContrasts(phone)))).toBeGreaterThanOrEqual(7);
  // The panel hugs the digits: it does not run across a phone's width.
  const phoneTimer = await box(phone.getByTestId('timer'));
  expect(phoneTimer.width).toBeLessThan(300);
  chair.close();
});

const holders = (n: number) =>
  ['Mayor Jones', 'Dr Patel', 'Cllr Ahmed', 'Ms Okafor', 'Mr Byrne', 'Sir Lewis']
    .slice(0, n)
    .map((name, i) => ({
      id: `h${i}`,
      name,
      role: ['Mayor', 'Chief Executive', 'Housing Lead', 'Director', 'Chair', 'Principal'][i],
    }));
const ASK_TITLES = [
  'Genuinely affordable homes',
  'A living wage for care workers',
  'Safe routes to school',
  'Repairs within 28 days',
  'Youth centres open all summer',
];
const askSet = (asks: number, holderCount: number, notAsked: [number, number][] = []) =>
  ASK_TITLES.slice(0, asks).map((title, a) => ({
    id: `a${a}`,
    title,
    wording: `Will you commit to ${title.toLowerCase()}?`,
    targets: holders(holderCount)
      .map((h) => h.id)
      .filter((_, h) => !notAsked.some(([na, nh]) => na === a && nh === h)),
  }));

test('the commitments board fills the stage: large type for a 3 x 3 board, every word whole on a 6 x 5 one; a cell not asked says so', async ({
  openPage,
  request,
  baseURL,
}) => {
  const small = await createAssembly(request, {
    powerHolders: holders(3),
    asks: askSet(3, 3, [[1, 2]]),
    agenda: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 1 }],
  });
  const large = await createAssembly(request, {
    powerHolders: holders(6),
    asks: askSet(5, 6, [[0, 5]]),
    agenda: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 1 }],
  });
  for (const assembly of [small, large]) {
    const chair = await staffSocket(baseURL!, assembly);
    await chair.send({ type: 'setScene', scene: 'commitments' });
    await chair.send({ type: 'recordResponse', askId: 'a0', powerHolderId: 'h0', answer: 'yes' });
    await chair.send({ type: 'recordResponse', askId: 'a1', powerHolderId: 'h1', answer: 'waffle' });
    await chair.send({ type: 'recordResponse', askId: 'a2', powerHolderId: 'h0', answer: 'absent' });
    chair.close();
  }
  const screen = await openPage({ width: 1920, height: 1080 });
  for (const [assembly, name] of [
    [small, 'small'],
    [large, 'large'],
  ] as const) {
    await screen.goto(assembly.paths.screen);
    const board = screen.getByTestId('commitments-board');
    await expect(board.locator('[data-answer="waffle"]')).toHaveCount(1);
    await expect(screen.getByTestId('board-not-asked')).toHaveText(['not asked']);
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      await shot(screen, `commitments-${name}`);
      const stage = await stageBox(screen);
      const table = await box(board);
      expect(inside(table, stage), `${name} board inside the stage at ${size.width}`).toBe(true);
      // The board covers the stage, not its top third.
      expect(table.height / stage.height).toBeGreaterThanOrEqual(0.8);
      expect(table.width / stage.width).toBeGreaterThanOrEqual(0.88);
      const holderName = await fontPx(board.locator('.holder-name').first());
      const askTitle = await fontPx(board.locator('tbody th').first());
      const word = await fontPx(board.locator('.answer-word').first());
      const share = (px: number) => px / stage.height;
      if (name === 'small') {
        expect(share(holderName), `names at ${size.width}`).toBeGreaterThanOrEqual(0.044);
        expect(share(askTitle)).toBeGreaterThanOrEqual(0.044);
        expect(share(word)).toBeGreaterThanOrEqual(0.044);
      } else {
        expect(share(holderName)).toBeGreaterThanOrEqual(0.022);
        expect(share(word)).toBeGreaterThanOrEqual(0.025);
      }
      // Nothing cut: every heading and cell shows all it holds.
      for (const cell of await board.locator('th, td').all())
        expect(await clipped(cell), `${await cell.innerText()} at ${size.width}`).toBe(false);
    }
  }
  expect(await violations(screen)).toEqual([]);
});

const INSTITUTIONS = [
  ['St Mary’s Church', 'Stalls'],
  ['East London Mosque', 'Stalls'],
  ['Riverside School', 'Stalls'],
  ['Unite Community', 'Stalls'],
  ['Bethel Chapel', 'Stalls'],
  ['Hope Foodbank', 'Balcony'],
  ['Oak Tenants’ Association', 'Balcony'],
  ['St Anne’s Primary', 'Balcony'],
  ['Sikh Gurdwara', 'Balcony'],
  ['Green Lane Synagogue', 'Balcony'],
  ['Carers’ Network', 'Side'],
  ['Riverside College', 'Side'],
  ['Youth Forum', 'Side'],
  ['Methodist Central Hall', 'Side'],
  ['Credit Union', 'Side'],
].map(([name, section], i) => ({ id: `i${i}`, name, section, committed: 10 + i * 3 }));

test('the roll call fills the stage in balanced columns, by section and by count, and lights the institution being called', async ({
  openPage,
  request,
  baseURL,
}) => {
  const assembly = await createAssembly(request, {
    institutions: INSTITUTIONS,
    agenda: [{ id: 'rc', kind: 'rollCall', title: 'Roll call', minutes: 10 }],
  });
  const door = await staffSocket(baseURL!, assembly, 'door');
  for (let i = 0; i < 6; i++)
    await door.send({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: `Person ${i}`,
      institutionId: `i${i % 4}`,
    });
  door.close();
  const chairPage = await openPage({ width: 1366, height: 768 });
  await chairPage.goto(assembly.paths.chair);
  await chairPage.getByRole('button', { name: 'Show on screen' }).click();
  const screen = await openPage({ width: 1920, height: 1080 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('scene-roll-call')).toBeVisible();

  for (const order of ['section', 'count'] as const) {
    await chairPage.getByRole('button', { name: order === 'section' ? 'By section' : 'By count' }).click();
    await expect(screen.locator('.roll-call-row').first()).toHaveAttribute(
      'data-institution',
      // Balcony's Green Lane Synagogue; by count, the first of two with 2 (by name).
      order === 'section' ? 'i9' : 'i1',
    );
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      await shot(screen, `roll-call-${order}`);
      const stage = await stageBox(screen);
      const rows = screen.getByTestId('roll-call-row');
      await expect(rows).toHaveCount(15);
      // No column stands nearly empty beside a full one.
      const lengths = await screen
        .locator('.roll-call-column')
        .evaluateAll((columns) => columns.map((c) => c.querySelectorAll('.roll-call-row').length));
      expect(Math.max(...lengths) - Math.min(...lengths), `columns ${lengths}`).toBeLessThanOrEqual(2);
      const name = screen.locator('.roll-call-name').first();
      expect((await fontPx(name)) / stage.height, `names at ${size.width}`).toBeGreaterThanOrEqual(
        size.width / size.height > 1.5 ? 0.036 : 0.03,
      );
      const columns = await box(screen.locator('.roll-call-columns'));
      expect(inside(columns, stage)).toBe(true);
      expect(columns.height / stage.height).toBeGreaterThanOrEqual(0.55);
      for (const row of await rows.all()) {
        expect(inside(await box(row), columns)).toBe(true);
        expect(await clipped(row.locator('.roll-call-name'))).toBe(false);
      }
    }
  }

  // The chair calls Riverside School: the projector lights it, the console ticks it.
  await chairPage.getByRole('button', { name: 'Call Riverside School now' }).click();
  const lit = screen.locator('.roll-call-row.calling-now');
  await expect(lit).toHaveAttribute('data-institution', 'i2');
  await expect(lit).toHaveAttribute('aria-current', 'true');
  await expect(chairPage.getByTestId('calling-now')).toContainText('Riverside School');
  await chairPage.getByTestId('calling-now').scrollIntoViewIfNeeded();
  await shot(chairPage, 'chair-roll-call');
  expect(await contrastOf(lit.locator('.roll-call-name'))).toBeGreaterThanOrEqual(7);
  await shot(screen, 'roll-call-calling');
  expect(await violations(screen)).toEqual([]);
  // The next one takes the light; undo gives it back.
  await chairPage.getByRole('button', { name: 'Call Hope Foodbank now' }).click();
  await expect(lit).toHaveAttribute('data-institution', 'i5');
  await expect(chairPage.getByTestId('undo')).toContainText('call Hope Foodbank');
  await chairPage.getByTestId('undo').click();
  await expect(lit).toHaveAttribute('data-institution', 'i2');
  await chairPage.getByRole('button', { name: 'Stop calling' }).click();
  await expect(lit).toHaveCount(0);
  await expect(screen.locator('.roll-call-row.called')).toHaveCount(2);
});

test('the institution being called keeps its page on the screen of a long roll call', async ({
  openPage,
  request,
  baseURL,
}) => {
  const many = Array.from({ length: 70 }, (_, i) => ({
    id: `m${i}`,
    name: `Institution ${String(i + 1).padStart(2, '0')}`,
    section: '',
    committed: 5,
  }));
  const assembly = await createAssembly(request, { institutions: many, agenda: [] });
  const chair = await staffSocket(baseURL!, assembly);
  await chair.send({ type: 'setScene', scene: 'rollCall' });
  await chair.send({ type: 'callNow', institutionId: 'm60' });
  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.locator('.roll-call-row.calling-now')).toHaveAttribute('data-institution', 'm60');
  await expect(screen.getByTestId('roll-call-page')).toHaveText('Page 2 of 2');
  await chair.send({ type: 'callNow', institutionId: 'm1' });
  await expect(screen.getByTestId('roll-call-page')).toHaveText('Page 1 of 2');
  chair.close();
});

const LONGEST_MESSAGE =
  `${'Please move to the front: there are seats in rows A to D, and the balcony is now full. '.repeat(4)}`
    .slice(0, LIMITS.message)
    .trim();

test('the longest message leaves the title, speaker and timer whole, at every size, even at TIME UP', async ({
  openPage,
  request,
  baseURL,
}) => {
  expect(LONGEST_MESSAGE.length).toBeGreaterThanOrEqual(LIMITS.message - 1);
  const assembly = await createAssembly(request, {
    agenda: [
      {
        id: 'story',
        kind: 'testimony',
        title:
          'Testimony: three winters of damp and mould in the flats on the Riverside estate, and what the council promised us',
        speaker: 'Grace Mensah and Tomasz Nowak, Riverside Tenants’ Association',
        minutes: 0.02,
        warningSeconds: 0,
      },
      { id: 'next', kind: 'ask', title: 'The housing ask', minutes: 5 },
    ],
  });
  const chair = await staffSocket(baseURL!, assembly);
  await chair.send({ type: 'goToItem', itemId: 'story' });
  await chair.send({ type: 'startTimer' });
  const screen = await openPage({ width: 1920, height: 1080 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-tone', 'overtime');

  for (const message of [null, LONGEST_MESSAGE, LONGEST_MESSAGE.toUpperCase()]) {
    if (message) await chair.send({ type: 'showMessage', text: message });
    if (message) await expect(screen.getByTestId('banner')).toHaveText(message);
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      await shot(screen, message ? (message === LONGEST_MESSAGE ? 'message' : 'message-caps') : 'item');
      const stage = await stageBox(screen);
      const parts = {
        kind: await box(screen.getByTestId('item-kind')),
        title: await box(screen.getByTestId('item-title')),
        speaker: await box(screen.getByTestId('item-speaker')),
        timer: await box(screen.getByTestId('timer')),
        corner: await box(screen.getByTestId('join-corner')),
        ...(message ? { banner: await box(screen.getByTestId('banner')) } : {}),
      };
      const names = Object.keys(parts) as (keyof typeof parts)[];
      for (const a of names) {
        expect(inside(parts[a]!, stage), `${a} on the stage at ${size.width}`).toBe(true);
        for (const b of names)
          if (a < b) expect(overlaps(parts[a]!, parts[b]!), `${a} and ${b} at ${size.width}`).toBe(false);
      }
      for (const id of ['item-title', 'item-speaker', 'banner'])
        if (id !== 'banner' || message)
          expect(await clipped(screen.getByTestId(id)), `${id} at ${size.width}`).toBe(false);
      // The clock stays readable with the message up: at least 12% of the stage's height.
      expect((await fontPx(screen.getByTestId('timer'))) / stage.height).toBeGreaterThanOrEqual(0.12);
    }
  }
  expect(await violations(screen)).toEqual([]);
  chair.close();
});

test('before the start: the countdown to the planned start, the live number checked in, and a QR to scan from the middle of the hall', async ({
  openPage,
  request,
  baseURL,
}) => {
  const startsAt = Date.now() + 25 * 60_000;
  const assembly = await createAssembly(request, {
    assembly: {
      title: 'Riverside Citizens Accountability Assembly 2026',
      startsAt,
      endsAt: startsAt + 90 * 60_000,
    },
    institutions: INSTITUTIONS.slice(0, 3),
    agenda: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 2 }],
  });
  const screen = await openPage({ width: 1920, height: 1080 });
  await screen.goto(assembly.paths.screen);
  const countdown = screen.getByTestId('start-countdown');
  await expect(countdown).toHaveText(/^in 2[45]:\d\d$/);
  const first = await countdown.innerText();
  await expect(countdown).not.toHaveText(first);
  await expect(screen.getByTestId('welcome-turnout')).toHaveText('0');

  const door = await staffSocket(baseURL!, assembly, 'door');
  await door.send({ type: 'checkIn', checkInId: randomUUID(), name: 'Amara', institutionId: 'i0' });
  await door.send({ type: 'checkIn', checkInId: randomUUID(), name: 'Ben', institutionId: null });
  await expect(screen.getByTestId('welcome-turnout')).toHaveText('2');
  door.close();

  for (const size of SIZES) {
    await screen.setViewportSize(size);
    await shot(screen, 'welcome');
    const stage = await stageBox(screen);
    // The stage is the whole window, 16:9 and 4:3 alike.
    expect(stage).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
    const qr = await box(screen.getByTestId('join-qr'));
    expect(qr.height / stage.height, `QR at ${size.width}`).toBeGreaterThanOrEqual(0.5);
    expect(inside(qr, stage)).toBe(true);
    for (const part of [
      countdown,
      screen.getByTestId('welcome-turnout'),
      screen.locator('.scene-welcome .title'),
    ]) {
      expect(overlaps(await box(part), qr)).toBe(false);
      expect(inside(await box(part), stage)).toBe(true);
      expect(await clipped(part)).toBe(false);
    }
    expect((await fontPx(countdown)) / stage.height).toBeGreaterThanOrEqual(0.08);
  }
  expect(await violations(screen)).toEqual([]);
});

test('a closed assembly stops inviting check-in on every scene', async ({ openPage, request, baseURL }) => {
  const onJoin = await createAssembly(request, {
    agenda: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 2 }],
  });
  const onItem = await createAssembly(request, {
    agenda: [{ id: 'w', kind: 'testimony', title: 'Testimony', minutes: 2 }],
  });
  const onWelcome = await createAssembly(request, {
    agenda: [{ id: 'w', kind: 'testimony', title: 'Testimony', minutes: 2 }],
  });
  const setUp: [Assembly, (send: Awaited<ReturnType<typeof staffSocket>>['send']) => Promise<unknown>][] = [
    [onJoin, (send) => send({ type: 'setScene', scene: 'join' })],
    [onItem, (send) => send({ type: 'goToItem', itemId: 'w' })],
    [onWelcome, async () => {}],
  ];
  const screen = await openPage({ width: 1280, height: 720 });
  for (const [assembly, before] of setUp) {
    const chair = await staffSocket(baseURL!, assembly);
    await before(chair.send);
    await screen.goto(assembly.paths.screen);
    await expect(screen.getByTestId('join-qr')).toHaveCount(1);
    await chair.send({ type: 'closeAssembly' });
    await expect(screen.getByTestId('scene-welcome')).toContainText('Thank you');
    await expect(screen.getByTestId('join-qr')).toHaveCount(0);
    await expect(screen.getByTestId('join-corner')).toHaveCount(0);
    await expect(screen.getByText(/check in/i)).toHaveCount(0);
    chair.close();
  }
  await shot(screen, 'closed');
  expect(await violations(screen)).toEqual([]);
});

test('the chair’s cue reaches the speaker’s monitor only: big there, never on the room’s screen or a phone', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, OVERTIME);
  const chair = await openPage({ width: 1366, height: 768 });
  await chair.goto(assembly.paths.chair);
  const speaker = await openPage({ width: 1024, height: 768 });
  await speaker.goto(`${assembly.paths.screen}?view=timer`);
  const room = await openPage({ width: 1920, height: 1080 });
  await room.goto(assembly.paths.screen);
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);

  const cues = chair.getByTestId('speaker-cue-control');
  // No item, no speaker: nothing to cue yet.
  await expect(cues.getByRole('button', { name: 'Wrap up' })).toBeDisabled();
  await chair.getByRole('button', { name: /Testimony: damp homes/ }).click();
  await expect(speaker.getByText('Testimony: damp homes on the Riverside estate')).toBeVisible();
  await cues.getByRole('button', { name: 'Wrap up' }).click();
  await expect(speaker.getByTestId('speaker-cue')).toHaveText('Wrap up');
  await expect(cues.getByRole('button', { name: 'Wrap up' })).toHaveAttribute('aria-pressed', 'true');
  await shot(chair, 'chair-cue');
  for (const size of SIZES) {
    await speaker.setViewportSize(size);
    const stage = await stageBox(speaker);
    const cue = speaker.getByTestId('speaker-cue');
    expect((await fontPx(cue)) / stage.height).toBeGreaterThanOrEqual(0.11);
    expect(overlaps(await box(cue), await box(speaker.getByTestId('timer')))).toBe(false);
    expect(inside(await box(speaker.getByTestId('timer')), stage)).toBe(true);
    expect(await contrastOf(cue)).toBeGreaterThanOrEqual(7);
    await shot(speaker, 'speaker-cue');
  }
  expect(await violations(speaker)).toEqual([]);
  await cues.getByRole('button', { name: '30 seconds' }).click();
  await expect(speaker.getByTestId('speaker-cue')).toHaveText('30 seconds');
  // The room and the phones show the item, never the cue.
  await expect(room.getByTestId('item-title')).toBeVisible();
  await expect(phone.getByText('Testimony: damp homes on the Riverside estate').first()).toBeVisible();
  for (const page of [room, phone]) {
    await expect(page.getByTestId('speaker-cue')).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toMatch(/30 seconds|wrap up/i);
  }
  await expect(chair.getByTestId('undo')).toContainText('cue "30 seconds"');
  await cues.getByRole('button', { name: 'Clear cue' }).click();
  await expect(speaker.getByTestId('speaker-cue')).toHaveCount(0);
  await expect(speaker.getByText('Testimony: damp homes on the Riverside estate')).toBeVisible();
  expect(await violations(chair)).toEqual([]);
});

test('the ask and the join QR scenes fit a 4:3 stage as well as 16:9', async ({
  openPage,
  request,
  baseURL,
}) => {
  const assembly = await createAssembly(request, {
    powerHolders: holders(4),
    asks: [
      {
        id: 'homes',
        title: 'Homes',
        wording:
          'Will you commit to building 500 genuinely affordable council homes on the Riverside site by 2028, and meet us within 60 days to agree the plan?',
        targets: ['h0', 'h1', 'h2', 'h3'],
      },
    ],
    agenda: [{ id: 'ask', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes' }],
  });
  const chair = await staffSocket(baseURL!, assembly);
  await chair.send({ type: 'goToItem', itemId: 'ask' });
  await chair.send({
    type: 'recordResponse',
    askId: 'homes',
    powerHolderId: 'h1',
    answer: 'yes',
    note: 'within 60 days',
  });
  const screen = await openPage({ width: 1920, height: 1080 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('ask-answer')).toHaveCount(4);
  for (const size of SIZES) {
    await screen.setViewportSize(size);
    await shot(screen, 'ask');
    const stage = await stageBox(screen);
    const wording = await box(screen.locator('.ask-wording-large'));
    expect(inside(wording, stage)).toBe(true);
    // The exact words, never cut.
    expect(await clipped(screen.locator('.ask-wording-large')), `wording at ${size.width}`).toBe(false);
    for (const answer of await screen.getByTestId('ask-answer').all()) {
      expect(inside(await box(answer), stage), `an answer at ${size.width}`).toBe(true);
      expect(overlaps(await box(answer), wording)).toBe(false);
      expect(
        inside(await box(answer.locator('.answer-chip')), await box(answer)),
        `a chip at ${size.width}`,
      ).toBe(true);
    }
  }
  await chair.send({ type: 'setScene', scene: 'join' });
  await expect(screen.getByTestId('scene-join')).toBeVisible();
  for (const size of SIZES) {
    await screen.setViewportSize(size);
    await shot(screen, 'join');
    const stage = await stageBox(screen);
    const qr = await box(screen.getByTestId('join-qr'));
    const text = await box(screen.locator('.join-text'));
    expect(inside(qr, stage) && inside(text, stage), `join scene at ${size.width}`).toBe(true);
    expect(overlaps(qr, text)).toBe(false);
    expect(qr.height / stage.height).toBeGreaterThanOrEqual(0.6);
  }
  chair.close();
});
