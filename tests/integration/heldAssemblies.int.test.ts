import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HELD_ASSEMBLIES_LIMIT } from '../../shared/protocol/heldAssemblies';
import { type Created, createAssembly, importSetup, post, SMALL_SETUP, startServer } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

const START = Date.UTC(2030, 5, 1, 17, 0);
const END = Date.UTC(2030, 5, 1, 19, 0);

describe('the home page’s list: dates and status for the keys a browser holds', () => {
  let server: Server;
  let dated: Created;
  let plain: Created;
  beforeEach(async () => {
    server = await startServer();
    dated = await createAssembly(server.url, {
      title: 'Riverside 2030',
      venue: "St Mary's Hall",
      startsAt: START,
      endsAt: END,
      timeZone: 'Europe/London',
    });
    plain = await createAssembly(server.url, { title: 'Undated' });
    await importSetup(server.url, plain, SMALL_SETUP);
  });
  afterEach(() => server.close());

  const held = (assemblies: unknown) => post(`${server.url}/api/held`, { assemblies });

  it('tells each held assembly’s date, venue and status to a holder of any of its staff keys', async () => {
    // The chair starts the undated one: it is under way.
    const started = await post(
      `${server.url}/api/assemblies/${plain.code}/commands`,
      { type: 'nextItem', fromItemId: null },
      plain.keys.chair,
    );
    expect(started.status, JSON.stringify(started.json)).toBe(200);
    const reply = await held([
      { code: dated.code, key: dated.keys.admin },
      { code: plain.code, key: plain.keys.door },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ok: true,
      assemblies: [
        {
          code: dated.code,
          ok: true,
          role: 'admin',
          title: 'Riverside 2030',
          venue: "St Mary's Hall",
          startsAt: START,
          endsAt: END,
          timeZone: 'Europe/London',
          status: 'draft',
        },
        {
          code: plain.code,
          ok: true,
          role: 'door',
          title: 'Undated',
          venue: '',
          startsAt: null,
          endsAt: null,
          timeZone: '',
          status: 'live',
        },
      ],
    });
  });

  it('tells nothing to a wrong or replaced key, nor of an assembly this server does not have', async () => {
    const oldChair = plain.keys.chair;
    const replaced = await post(
      `${server.url}/api/assemblies/${plain.code}/keys/chair`,
      {},
      plain.keys.admin,
    );
    expect(replaced.status).toBe(200);
    const reply = await held([
      { code: dated.code, key: plain.keys.admin },
      { code: plain.code, key: oldChair },
      { code: 'ZZZZZZ', key: dated.keys.admin },
      { code: 'not-a-code', key: dated.keys.admin },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      ok: true,
      assemblies: [
        { code: dated.code, ok: false, refused: 'bad_key' },
        { code: plain.code, ok: false, refused: 'bad_key' },
        { code: 'ZZZZZZ', ok: false, refused: 'unknown_assembly' },
        { code: 'not-a-code', ok: false, refused: 'unknown_assembly' },
      ],
    });
    expect(JSON.stringify(reply.json)).not.toContain('Riverside');
  });

  it('made-up codes count against the address’s reads: a flood of them stops being looked up, right keys still answer', async () => {
    const madeUp = (n: number) =>
      Array.from({ length: HELD_ASSEMBLIES_LIMIT }, (_, i) => ({ code: `Z${n}X${i}`, key: 'nokey' }));
    const refusals: string[] = [];
    for (let round = 0; round < 3; round++) {
      const reply = await held(madeUp(round));
      expect(reply.status).toBe(200);
      for (const entry of reply.json!.assemblies as { refused?: string }[]) refusals.push(entry.refused!);
    }
    // 120 public reads a minute: the first 120 made-up codes are looked up, the rest are not.
    expect(refusals.filter((r) => r === 'unknown_assembly')).toHaveLength(120);
    expect(refusals.filter((r) => r === 'rate_limited')).toHaveLength(180);
    // The right key for a real assembly costs nothing, but waits with the rest of the address.
    const mine = await held([{ code: dated.code, key: dated.keys.admin }]);
    expect(mine.json!.assemblies).toEqual([{ code: dated.code, ok: false, refused: 'rate_limited' }]);
  });

  it('refuses a malformed request with a clear error, and changes nothing', async () => {
    const before = await (
      await fetch(`${server.url}/api/assemblies/${dated.code}`, {
        headers: { authorization: `Bearer ${dated.keys.admin}` },
      })
    ).json();
    const bad: unknown[] = [
      {},
      { assemblies: 'ABC' },
      { assemblies: [{ code: dated.code }] },
      { assemblies: [{ code: dated.code, key: 'has spaces and ; semicolons' }] },
      { assemblies: [{ code: dated.code, key: dated.keys.admin, role: 'admin' }] },
      { assemblies: [{ code: '', key: dated.keys.admin }] },
      { assemblies: [{ code: dated.code, key: 'k'.repeat(65) }] },
      {
        assemblies: Array.from({ length: HELD_ASSEMBLIES_LIMIT + 1 }, () => ({
          code: dated.code,
          key: dated.keys.admin,
        })),
      },
      { assemblies: [], extra: true },
    ];
    for (const body of bad) {
      const reply = await post(`${server.url}/api/held`, body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(reply.json).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(String(reply.json!.message).length).toBeGreaterThan(0);
    }
    expect((await post(`${server.url}/api/held`, '{"assemblies": [', undefined, true)).json).toMatchObject({
      code: 'bad_json',
    });
    const after = await (
      await fetch(`${server.url}/api/assemblies/${dated.code}`, {
        headers: { authorization: `Bearer ${dated.keys.admin}` },
      })
    ).json();
    expect(after.seq).toBe(before.seq);
    expect(after.state).toEqual(before.state);
  });
});

describe('where the links point', () => {
  let server: Server;
  afterEach(() => server.close());

  it('the home page is told where the links point and which server this is, and any page may ask', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/api/creating`);
    const told = await response.json();
    expect(told).toEqual({
      ok: true,
      needsToken: false,
      publicUrl: 'http://phones.example',
      server: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      localhost: `http://localhost:${server.port}`,
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    // The same server answers the same; another server (another process) does not.
    expect((await (await fetch(`${server.url}/api/creating`)).json()).server).toBe(told.server);
    const other = await startServer();
    try {
      expect((await (await fetch(`${other.url}/api/creating`)).json()).server).not.toBe(told.server);
    } finally {
      await other.close();
    }
    // A page on the LAN may ask this server's localhost (Chrome asks first, for a more private address).
    const preflight = await fetch(`${server.url}/api/creating`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://192.168.1.20:3000',
        'access-control-request-method': 'GET',
        'access-control-request-private-network': 'true',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    // Pages may fetch from this server's localhost and the links' address, and nowhere else over http.
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(
      new RegExp(`connect-src 'self' ws: wss: http://localhost:${server.port} http://phones\\.example(;|$)`),
    );
  });

  it('a ticket tells its holder the planned finish and the assembly’s time zone', async () => {
    server = await startServer();
    const created = await createAssembly(server.url, {
      title: 'Ticketed',
      venue: 'Hall',
      startsAt: START,
      endsAt: END,
      timeZone: 'Europe/London',
    });
    const imported = await post(
      `${server.url}/api/assemblies/${created.code}/registrants`,
      { registrants: [{ name: 'Ada Lovelace' }] },
      created.keys.admin,
    );
    const [ticket] = imported.json!.tickets as { url: string }[];
    const token = ticket!.url.split('/t/')[1]!;
    const reply = await (await fetch(`${server.url}/api/tickets/${token}`)).json();
    expect(reply.assembly).toMatchObject({
      venue: 'Hall',
      startsAt: START,
      endsAt: END,
      timeZone: 'Europe/London',
    });
  });
});
