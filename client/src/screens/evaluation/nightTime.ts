/** "19:05" in the assembly's own time zone (the device's when it has none). */
export function clockTime(ms: number, timeZone: string): string {
  try {
    return new Date(ms).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
  } catch {
    return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }
}

/** "+2 min 30 s over", "1 min under", "on time" (within 15 seconds). */
export function overOrUnder(overMs: number): string {
  const seconds = Math.round(Math.abs(overMs) / 1000);
  if (seconds < 15) return 'on time';
  return `${minutesAndSeconds(seconds * 1000)} ${overMs > 0 ? 'over' : 'under'}`;
}

/** "4 min 30 s", "45 s", "12 min". */
export function minutesAndSeconds(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
