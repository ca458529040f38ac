import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spreadsheetTime } from '../../server/http/spreadsheetTime';
import { type Created, post, startAssembly } from './harness';

// The exports' times are in the assembly's own time zone, an organiser setting.

describe('export times in the assembly’s time zone', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const commands = () => `${url}/api/assemblies/${created.code}/commands`;
  const exportOf = async (file: string) =>
    (
      await fetch(`${url}/api/assemblies/${created.code}/export/${file}`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).text();

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Zoned' });
    created = assembly.created;
    url = assembly.server.url;
  });
  afterEach(() => assembly.close());

  it('the organiser sets the zone; a bad one is refused and changes nothing', async () => {
    const details = (timeZone: string) => ({
      type: 'updateDetails',
      details: { title: 'Zoned', venue: 'Hall', startsAt: null, endsAt: null, timeZone },
    });
    const refused = await post(commands(), details('Europe/Atlantis'), created.keys.admin);
    expect(refused).toMatchObject({ status: 400, json: { code: 'invalid_command' } });
    expect(refused.json!.message).toContain('not a time zone');
    expect((await post(commands(), details('America/New_York'), created.keys.admin)).status).toBe(200);

    const door = await assembly.open(created.keys.door);
    expect(
      await door.command({ type: 'checkIn', checkInId: randomUUID(), name: 'Ana', institutionId: 'mosque' }),
    ).toMatchObject({ ok: true });
    const record = JSON.parse(await exportOf('record.json')) as {
      assembly: { timeZone: string };
      journal: { at: number; time: string; event: { type: string } }[];
    };
    expect(record.assembly.timeZone).toBe('America/New_York');
    const checkedIn = record.journal.find((e) => e.event.type === 'checkedIn')!;
    // record.json keeps the exact instant; the spreadsheet shows New York's wall clock.
    expect(checkedIn.time).toBe(new Date(checkedIn.at).toISOString());
    const attendees = (await exportOf('attendees.csv')).replace(/^\uFEFF/, '').split('\r\n');
    expect(attendees[0]).toContain('checked_in_at (America/New_York)');
    expect(attendees[1]).toContain(`,${spreadsheetTime(checkedIn.at, 'America/New_York')},`);
    expect(attendees[1]).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,/);
    const setup = JSON.parse(await exportOf('setup.json')) as { assembly: { timeZone: string } };
    expect(setup.assembly.timeZone).toBe('America/New_York');

    // Details saved without a zone (a script, an older page) keep the assembly's.
    const { timeZone: _left, ...withoutZone } = details('').details;
    expect(
      (
        await post(
          commands(),
          { type: 'updateDetails', details: { ...withoutZone, venue: 'New hall' } },
          created.keys.admin,
        )
      ).status,
    ).toBe(200);
    const after = JSON.parse(await exportOf('record.json')) as {
      assembly: { timeZone: string; venue: string };
    };
    expect(after.assembly).toMatchObject({ timeZone: 'America/New_York', venue: 'New hall' });
  });
});
