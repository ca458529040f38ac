// Times in the exports as the room saw them: the assembly's own time zone, to the second,
// in the form Excel and LibreOffice read as a date and time ("2026-11-28 19:45:03").
// record.json keeps the exact times (epoch ms and ISO) for anyone who needs them.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The server's own zone: where an assembly that names none is held. */
export const serverTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone an assembly's exports are written in. */
export const exportTimeZone = (state: { timeZone: string }): string => state.timeZone || serverTimeZone();

/** "2026-11-28 19:45:03" in `timeZone`; '' for no time. */
export function spreadsheetTime(ms: number | null, timeZone: string): string {
  if (ms === null) return '';
  const parts: Record<string, string> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(ms)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
