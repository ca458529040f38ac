import type { Browser, BrowserContext, Page } from 'playwright-core';
import { percentile, round } from './stats';

// Two projectors side by side (/a/CODE/screen, 1920x1080, each its own browser context as
// two laptops would be, in one Chromium) showing the same running timer: do their digits
// change together?
// A MutationObserver in each page notes the wall-clock instant (performance.timeOrigin +
// performance.now(), one clock for both pages on one machine) at which the digits changed,
// and the same displayed value is compared across the two.

export interface ClockAgreement {
  /** Displayed values whose change both pages recorded. */
  flips: number;
  /** Times projector B was opened afresh, and how long after the one before (ms, random). */
  openings: number;
  openedAfterMs: number[];
  /** |page A's instant - page B's| for each, ms. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Page B minus page A, ms, in display order (sign shows which led). */
  differencesMs: number[];
}

const DIGITS = '[data-testid="timer"] .timer-digits';

interface Flip {
  text: string;
  at: number;
}

/** In the page, before its scripts: every change of the timer's digits, with its instant. */
function recordFlips(selector: string) {
  const w = window as unknown as { benchFlips: Flip[] };
  w.benchFlips = [];
  let last: string | null = null;
  new MutationObserver(() => {
    const text = document.querySelector(selector)?.textContent ?? null;
    if (text === null || text === last) return;
    last = text;
    w.benchFlips.push({ text, at: performance.timeOrigin + performance.now() });
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const flipsOf = (page: Page) => page.evaluate(() => (window as unknown as { benchFlips: Flip[] }).benchFlips);

/** Projector B is opened this many times, each at a random moment: its ticks' phase is new each time. */
const OPENINGS = 4;

async function untilFlips(page: Page, count: number): Promise<Flip[]> {
  const deadline = Date.now() + (count + 15) * 1000;
  for (;;) {
    const flips = await flipsOf(page);
    if (flips.length > count) return flips;
    if (Date.now() > deadline)
      throw new Error(
        `the projector's timer changed ${flips.length - 1} times, not ${count}: is it running?`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openProjector(context: BrowserContext, base: string, code: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/a/${code}/screen`);
  await page.locator(DIGITS).waitFor({ timeout: 30_000 });
  return page;
}

/**
 * Opens projector A, then projector B (reopened OPENINGS times, each after a random 0 to 1 s,
 * as a venue's laptops are opened and reloaded whenever), and pairs B's digit changes with
 * A's by displayed value, about `flips` in all. The timer must be running. The first value a
 * page shows is its first render, not a change, and is left out.
 */
export async function projectorClocks(
  browser: Browser,
  base: string,
  code: string,
  flips: number,
): Promise<ClockAgreement> {
  const contexts = await Promise.all(
    [0, 1].map(() => browser.newContext({ viewport: { width: 1920, height: 1080 } })),
  );
  try {
    for (const context of contexts) await context.addInitScript(recordFlips, DIGITS);
    const [a, b] = contexts as [BrowserContext, BrowserContext];
    const pageA = await openProjector(a, base, code);
    const differencesMs: number[] = [];
    const openedAfterMs: number[] = [];
    const each = Math.ceil(flips / OPENINGS);
    for (let opening = 0; opening < OPENINGS; opening++) {
      const wait = Math.random() * 1000;
      openedAfterMs.push(round(wait, 0));
      await new Promise((resolve) => setTimeout(resolve, wait));
      const pageB = await openProjector(b, base, code);
      const flipsB = (await untilFlips(pageB, each)).slice(1);
      // If B leads, A shows B's last value a moment later: wait for it before pairing.
      const lastB = flipsB.at(-1)?.text;
      const deadline = Date.now() + 3_000;
      let seenA = await flipsOf(pageA);
      while (!seenA.some((flip) => flip.text === lastB) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seenA = await flipsOf(pageA);
      }
      const flipsA = new Map(seenA.slice(1).map((flip) => [flip.text, flip.at]));
      for (const flip of flipsB) {
        const atA = flipsA.get(flip.text);
        if (atA !== undefined) differencesMs.push(round(flip.at - atA, 1));
      }
      await pageB.close();
    }
    const gaps = differencesMs.map(Math.abs);
    return {
      flips: differencesMs.length,
      openings: OPENINGS,
      openedAfterMs,
      p50Ms: round(percentile(gaps, 50), 1),
      p95Ms: round(percentile(gaps, 95), 1),
      maxMs: round(percentile(gaps, 100), 1),
      differencesMs,
    };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}
