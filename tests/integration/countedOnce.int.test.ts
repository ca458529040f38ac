import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookup } from '../../shared/domain/register';
import { namedTotal } from '../../shared/domain/turnout';
import { type Created, MirrorClient, post, startAssembly, waitFor } from './harness';

// One person, one count, through a real server: a registrant who checks in on their phone
// and is then scanned, searched and walked in at two doors (one of them offline a while).

describe('one person, counted once, whichever way they come in', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  let tickets: { id: string; name: string; url: string }[];
  const tokenOf = (name: string) => tickets.find((t) => t.name === name)!.url.split('/t/')[1]!;
  const exportOf = async (file: string) =>
    (
      await fetch(`${url}/api/assemblies/${created.code}/export/${file}`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).text();

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Counted Once' });
    created = assembly.created;
    url = assembly.server.url;
    const imported = await post(
      `${url}/api/assemblies/${created.code}/registrants`,
      {
        registrants: [
          { name: 'Yusef Hasan', institution: 'East London Mosque', email: 'yusef@private.example' },
          { name: 'Grace Obi', institution: "St Mary's" },
          { name: 'Ade Bello', institution: "St Mary's" },
        ],
      },
      created.keys.admin,
    );
    expect(imported.status).toBe(200);
    tickets = imported.json!.tickets as typeof tickets;
  });
  afterEach(() => assembly.close());

  it('phone, then ticket, search and walk-in at two doors, one offline: one count everywhere', async () => {
    const [north, phone, screen, admin] = await Promise.all([
      assembly.open(created.keys.door),
      assembly.open(),
      assembly.open(),
      assembly.open(created.keys.admin),
    ]);
    // The south door has no signal for a while: what it does waits on the device.
    const south = new MirrorClient(url, { code: created.code, key: created.keys.door });
    await south.ready();
    south.socket.disconnect();

    const byPhone = await phone.command({
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'Yusef Hasan',
      institutionId: 'mosque',
    });
    expect(byPhone).toMatchObject({ ok: true });
    await waitFor(() => lookup(admin.state.attendance.admitted, 'r1') !== undefined, 5_000, 'the link');

    const scanned = await north.command({
      type: 'scanTicket',
      checkInId: randomUUID(),
      ticket: `${url}/t/${tokenOf('Yusef Hasan')}`,
      device: 'North door',
    });
    expect(scanned).toMatchObject({
      ok: false,
      code: 'already_checked_in',
      already: { method: 'self', name: 'Yusef Hasan' },
    });
    const searched = await north.command({
      type: 'checkInRegistrant',
      checkInId: randomUUID(),
      registrantId: 'r1',
      device: 'North door',
    });
    expect(searched).toMatchObject({ ok: false, code: 'already_checked_in' });

    // The south door comes back and sends what it queued: a walk-in typed by name.
    south.socket.connect();
    await south.ready();
    const queued = {
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'yusef hasan',
      institutionId: 'mosque',
      device: 'South door',
    };
    expect(await south.command(queued)).toMatchObject({ ok: false, code: 'already_checked_in' });
    // Sent again (the outbox retries): still nothing counted.
    expect(await south.command(queued)).toMatchObject({ ok: false, code: 'already_checked_in' });

    // A close spelling at the door asks first, and the steward's "same person" counts nothing.
    const near = {
      type: 'checkIn',
      checkInId: randomUUID(),
      name: 'Yusef Hassan',
      institutionId: 'mosque',
      device: 'North door',
    };
    const asked = await north.command(near);
    expect(asked).toMatchObject({
      ok: false,
      code: 'possible_duplicate',
      match: { name: 'Yusef Hasan', method: 'self' },
    });
    const sameAs = (asked as { match: { checkInId: string } }).match.checkInId;
    expect(await north.command({ ...near, sameAs })).toMatchObject({ ok: false, code: 'already_checked_in' });

    await waitFor(() => namedTotal(screen.state.turnout) === 1 && admin.seq === screen.seq, 5_000, 'counts');
    expect(screen.state.turnout.byInstitution).toEqual({ mosque: 1 });
    expect(namedTotal(admin.state.turnout)).toBe(1);
    expect(namedTotal(north.state.turnout)).toBe(1);

    // The files agree with the room.
    const attendees = Papa.parse<string[]>(
      (await exportOf('attendees.csv')).replace(/^\uFEFF/, '').trim(),
    ).data;
    expect(attendees.filter((row) => row.some((cell) => /yusef/i.test(cell)))).toHaveLength(1);
    const turnout = Papa.parse<string[]>((await exportOf('turnout.csv')).replace(/^\uFEFF/, '').trim()).data;
    const header = turnout[0]!;
    const checkedIn = header.findIndex((h) => /checked.?in/i.test(h));
    expect(checkedIn).toBeGreaterThan(0);
    expect(turnout.find((row) => row.includes('East London Mosque'))?.[checkedIn]).toBe('1');
    expect(turnout.find((row) => /^total$/i.test(row[0] ?? ''))?.[checkedIn]).toBe('1');
    const record = JSON.parse(await exportOf('record.json')) as {
      journal: { event: { type: string } }[];
    };
    expect(record.journal.filter((e) => e.event.type === 'checkedIn')).toHaveLength(1);

    // The public heard counts, never a name.
    expect(JSON.stringify(screen.received)).not.toMatch(/yusef/i);
    expect(JSON.stringify(phone.received)).not.toMatch(/yusef@private/i);
  });

  it('"I’m here" on the ticket page checks its holder in once; the door then finds them in', async () => {
    const [door, screen] = await Promise.all([assembly.open(created.keys.door), assembly.open()]);
    const token = tokenOf('Grace Obi');
    const imHere = (checkInId: unknown) => post(`${url}/api/tickets/${token}/check-in`, { checkInId });

    expect((await imHere('not-a-uuid')).status).toBe(400);
    expect((await post(`${url}/api/tickets/NOPE.x/check-in`, { checkInId: randomUUID() })).status).toBe(404);
    const first = await imHere(randomUUID());
    expect(first).toMatchObject({
      status: 200,
      json: { ok: true, already: false, checkedInBy: 'ownTicket' },
    });
    const again = await imHere(randomUUID());
    expect(again).toMatchObject({ status: 200, json: { ok: true, already: true } });
    expect(again.json!.checkedInAt).toBe(first.json!.checkedInAt);

    const ticket = (await (await fetch(`${url}/api/tickets/${token}`)).json()) as Record<string, unknown>;
    expect(ticket).toMatchObject({ checkedInAt: first.json!.checkedInAt, checkedInBy: 'ownTicket' });
    expect(
      await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: token, device: 'Door' }),
    ).toMatchObject({ code: 'already_checked_in', already: { method: 'ownTicket' } });
    await waitFor(() => namedTotal(screen.state.turnout) === 1, 5_000, 'the count');

    // Closed phone check-in closes "I'm here" too, and the ticket page is told.
    const chair = await assembly.open(created.keys.chair);
    expect(await chair.command({ type: 'setPhoneCheckIn', open: false })).toMatchObject({ ok: true });
    const other = await post(`${url}/api/tickets/${tokenOf('Ade Bello')}/check-in`, {
      checkInId: randomUUID(),
    });
    expect(other).toMatchObject({ status: 409, json: { code: 'phone_check_in_closed' } });
    const closed = (await (await fetch(`${url}/api/tickets/${tokenOf('Ade Bello')}`)).json()) as {
      assembly: { phonesClosed: boolean };
    };
    expect(closed.assembly.phonesClosed).toBe(true);
    expect(namedTotal(screen.state.turnout)).toBe(1);
  });

  it('the organiser merges a duplicate and undoes a phone flood; counts follow everywhere', async () => {
    const [door, phone, screen, admin, chair] = await Promise.all([
      assembly.open(created.keys.door),
      assembly.open(),
      assembly.open(),
      assembly.open(created.keys.admin),
      assembly.open(created.keys.chair),
    ]);
    const phoneId = randomUUID();
    await phone.command({
      type: 'checkIn',
      checkInId: phoneId,
      name: 'Grace Obie',
      institutionId: 'stmarys',
    });
    const doorId = randomUUID();
    expect(
      await door.command({
        type: 'checkInRegistrant',
        checkInId: doorId,
        registrantId: 'r2',
        newPerson: true,
      }),
    ).toMatchObject({ ok: true });
    await waitFor(() => namedTotal(screen.state.turnout) === 2, 5_000, 'two counted');

    for (const client of [door, chair, phone])
      expect(
        await client.command({ type: 'mergeCheckIns', keptId: phoneId, duplicateId: doorId }),
      ).toMatchObject({
        code: 'forbidden',
      });
    expect(
      await admin.command({ type: 'mergeCheckIns', keptId: phoneId, duplicateId: doorId }),
    ).toMatchObject({
      ok: true,
    });
    await waitFor(() => namedTotal(screen.state.turnout) === 1, 5_000, 'merged');
    await waitFor(
      () => lookup(door.state.attendance.admitted, 'r2') === phoneId,
      5_000,
      'the door to follow',
    );

    // A flood of fake phone check-ins (from several connections: one phone alone may only
    // check in a handful): the chair closes phone check-in and undoes it in one step.
    const since = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fakers = await Promise.all([0, 1, 2, 3, 4].map(() => assembly.open()));
    for (let i = 0; i < 30; i++)
      expect(
        await fakers[i % fakers.length]!.command({
          type: 'checkIn',
          checkInId: randomUUID(),
          name: `Fake ${i}`,
          institutionId: 'mosque',
        }),
      ).toMatchObject({ ok: true });
    await waitFor(() => namedTotal(screen.state.turnout) === 31, 5_000, 'the flood');
    expect(await door.command({ type: 'undoPhoneCheckIns', since })).toMatchObject({ code: 'forbidden' });
    expect(await chair.command({ type: 'undoPhoneCheckIns', since })).toMatchObject({ ok: true });
    await waitFor(() => namedTotal(screen.state.turnout) === 1, 5_000, 'the flood undone');
    expect(screen.state.turnout.phonesClosed).toBe(true);
    expect(screen.state.turnout.byInstitution).toEqual({ stmarys: 1 });
    expect(
      await phone.command({
        type: 'checkIn',
        checkInId: randomUUID(),
        name: 'Late',
        institutionId: 'mosque',
      }),
    ).toMatchObject({ code: 'phone_check_in_closed' });
    const record = JSON.parse(await exportOf('record.json')) as { journal: { event: { type: string } }[] };
    const types = record.journal.map((e) => e.event.type);
    expect(types).toContain('checkInsMerged');
    expect(types).toContain('phoneCheckInsUndone');
    expect(types.filter((t) => t === 'checkedIn')).toHaveLength(32);
  });
});
