// The welcome scene's countdown to the planned start, in server time.

/** "in 12:05", "in 1:02:09"; "any moment now" once the planned start has come. */
export function countdownText(startsAt: number, now: number): string {
  const left = Math.ceil((startsAt - now) / 1000);
  if (left <= 0) return 'any moment now';
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `in ${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** When the countdown's face next changes: the next whole second before the start; never after. */
export function nextCountdownChangeAt(startsAt: number, now: number): number | null {
  if (now >= startsAt) return null;
  const left = startsAt - now;
  // The face shows whole seconds rounded up: it changes as `left` crosses a whole second.
  const step = left % 1000 === 0 ? 1000 : left % 1000;
  return now + step;
}
