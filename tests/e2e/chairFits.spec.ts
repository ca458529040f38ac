import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HOLDERS, NIGHT } from './chairNight';
import { createAssembly, expect, test } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };

/** Every finding, of any impact. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** What the chair must reach without scrolling the page, whatever the item. */
function alwaysThere(chair: Page, started: boolean): [string, Locator][] {
  return [
    ...(started ? [['timer', chair.getByTestId('now-card').getByTestId('timer')] as [string, Locator]] : []),
    ['Previous', chair.getByRole('button', { name: '← Previous' })],
    ['Start or Pause', chair.getByRole('button', { name: /^(Start|Pause)$/ })],
    ['Next', chair.getByRole('button', { name: 'Next →' })],
    ['undo', chair.getByTestId('undo')],
    ...['Follow agenda', 'Roll call', 'Commitments', 'Join QR', 'Blank'].map(
      (scene) =>
        [scene, chair.getByRole('group', { name: 'Screen' }).getByRole('button', { name: scene })] as [
          string,
          Locator,
        ],
    ),
    ['thumbnail', chair.getByTestId('screen-thumbnail')],
  ];
}

/** The page does not scroll, and each control's whole box is inside the window. */
async function expectAllInView(chair: Page, when: string, started = true) {
  const window_ = chair.viewportSize()!;
  const page = await chair.evaluate(() => {
    window.scrollTo(0, 100_000);
    const root = document.scrollingElement!;
    return { scrollY: window.scrollY, height: root.scrollHeight, width: root.scrollWidth };
  });
  expect(page, `${when}: the page itself does not scroll`).toEqual({
    scrollY: 0,
    height: window_.height,
    width: window_.width,
  });
  for (const [name, control] of alwaysThere(chair, started)) {
    const box = await control.boundingBox();
    expect(box, `${when}: ${name} is on the page`).not.toBeNull();
    expect(box!.x, `${when}: ${name} left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${when}: ${name} top edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${when}: ${name} right edge`).toBeLessThanOrEqual(window_.width);
    expect(box!.y + box!.height, `${when}: ${name} bottom edge`).toBeLessThanOrEqual(window_.height);
    // Not hidden under a scrolled panel's edge either.
    await expect(control, `${when}: ${name} wholly in view`).toBeInViewport({ ratio: 1 });
  }
}

/** Scrolls a panel to its end; true when it had more than it shows (so it really scrolled). */
const scrollToEnd = (panel: Locator) =>
  panel.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    return el.scrollHeight > el.clientHeight + 1;
  });

test('every kind of item fits a 1366x768 laptop: clock, Previous/Next, undo and the scenes stay in view; long panels scroll inside', async ({
  openPage,
  request,
}) => {
  // Ten items, each checked twice with a dozen boxes and two axe runs: a long walk on a busy machine.
  test.setTimeout(240_000);
  const assembly = await createAssembly(request, NIGHT, 'Riverside Citizens Assembly');
  const chair = await openPage(LAPTOP);
  await chair.goto(assembly.paths.chair);
  await expect(chair.getByText('Not started.')).toBeVisible();
  await expectAllInView(chair, 'before the start', false);

  const panel = chair.getByTestId('chair-panel');
  const runOfShow = chair.getByRole('region', { name: 'Run of show' }).getByRole('list');
  for (const item of NIGHT.agenda) {
    await chair.getByRole('button', { name: 'Next →' }).click();
    await expect(chair.getByTestId('chair-item-title')).toHaveText(item.title);
    const when = `${item.kind} "${item.title}"`;
    await expectAllInView(chair, `${when}, at the top`);
    // The current item is in view in the run of show's own scroll.
    await expect(chair.locator('li[aria-current="step"]')).toBeInViewport({ ratio: 1 });

    const scrolls = await scrollToEnd(panel);
    await scrollToEnd(runOfShow);
    await expectAllInView(chair, `${when}, its panel scrolled to the end`);
    if (item.kind === 'rollCall') {
      expect(scrolls, 'the 15-institution roll call is longer than its panel').toBe(true);
      const last = panel.getByRole('checkbox').last();
      await expect(panel.getByRole('checkbox')).toHaveCount(15);
      await expect(last, 'the last institution is reached inside the panel').toBeInViewport({ ratio: 1 });
      expect(await violations(chair)).toEqual([]);
    }
    if (item.kind === 'ask') {
      expect(scrolls, 'six power-holders are longer than the panel').toBe(true);
      await expect(panel.getByTestId('holder-card')).toHaveCount(HOLDERS.length);
      const lastCard = panel.locator(`[data-testid="holder-card"][data-holder="holder${HOLDERS.length}"]`);
      const lastClock = lastCard.getByRole('button', { name: 'Start answer clock' });
      await lastClock.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect(lastClock, 'the sixth power-holder is reached inside the panel').toBeInViewport({
        ratio: 1,
      });
      await expectAllInView(chair, `${when}, scrolled to the sixth power-holder`);
      expect(await violations(chair)).toEqual([]);
    }
    await panel.evaluate((el) => {
      el.scrollTop = 0;
    });
  }
});

test('a smaller 1280x720 laptop fits the roll call and the six-way ask too', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, NIGHT, 'Riverside Citizens Assembly');
  const chair = await openPage({ width: 1280, height: 720 });
  await chair.goto(assembly.paths.chair);
  for (const title of ['Roll call of institutions', 'The housing ask']) {
    await chair.getByTestId('agenda-item').filter({ hasText: title }).click();
    await expect(chair.getByTestId('chair-item-title')).toHaveText(title);
    await expectAllInView(chair, `1280x720, ${title}`);
    expect(await scrollToEnd(chair.getByTestId('chair-panel')), `${title} scrolls in its panel`).toBe(true);
    await expectAllInView(chair, `1280x720, ${title}, scrolled`);
  }
});

test('the chair sees a live picture of the screen, and a message before it is sent', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, NIGHT, 'Riverside Citizens Assembly');
  const chair = await openPage(LAPTOP);
  const screen = await openPage({ width: 1280, height: 720 });
  await chair.goto(assembly.paths.chair);
  await screen.goto(assembly.paths.screen);
  const live = chair.getByTestId('screen-thumbnail');

  await expect(chair.getByRole('img', { name: 'The screen now: Welcome, with the join QR' })).toBeVisible();
  await chair.getByRole('button', { name: /damp homes/ }).click();
  await expect(screen.getByTestId('item-title')).toHaveText('damp homes');
  await expect(
    chair.getByRole('img', { name: 'The screen now: Testimony: damp homes, with its timer' }),
  ).toBeVisible();
  await expect(live).toContainText('damp homes');
  await expect(live).toContainText('Grace Mensah');
  // The picture is the projector's own Stage, drawn at 16:9 in its box.
  const box = (await live.boundingBox())!;
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
  // The picture carries none of the projector's test ids, and is read once, by its label.
  await expect(live.locator('[data-testid], [data-holder], [data-tone], [data-scene]')).toHaveCount(0);
  await expect(chair.getByTestId('timer')).toHaveCount(1);
  await expect(chair.getByTestId('item-title')).toHaveCount(0);
  await expect(live.locator('> [aria-hidden="true"]')).toHaveCount(1);

  const scenes: [string, string, string][] = [
    ['Blank', 'scene-blank', 'The screen now: Blank'],
    ['Join QR', 'scene-join', `The screen now: The join QR and code ${assembly.code}`],
    ['Commitments', 'scene-commitments', 'The screen now: The commitments board'],
    ['Roll call', 'scene-roll-call', 'The screen now: The roll call board'],
  ];
  for (const [button, projectorScene, label] of scenes) {
    await chair.getByRole('group', { name: 'Screen' }).getByRole('button', { name: button }).click();
    await expect(screen.getByTestId(projectorScene)).toBeVisible();
    await expect(chair.getByRole('img', { name: label })).toBeVisible();
  }
  await expect(live).toContainText('St Mary’s Church 1');
  await chair.getByRole('group', { name: 'Screen' }).getByRole('button', { name: 'Follow agenda' }).click();
  await expect(screen.getByTestId('scene-agenda')).toBeVisible();

  // Typing a message previews the stage with it as the banner; nothing reaches the room yet.
  const words =
    'Please take your seats: the ask is about to be put. Phones on silent, and thank you for coming.';
  await chair.getByLabel('Message text').fill(words);
  const preview = chair.getByTestId('message-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('.banner')).toHaveText(words);
  await expect(preview).toContainText('damp homes');
  await expect(
    chair.getByRole('img', { name: `Preview of the screen with the message '${words}'` }),
  ).toBeVisible();
  await expect(preview).toBeInViewport({ ratio: 1 });
  await expect(chair.getByLabel('Message text')).toBeInViewport({ ratio: 1 });
  await expectAllInView(chair, 'while a message is typed');
  await expect(live.locator('.banner')).toHaveCount(0);
  await expect(screen.getByTestId('banner')).toHaveCount(0);
  expect(await violations(chair)).toEqual([]);

  await chair.getByRole('button', { name: 'Show message' }).click();
  await expect(screen.getByTestId('banner')).toHaveText(words);
  await expect(live.locator('.banner')).toHaveText(words);
  await expect(preview).toHaveCount(0);
  await expect(
    chair.getByRole('img', {
      name: /^The screen now: Testimony: damp homes, with its timer, with the message/,
    }),
  ).toBeVisible();
  await expect(chair.getByTestId('banner')).toHaveCount(0);
});

/** The contrast of an element's text against the first background behind it. */
const contrastOf = (target: Locator) =>
  target.evaluate((el) => {
    const rgb = (colour: string) => colour.match(/[\d.]+/g)!.map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    let behind: Element | null = el;
    let background = 'rgba(0, 0, 0, 0)';
    while (behind) {
      background = getComputedStyle(behind).backgroundColor;
      if (rgb(background)[3] !== 0) break;
      behind = behind.parentElement;
    }
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(background))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

test('undo says what it takes back, past items are dimmed yet readable, and a closed assembly projects no finish', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, NIGHT, 'Riverside Citizens Assembly');
  const chair = await openPage(LAPTOP);
  await chair.goto(assembly.paths.chair);
  const undo = chair.getByTestId('undo');
  await expect(undo).toHaveAccessibleName('Undo');
  await expect(undo).toBeDisabled();

  await chair.getByRole('button', { name: /damp homes/ }).click();
  await expect(undo).toHaveAccessibleName("Undo: move to 'Testimony: damp homes'");
  await chair.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(undo).toHaveAccessibleName("Undo: start of 'Testimony: damp homes'");
  await chair.getByRole('group', { name: 'Screen' }).getByRole('button', { name: 'Commitments' }).click();
  await expect(undo).toHaveAccessibleName('Undo: scene change to Commitments');
  await undo.click();
  await expect(undo).toHaveAccessibleName("Undo: start of 'Testimony: damp homes'");
  await expect(
    chair.getByRole('group', { name: 'Screen' }).getByRole('button', { name: 'Follow agenda' }),
  ).toHaveAttribute('aria-pressed', 'true');

  await chair
    .getByRole('button', { name: /The housing ask/ })
    .first()
    .click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('The housing ask');
  await expect(undo).toHaveAccessibleName("Undo: move to 'The housing ask'");
  await chair.getByRole('button', { name: 'YES for Cllr Smith' }).click();
  await expect(undo).toHaveAccessibleName('Undo: answer YES from Cllr Smith');
  await expect(undo).toHaveAttribute('title', 'Undo: answer YES from Cllr Smith');
  await chair.keyboard.press('u');
  await expect(undo).toHaveAccessibleName("Undo: move to 'The housing ask'");

  // The items before the ask are past: dimmed against the ones to come, still 4.5:1 or more.
  await expect(chair.locator('li[aria-current="step"]')).toContainText('The housing ask');
  await expect(chair.locator('li[data-when="past"]')).toHaveCount(4);
  await expect(chair.locator('li[data-when="to-come"]')).toHaveCount(NIGHT.agenda.length - 5);
  const pastTitle = chair.locator('li[data-when="past"] .item-title').first();
  const comingTitle = chair.locator('li[data-when="to-come"] .item-title').first();
  const [pastColour, comingColour] = await Promise.all(
    [pastTitle, comingTitle].map((title) => title.evaluate((el) => getComputedStyle(el).color)),
  );
  expect(pastColour, 'past titles are dimmed').not.toBe(comingColour);
  for (const part of ['.item-title', '.kind', '.when', '.length', '.item-speaker']) {
    const pastText = chair.locator(`li[data-when="past"] ${part}`).first();
    expect(await contrastOf(pastText), `past ${part} contrast`).toBeGreaterThanOrEqual(4.5);
  }
  // The current one stands out: its own background, unlike the past and the items to come.
  const backgroundOf = (row: Locator) =>
    row.locator('button').evaluate((el) => getComputedStyle(el).backgroundColor);
  const current = await backgroundOf(chair.locator('li[data-when="now"]'));
  expect(current).not.toBe(await backgroundOf(chair.locator('li[data-when="past"]').first()));
  expect(current).not.toBe(await backgroundOf(chair.locator('li[data-when="to-come"]').first()));
  expect(await violations(chair)).toEqual([]);

  // Closed: no finish is projected, and there is nothing left to undo.
  await expect(chair.getByTestId('projected-finish')).toBeVisible();
  chair.once('dialog', (dialog) => void dialog.accept());
  await chair.getByRole('button', { name: 'Close assembly…' }).click();
  await expect(chair.getByTestId('closed-banner')).toBeVisible();
  await expect(chair.getByTestId('projected-finish')).toHaveCount(0);
  await expect(undo).toHaveAccessibleName('Undo');
  await expect(undo).toBeDisabled();
  await expect(chair.getByRole('img', { name: 'The screen now: Thank you' })).toBeVisible();
  expect(await violations(chair)).toEqual([]);
});
