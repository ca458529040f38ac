import type { Page } from 'playwright-core';

// The join page (/j/CODE) as a person meets it: the check-in form (client/src/screens/join/
// CheckInForm.tsx), found by its labels and its button's name, and the confirmation
// (JoinScreen.tsx). Times are the page's own (performance.now(): ms since navigation began),
// read on the animation frame where the condition first holds, so they do not include the
// bench's round trips to the browser.

export const NAME_LABEL = 'Your name';
export const CHECK_IN_BUTTON = 'Check in';
export const CONFIRMATION = 'You’re checked in';

/**
 * In the page, on each animation frame: the name field (by its label) and the Check in button
 * (by its text) are there and enabled, and an institution can be chosen. Only then can a
 * person check in; the form appears only once the assembly's first state has arrived.
 */
function formUsableAt(labels: { name: string; button: string }): number | false {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === labels.name);
  const field = label?.control as HTMLInputElement | null | undefined;
  const button = [...document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === labels.button,
  );
  const choices = document.querySelectorAll('input[type="radio"]').length;
  return field && !field.disabled && button && !button.disabled && choices > 0 ? performance.now() : false;
}

/** Resolves with the page's time (ms since navigation began) at which the form became usable. */
export async function untilFormUsable(page: Page, timeoutMs = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    formUsableAt,
    { name: NAME_LABEL, button: CHECK_IN_BUTTON },
    {
      polling: 'raf',
      timeout: timeoutMs,
    },
  );
  const at = (await handle.jsonValue()) as number;
  // The same form as assistive technology finds it (roles and accessible names).
  const name = page.getByLabel(NAME_LABEL, { exact: true });
  const button = page.getByRole('button', { name: CHECK_IN_BUTTON, exact: true });
  if (!(await name.isEnabled()) || !(await button.isEnabled()))
    throw new Error('the check-in form was found but its name field or button is not enabled');
  return at;
}

function confirmedAt(text: string): number | false {
  const shown = document.querySelector('[data-testid="checked-in"]');
  return shown?.textContent?.includes(text) ? performance.now() : false;
}

/**
 * Fills the form as a person would (name, an institution), taps Check in, and resolves with
 * the ms from the tap (the button's click event, in the page) to the confirmation showing.
 */
export async function checkInAndTime(
  page: Page,
  person: { name: string; institution: string },
  timeoutMs = 60_000,
): Promise<number> {
  await page.getByLabel(NAME_LABEL, { exact: true }).fill(person.name);
  await page.getByRole('radio', { name: person.institution, exact: true }).check();
  await page.evaluate((button) => {
    const w = window as unknown as { benchTappedAt?: number };
    document.addEventListener(
      'click',
      (event) => {
        const target = event.target as HTMLElement | null;
        if (target?.closest('button')?.textContent?.trim() === button) w.benchTappedAt ??= performance.now();
      },
      { capture: true },
    );
  }, CHECK_IN_BUTTON);
  await page.getByRole('button', { name: CHECK_IN_BUTTON, exact: true }).click();
  const handle = await page.waitForFunction(confirmedAt, CONFIRMATION, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  const shownAt = (await handle.jsonValue()) as number;
  const tappedAt = await page.evaluate(() => (window as unknown as { benchTappedAt?: number }).benchTappedAt);
  if (tappedAt === undefined) throw new Error('the tap on Check in was not seen in the page');
  return shownAt - tappedAt;
}
