import type { Browser } from 'playwright-core';
import { checkInAndTime, untilFormUsable } from './joinPage';
import { type PhoneLink, SLOW_PHONE, type SocketCarried, slowDown } from './slowPhone';
import { percentile, round } from './stats';

// The slow phone's first visit (issue 13): a fresh browser context each time (nothing cached),
// throttled to SLOW_PHONE, opens the join link; timed to the form usable, then from the tap
// on Check in to "You're checked in".

export interface Samples {
  samplesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface FirstVisitResult {
  link: PhoneLink;
  runs: number;
  /** Navigation start to the check-in form usable (fields and button enabled). */
  formUsable: Samples;
  /** The tap on Check in to the page saying "You're checked in". */
  confirmation: Samples;
  /** Frames the throttled socket carried in the last run (for the record). */
  socket: SocketCarried;
}

export const samplesOf = (values: number[]): Samples => ({
  samplesMs: values.map((v) => round(v, 1)),
  medianMs: round(percentile(values, 50), 1),
  minMs: round(Math.min(...values), 1),
  maxMs: round(Math.max(...values), 1),
});

export async function slowFirstVisits(
  browser: Browser,
  base: string,
  code: string,
  institution: string,
  runs: number,
  log: (message: string) => void,
): Promise<FirstVisitResult> {
  const usable: number[] = [];
  const confirmed: number[] = [];
  let socket: SocketCarried | undefined;
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    try {
      const page = await context.newPage();
      const slowed = await slowDown(page, SLOW_PHONE);
      socket = slowed.carried;
      await page.goto(`${base}/j/${code}`, { waitUntil: 'commit', timeout: 120_000 });
      usable.push(await untilFormUsable(page));
      confirmed.push(await checkInAndTime(page, { name: `Slow phone ${run}`, institution }));
      log(
        `slow phone ${run}/${runs}: form usable ${round(usable.at(-1)! / 1000, 2)} s, confirmed ${round(confirmed.at(-1)! / 1000, 2)} s after the tap`,
      );
    } finally {
      await context.close();
    }
  }
  return {
    link: SLOW_PHONE,
    runs,
    formUsable: samplesOf(usable),
    confirmation: samplesOf(confirmed),
    socket: socket!,
  };
}
