import { describe, expect, it } from 'vitest';
import { spreadsheetTime } from '../../server/http/spreadsheetTime';
import { parseCommand } from '../../shared/protocol/commands';

describe('times in the exports, as the room saw them', () => {
  it.each([
    // London in summer is an hour ahead of UTC, in winter it is UTC.
    [Date.UTC(2026, 6, 1, 18, 45, 3, 999), 'Europe/London', '2026-07-01 19:45:03'],
    [Date.UTC(2026, 10, 28, 18, 45, 3), 'Europe/London', '2026-11-28 18:45:03'],
    [Date.UTC(2026, 10, 28, 18, 45, 3), 'America/New_York', '2026-11-28 13:45:03'],
    [Date.UTC(2026, 10, 28, 23, 30, 0), 'Asia/Kolkata', '2026-11-29 05:00:00'],
    // The hour the clocks go back happens twice: each instant gets its own local time.
    [Date.UTC(2026, 9, 25, 0, 30), 'Europe/London', '2026-10-25 01:30:00'],
    [Date.UTC(2026, 9, 25, 1, 30), 'Europe/London', '2026-10-25 01:30:00'],
    [Date.UTC(2026, 9, 25, 2, 30), 'Europe/London', '2026-10-25 02:30:00'],
    // Midnight is 00, not 24.
    [Date.UTC(2026, 10, 28, 0, 0, 0), 'UTC', '2026-11-28 00:00:00'],
  ])('%i in %s is %s', (ms, zone, shown) => {
    expect(spreadsheetTime(ms, zone)).toBe(shown);
  });

  it('writes nothing for no time', () => {
    expect(spreadsheetTime(null, 'Europe/London')).toBe('');
  });

  it('an assembly’s zone must be one the runtime knows; empty is the server’s', () => {
    const details = (timeZone: unknown) =>
      parseCommand({ type: 'updateDetails', details: { title: 'A', timeZone } });
    expect(details('Europe/London')).toMatchObject({
      ok: true,
      command: { details: { timeZone: 'Europe/London' } },
    });
    expect(details('')).toMatchObject({ ok: true });
    for (const bad of ['Mars/Olympus', 'x'.repeat(65), 42, '../etc'])
      expect(details(bad)).toMatchObject({ ok: false, code: 'invalid_command' });
  });
});
