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
  const page = await chair.evaluate(() => {
    window.scrollTo(0, 100_000);
    const root = document.scrollingElement!;
    return { scrollY: window.scrollY, height: root.scrollHeight, width: root.scrollWidth };
  });
  expect(page, `${when}: the page itself does not scroll`).toEqual({
    scrollY: 0,
    height: LAPTOP.height,
    width: LAPTOP.width,
  });
  for (const [name, control] of alwaysThere(chair, started)) {
    const box = await control.boundingBox();
    expect(box, `${when}: ${name} is on the page`).not.toBeNull();
    expect(box!.x, `${when}: ${name} left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${when}: ${name} top edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${when}: ${name} right edge`).toBeLessThanOrEqual(LAPTOP.width);
    expect(box!.y + box!.height, `${when}: ${name} bottom edge`).toBeLessThanOrEqual(LAPTOP.height);
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
