import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookup, valuesOf } from '../../shared/domain/register';
import { namedTotal } from '../../shared/domain/turnout';
import type { CommandReply } from '../../shared/protocol/socket';
import { type Created, checkIn, post, startAssembly, waitFor } from './harness';

async function postCsv(url: string, csv: string, key?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: csv,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('turnout: check-in at the door and on phones', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const open = (key?: string) => assembly.open(key);
  const registrantsUrl = () => `${url}/api/assemblies/${created.code}/registrants`;

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Turnout Assembly' });
    created = assembly.created;
    url = assembly.server.url;
  });
  afterEach(() => assembly.close());

  it('names and contacts never reach the screen or phones; door stewards get names without contacts', async () => {
    const [chair, door, phone, screen] = await Promise.all([
      open(created.keys.chair),
      open(created.keys.door),
      open(),
      open(),
    ]);
    const imported = await postCsv(
      registrantsUrl(),
      'name,institution,email\nQuintessa Registrant,St Mary’s,\nXanthippe Ticketholder,east london mosque,xanthippe@private.example\n'.replace(
        '’',
        "'",
      ),
      created.keys.admin,
    );
    expect(imported.status).toBe(200);
    const tickets = imported.json.tickets as { url: string }[];
    const ticketSecret = new URL(tickets[1]!.url).pathname.split('/').pop()!;

    const replies = await Promise.all([
      phone.command(checkIn('Zebedee Selfcheck', { contact: 'zebedee@private.example', consent: true })),
      door.command(
        checkIn('Ottoline Walkin', { contact: '07700 900123', consent: true, device: 'North door' }),
      ),
      door.command(checkIn('Guest Persephone', { institutionId: null, guestOf: 'Hollowell Gazette' })),
      door.command({
        type: 'checkInRegistrant',
        checkInId: randomUUID(),
        registrantId: 'r1',
        device: 'North door',
      }),
      door.command({
        type: 'scanTicket',
        checkInId: randomUUID(),
        ticket: tickets[1]!.url,
        device: 'South door',
      }),
    ]);
    expect(replies.every((reply) => reply.ok)).toBe(true);
    const last = Math.max(...replies.map((reply) => (reply.ok ? reply.seq : 0)));
    for (const client of [chair, door, phone, screen])
      await waitFor(() => client.seq >= last, 5_000, 'catch up');

    expect(screen.state.turnout.byInstitution).toEqual({ stmarys: 3, mosque: 1 });
    expect(screen.state.turnout.guests).toBe(1);
    expect(phone.state.turnout).toEqual(chair.state.turnout);
    expect(namedTotal(door.state.turnout)).toBe(5);

    const secrets = [
      'Quintessa',
      'Xanthippe',
      'xanthippe@private.example',
      'Zebedee',
      'zebedee@private.example',
      'Ottoline',
      '07700 900123',
      'Persephone',
      'Hollowell',
      ticketSecret,
    ];
    for (const client of [phone, screen]) {
      const everything = JSON.stringify(client.received);
      for (const secret of secrets)
        expect(everything, `public client received ${secret}`).not.toContain(secret);
    }
    const doorSaw = JSON.stringify(door.received);
    for (const name of ['Quintessa', 'Xanthippe', 'Zebedee', 'Ottoline', 'Persephone'])
      expect(doorSaw).toContain(name);
    for (const contact of [
      'xanthippe@private.example',
      'zebedee@private.example',
      '07700 900123',
      ticketSecret,
    ])
      expect(doorSaw).not.toContain(contact);
    // The chair (full view) holds the contacts given with consent.
    expect(JSON.stringify(chair.state.attendance)).toContain('zebedee@private.example');
  });

  it('counts the same check-in once when sent five times across three reconnects', async () => {
    const chair = await open(created.keys.chair);
    const phone = await open();
    const command = checkIn('Retrying Rita');
    const replies: CommandReply[] = [];
    replies.push(await phone.command(command));
    for (let reconnect = 0; reconnect < 3; reconnect++) {
      phone.socket.disconnect();
      phone.socket.connect();
      await phone.ready();
      replies.push(await phone.command(command));
      if (reconnect === 0) replies.push(await phone.command(command));
    }
    expect(replies).toHaveLength(5);
    expect(replies.every((reply) => reply.ok)).toBe(true);
    await waitFor(() => chair.seq >= (replies[0]!.ok ? replies[0]!.seq : 0));
    expect(chair.state.attendance.checkIns.size).toBe(1);
    expect(chair.state.turnout.byInstitution).toEqual({ stmarys: 1 });
    expect(phone.state.turnout.byInstitution).toEqual({ stmarys: 1 });
  });

  it('coalesces the public’s turnout updates during a storm, while the door gets every check-in', async () => {
    const door = await open(created.keys.door);
    const phone = await open();
    const before = phone.received.length;
    const replies = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        door.command(checkIn(`Storm ${i}`, { institutionId: i % 2 ? 'mosque' : 'stmarys' })),
      ),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    await waitFor(() => phone.state.turnout.byInstitution.mosque === 150, 5_000, 'public counts');
    expect(phone.state.turnout.byInstitution).toEqual({ stmarys: 150, mosque: 150 });
    const publicBatches = phone.received.length - before;
    // Each batch carries many check-ins as one tally, not one message per check-in.
    expect(publicBatches).toBeLessThan(300 / 5);
    await waitFor(() => door.state.attendance.checkIns.size === 300);
    expect(valuesOf(door.state.attendance.checkIns).filter((c) => c.name.startsWith('Storm'))).toHaveLength(
      300,
    );
  });

  it.each([
    { case: 'an empty name', command: checkIn('   '), code: 'invalid_command' },
    { case: 'a 10,000-character name', command: checkIn('x'.repeat(10_000)), code: 'invalid_command' },
    {
      case: 'an unknown institution',
      command: checkIn('Nora', { institutionId: 'nowhere' }),
      code: 'unknown_institution',
    },
    {
      case: 'a check-in id that is not a UUID',
      command: checkIn('Nora', { checkInId: 'x' }),
      code: 'invalid_command',
    },
    {
      case: 'a malformed ticket',
      command: { type: 'scanTicket', checkInId: randomUUID(), ticket: '%%%<>' },
      code: 'unknown_ticket',
    },
    {
      case: 'a forged ticket',
      command: { type: 'scanTicket', checkInId: randomUUID(), ticket: 'CODE12.AAAAAAAAAAAAAAAAAAAAAA' },
      code: 'unknown_ticket',
    },
  ])('refuses $case with a clear error and changes nothing', async ({ command, code }) => {
    const door = await open(created.keys.door);
    const seq = door.seq;
    const reply = await door.command(command);
    expect(reply).toMatchObject({ ok: false, code });
    if (!reply.ok) expect(reply.message.length).toBeGreaterThan(5);
    expect(door.seq).toBe(seq);
    const state = await (await fetch(`${url}/api/assemblies/${created.code}`)).json();
    expect(state.seq).toBe(seq);
  });

  it('keeps markup in a name as data', async () => {
    const chair = await open(created.keys.chair);
    const id = randomUUID();
    const name = '<img src=x onerror=alert(1)>';
    const reply = await chair.command({ ...checkIn(name), checkInId: id });
    // The chair is not a door steward: refused. The door may.
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    const door = await open(created.keys.door);
    expect(await door.command({ ...checkIn(name), checkInId: id })).toMatchObject({ ok: true });
    await waitFor(() => chair.state.attendance.checkIns.size === 1);
    expect(lookup(chair.state.attendance.checkIns, id)?.name).toBe(name);
  });

  it('lets each role do only its part of turnout', async () => {
    const [phone, door, chair] = await Promise.all([
      open(),
      open(created.keys.door),
      open(created.keys.chair),
    ]);
    const uuid = randomUUID();
    for (const command of [
      { type: 'scanTicket', checkInId: uuid, ticket: 'x' },
      { type: 'undoCheckIn', checkInId: uuid },
      { type: 'setHeadcount', section: '', deviceId: uuid, count: 3 },
      { type: 'checkInRegistrant', checkInId: uuid, registrantId: 'r1' },
      { type: 'markCalled', institutionId: 'stmarys', called: true },
    ])
      expect(await phone.command(command)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await door.command({ type: 'markCalled', institutionId: 'stmarys', called: true })).toMatchObject({
      code: 'forbidden',
    });
    expect(await chair.command({ type: 'markCalled', institutionId: 'stmarys', called: true })).toMatchObject(
      {
        ok: true,
      },
    );
    const anonymous = await post(
      `${url}/api/assemblies/${created.code}/commands`,
      { type: 'setHeadcount', section: '', deviceId: uuid, count: 3 },
      created.keys.chair,
    );
    expect(anonymous.status).toBe(403);
  });

  it('imports registrants from CSV only when every row is good, and serves their tickets', async () => {
    const door = await open(created.keys.door);
    const bad = await postCsv(
      registrantsUrl(),
      'Name,Institution,Email\nAda,St Marys,\n,Mosque,\nBea,East London Mosque,bea@x.org\n',
      created.keys.admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.problems).toEqual([
      "row 2: institution 'St Marys' not found; did you mean St Mary's?",
      'row 3: name: must not be empty',
    ]);
    expect((await postCsv(registrantsUrl(), 'name\nAda\n')).status).toBe(401);
    expect((await postCsv(registrantsUrl(), 'name\nAda\n', created.keys.door)).status).toBe(403);
    expect((await postCsv(registrantsUrl(), 'who,what\nAda,x\n', created.keys.admin)).status).toBe(400);
    expect(door.state.attendance.registrants).toHaveLength(0);

    const good = await post(
      registrantsUrl(),
      {
        registrants: [
          { name: 'Ada Lovelace', institution: "St Mary's", email: 'ada@x.org' },
          { name: 'Guest Gil' },
        ],
      },
      created.keys.admin,
    );
    expect(good.status).toBe(200);
    const tickets = good.json!.tickets as { url: string; name: string }[];
    expect(tickets.map((t) => t.name)).toEqual(['Ada Lovelace', 'Guest Gil']);
    expect(tickets[0]!.url).toMatch(new RegExp(`^http://phones\\.example/t/${created.code}\\.`));

    // The same list again gives nobody a second ticket; an unknown column is refused, not dropped.
    const reimported = await post(
      registrantsUrl(),
      { registrants: [{ name: 'Ada Lovelace', institution: "St Mary's", email: 'ada@x.org' }] },
      created.keys.admin,
    );
    expect(reimported.json).toMatchObject({ added: 0, alreadyRegistered: 1, tickets: [] });
    const unknown = await post(
      registrantsUrl(),
      [{ name: 'J Two', institutionId: 'mosque' }],
      created.keys.admin,
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('institutionId');
    const short = await postCsv(
      registrantsUrl(),
      'name,institution,email\nOnly A Name\n',
      created.keys.admin,
    );
    expect(short.json).toMatchObject({ added: 1 });

    const token = tickets[0]!.url.split('/t/')[1]!;
    const ticket = await (await fetch(`${url}/api/tickets/${token}`)).json();
    expect(ticket).toMatchObject({
      ok: true,
      name: 'Ada Lovelace',
      institution: "St Mary's",
      checkedInAt: null,
    });
    expect(JSON.stringify(ticket)).not.toContain('ada@x.org');
    for (const forged of [`${created.code}.AAAAAAAAAAAAAAAAAAAAAA`, 'nonsense', '%3Cscript%3E'])
      expect((await fetch(`${url}/api/tickets/${forged}`)).status).toBe(404);

    const first = await door.command({
      type: 'scanTicket',
      checkInId: randomUUID(),
      ticket: tickets[0]!.url,
    });
    expect(first.ok).toBe(true);
    const again = await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: token });
    expect(again).toMatchObject({ ok: false, code: 'already_checked_in', at: expect.any(Number) });
    const after = await (await fetch(`${url}/api/tickets/${token}`)).json();
    expect(after.checkedInAt).toEqual(expect.any(Number));
  });

  it('exports turnout and attendees for the organiser only, contacts only with consent', async () => {
    const door = await open(created.keys.door);
    const phone = await open();
    await phone.command(checkIn('Consenting Carla', { contact: 'carla@x.org', consent: true }));
    await phone.command(checkIn('Private Pat', { contact: 'pat@x.org', consent: false }));
    await door.command(checkIn('=HYPERLINK("http://evil")', { institutionId: 'mosque' }));
    await door.command({ type: 'setHeadcount', section: 'Stalls', deviceId: randomUUID(), count: 5 });
    const exportUrl = (file: string) => `${url}/api/assemblies/${created.code}/export/${file}`;
    const get = (file: string, key?: string) =>
      fetch(exportUrl(file), { headers: key ? { authorization: `Bearer ${key}` } : {} });

    expect((await get('turnout.csv')).status).toBe(401);
    expect((await get('turnout.csv', created.keys.chair)).status).toBe(403);
    expect((await get('nothing.csv', created.keys.admin)).status).toBe(404);

    const turnout = await get('turnout.csv', created.keys.admin);
    expect(turnout.headers.get('content-type')).toContain('text/csv');
    expect(turnout.headers.get('content-disposition')).toContain(`${created.code}-turnout.csv`);
    const lines = (await turnout.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(lines[0]).toBe(
      `kind,name,section,committed,registered,checked_in,percent_of_commitment,headcount,called_at (${zone})`,
    );
    expect(lines).toContain("institution,St Mary's,Stalls,20,0,2,10%,,");
    expect(lines).toContain('guests,Guests,,,0,0,,,');
    expect(lines).toContain('section,Stalls,Stalls,20,0,2,10%,5,');
    expect(lines).toContain('total,Total,,50,0,3,6%,5,');

    const attendees = await (await get('attendees.csv', created.keys.admin)).text();
    expect(attendees).toContain('carla@x.org');
    expect(attendees).toContain('Private Pat');
    expect(attendees).not.toContain('pat@x.org');
    // A formula typed as a name stays text in a spreadsheet.
    expect(attendees).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('exports every registrant with their ticket link before the night, for the organiser only', async () => {
    const imported = await postCsv(
      registrantsUrl(),
      "name,institution,email\nAda Lovelace,St Mary's,ada@x.org\n=cmd|calc,,\nBo Early,,\n",
      created.keys.admin,
    );
    expect(imported.status).toBe(200);
    const tickets = imported.json.tickets as { name: string; url: string }[];
    const exportUrl = `${url}/api/assemblies/${created.code}/export/registrants.csv`;
    const get = (key?: string) =>
      fetch(exportUrl, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get(created.keys.chair)).status).toBe(403);
    expect((await get(created.keys.door)).status).toBe(403);

    const before = await get(created.keys.admin);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-disposition')).toContain(`${created.code}-registrants.csv`);
    const lines = (await before.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const ada = tickets.find((t) => t.name === 'Ada Lovelace')!;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(lines).toEqual([
      `name,institution,email,ticket_link,checked_in_at (${zone}),came_in_by`,
      `Ada Lovelace,St Mary's,ada@x.org,${ada.url},,`,
      // A formula typed as a name stays text in a spreadsheet.
      `"'=cmd|calc",Guest,,${tickets.find((t) => t.name === '=cmd|calc')!.url},,`,
      `Bo Early,Guest,,${tickets.find((t) => t.name === 'Bo Early')!.url},,`,
    ]);
    // The same absolute links the import gave (and the tickets sheet prints).
    expect(ada.url).toMatch(/^http:\/\/.+\/t\/.+/);

    const door = await open(created.keys.door);
    expect((await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: ada.url })).ok).toBe(
      true,
    );
    const after = (await (await get(created.keys.admin)).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(after[1]).toMatch(
      new RegExp(
        `^Ada Lovelace,St Mary's,ada@x.org,${ada.url},\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,Ticket scan$`,
      ),
    );
    expect(after[3]).toMatch(/,,$/);
  });
});
