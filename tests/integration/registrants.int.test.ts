import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookup } from '../../shared/domain/register';
import { type Created, post, startAssembly, waitFor } from './harness';

// Correcting and removing registrants one at a time, through a real server and sockets.

describe('registrants: corrected and removed one at a time', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  let tickets: { id: string; name: string; url: string }[];
  const commandsUrl = () => `${url}/api/assemblies/${created.code}/commands`;
  const ticketOf = (name: string) => tickets.find((t) => t.name === name)!.url.split('/t/')[1]!;
  const fetchTicket = (token: string) => fetch(`${url}/api/tickets/${token}`);

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Registrants Assembly' });
    created = assembly.created;
    url = assembly.server.url;
    const imported = await post(
      `${url}/api/assemblies/${created.code}/registrants`,
      {
        registrants: [
          { name: 'Grace Obi', institution: "St Mary's", email: 'grace@private.example' },
          { name: 'Yusuf Ali', institution: 'East London Mosque' },
          { name: 'Ade Bello', institution: "St Mary's" },
        ],
      },
      created.keys.admin,
    );
    expect(imported.status).toBe(200);
    tickets = imported.json!.tickets as typeof tickets;
  });
  afterEach(() => assembly.close());

  const graceUpdate = (extra: Record<string, unknown> = {}) => ({
    type: 'updateRegistrant',
    registrantId: 'r1',
    name: 'Grace Obih',
    institutionId: 'mosque',
    email: 'grace@private.example',
    ...extra,
  });

  it('only the organiser may correct or remove a registrant, on a socket or over HTTP', async () => {
    const [chair, door, phone, admin] = await Promise.all([
      assembly.open(created.keys.chair),
      assembly.open(created.keys.door),
      assembly.open(),
      assembly.open(created.keys.admin),
    ]);
    const remove = { type: 'removeRegistrant', registrantId: 'r2' };
    for (const client of [chair, door, phone]) {
      expect(await client.command(graceUpdate())).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await client.command(remove)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    for (const key of [created.keys.chair, created.keys.door, undefined]) {
      const response = await post(commandsUrl(), remove, key);
      expect([401, 403]).toContain(response.status);
    }
    expect(admin.state.attendance.registrants.map((r) => r.name)).toEqual([
      'Grace Obi',
      'Yusuf Ali',
      'Ade Bello',
    ]);

    const updated = await admin.command(graceUpdate());
    expect(updated).toMatchObject({ ok: true });
    const removed = await post(commandsUrl(), remove, created.keys.admin);
    expect(removed.status).toBe(200);
    await waitFor(() => admin.state.attendance.registrants.length === 2, 5_000, 'removal');
    expect(admin.state.attendance.registrants.map((r) => r.name)).toEqual(['Grace Obih', 'Ade Bello']);
  });

  it('bad input and refusals change nothing', async () => {
    const admin = await assembly.open(created.keys.admin);
    const before = admin.seq;
    const stateBefore = JSON.stringify(admin.state.attendance);
    const cases: [Record<string, unknown>, string][] = [
      [graceUpdate({ name: '' }), 'invalid_command'],
      [graceUpdate({ institutionId: 'nowhere' }), 'unknown_institution'],
      [graceUpdate({ registrantId: 'r99' }), 'unknown_registrant'],
      [graceUpdate({ ticket: 'ABC234.aaaaaaaaaaaaaaaaaaaa' }), 'invalid_command'],
      [graceUpdate({ name: 'YUSUF ALI', email: '' }), 'already_registered'],
      [{ type: 'removeRegistrant', registrantId: 'r99' }, 'unknown_registrant'],
      [{ type: 'removeRegistrant', registrantId: { $ne: null } }, 'invalid_command'],
    ];
    for (const [command, code] of cases) {
      expect(await admin.command(command)).toMatchObject({ ok: false, code });
      const http = await post(commandsUrl(), command, created.keys.admin);
      expect(http.status).toBeGreaterThanOrEqual(400);
      expect(http.json).toMatchObject({ ok: false, code });
    }
    expect(admin.seq).toBe(before);
    expect(JSON.stringify(admin.state.attendance)).toBe(stateBefore);
  });

  it('the door sees the corrected name without contacts; the public hears no name; the ticket stays the same', async () => {
    const [admin, door, phone] = await Promise.all([
      assembly.open(created.keys.admin),
      assembly.open(created.keys.door),
      assembly.open(),
    ]);
    const token = ticketOf('Grace Obi');
    const reply = await admin.command(graceUpdate());
    expect(reply.ok).toBe(true);
    const seq = reply.ok ? reply.seq : 0;
    for (const client of [door, phone]) await waitFor(() => client.seq >= seq, 5_000, 'catch up');
    expect(door.state.attendance.registrants[0]).toEqual({
      id: 'r1',
      name: 'Grace Obih',
      institutionId: 'mosque',
      email: '',
      ticket: '',
    });
    expect(JSON.stringify(door.received)).not.toContain('grace@private.example');
    expect(JSON.stringify(door.received)).not.toContain(token);
    expect(JSON.stringify(phone.received)).not.toMatch(/Obi|private\.example|registrantUpdated/);
    expect(admin.state.attendance.registrants[0]!.ticket).toBe(token);

    // The same ticket now shows, and admits, the corrected person.
    expect(await (await fetchTicket(token)).json()).toMatchObject({
      ok: true,
      name: 'Grace Obih',
      institution: 'East London Mosque',
    });
    const scanned = await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: token });
    expect(scanned.ok).toBe(true);
    await waitFor(() => lookup(admin.state.attendance.admitted, 'r1') !== undefined, 5_000, 'check-in');
    expect(admin.state.turnout.byInstitution).toEqual({ mosque: 1 });
  });

  it('a removed registrant’s ticket is withdrawn; someone checked in cannot be removed; the record keeps the removal', async () => {
    const [admin, door] = await Promise.all([
      assembly.open(created.keys.admin),
      assembly.open(created.keys.door),
    ]);
    const ade = ticketOf('Ade Bello');
    expect((await fetchTicket(ade)).status).toBe(200);
    expect(await admin.command({ type: 'removeRegistrant', registrantId: 'r3' })).toMatchObject({ ok: true });

    const page = await fetchTicket(ade);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({
      code: 'ticket_withdrawn',
      message: expect.stringMatching(/withdrawn/),
    });
    expect(await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: ade })).toMatchObject({
      ok: false,
      code: 'ticket_withdrawn',
    });
    // A ticket that never was is still unknown.
    expect((await fetchTicket(`${created.code}.AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);

    // Yusuf came in: removing him is refused until the door undoes his check-in.
    const checkInId = randomUUID();
    expect(
      await door.command({ type: 'checkInRegistrant', checkInId, registrantId: 'r2', device: 'North door' }),
    ).toMatchObject({ ok: true });
    expect(await admin.command({ type: 'removeRegistrant', registrantId: 'r2' })).toMatchObject({
      ok: false,
      code: 'registrant_checked_in',
      message: 'Yusuf Ali is checked in: undo the check-in at the door first.',
    });
    expect(await door.command({ type: 'undoCheckIn', checkInId })).toMatchObject({ ok: true });
    expect(await admin.command({ type: 'removeRegistrant', registrantId: 'r2' })).toMatchObject({ ok: true });

    // A new registrant never takes a removed one's id.
    const added = await post(
      `${url}/api/assemblies/${created.code}/registrants`,
      { registrants: [{ name: 'Bola Ade', institution: '' }] },
      created.keys.admin,
    );
    expect(added.json).toMatchObject({ added: 1, tickets: [{ id: 'r4' }] });

    const record = await (
      await fetch(`${url}/api/assemblies/${created.code}/export/record.json`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).json();
    const removals = record.journal.filter(
      (e: { event: { type: string } }) => e.event.type === 'registrantRemoved',
    );
    expect(
      removals.map((e: { actor: string; event: { registrantId: string } }) => [
        e.actor,
        e.event.registrantId,
      ]),
    ).toEqual([
      ['admin', 'r3'],
      ['admin', 'r2'],
    ]);
  });
});
