import { io as connectSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { type Created, post, refusalOf, startAssembly, waitFor } from './harness';

describe('roles, keys and bad input', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let server: typeof assembly.server;
  let created: Created;
  const open = (key?: string) => assembly.open(key);
  const journalLength = async () => (await server.store.readJournal(created.code, 0)).length;

  beforeEach(async () => {
    assembly = await startAssembly();
    ({ server, created } = assembly);
  });

  afterEach(() => assembly.close());

  it('stores keys only as hashes', async () => {
    const record = await server.store.getAssembly(created.code);
    const stored = JSON.stringify(record);
    for (const key of Object.values(created.keys)) expect(stored).not.toContain(key);
  });

  it('without the chair key no chair command runs, over socket or HTTP', async () => {
    const before = await journalLength();
    const screen = await open();
    expect(await screen.command({ type: 'startTimer' })).toMatchObject({ ok: false, code: 'forbidden' });
    const door = await open(created.keys.door);
    expect(await door.command({ type: 'nextItem', fromItemId: null })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    const url = `${server.url}/api/assemblies/${created.code}/commands`;
    const command = { type: 'nextItem', fromItemId: null };
    expect(await post(url, command)).toMatchObject({
      status: 401,
      json: { ok: false, code: 'key_required' },
    });
    expect(await post(url, command, created.keys.door)).toMatchObject({
      status: 403,
      json: { code: 'forbidden' },
    });
    expect(await post(url, command, 'forged-key-forged-key-xx')).toMatchObject({
      status: 403,
      json: { code: 'bad_key' },
    });
    expect(await journalLength()).toBe(before);
  });

  it('only the organiser imports; the chair cannot', async () => {
    const url = `${server.url}/api/assemblies/${created.code}/import`;
    const setup = { agenda: [{ kind: 'welcome' as const, title: 'Hijacked', minutes: 1 }] };
    expect(await post(url, setup, created.keys.chair)).toMatchObject({
      status: 403,
      json: { code: 'forbidden' },
    });
    expect(await post(url, setup)).toMatchObject({ status: 401, json: { code: 'key_required' } });
    const screen = await open();
    expect(await screen.command({ type: 'importSetup', setup })).toMatchObject({ code: 'forbidden' });
    expect(screen.state.agenda[0]!.title).toBe('Welcome');
  });

  it('a forged key is refused with a clear error, over socket', async () => {
    expect(
      await refusalOf(server.url, { code: created.code, key: 'not-the-key', v: PROTOCOL_VERSION }),
    ).toEqual({
      code: 'bad_key',
      message: expect.stringContaining('not valid'),
    });
  });

  it('repeated wrong keys are rate limited, but the right key still opens its role', async () => {
    for (let i = 0; i < 10; i++) {
      const refusal = await refusalOf(server.url, {
        code: created.code,
        key: `guess-${i}`,
        v: PROTOCOL_VERSION,
      });
      expect(refusal.code).toBe('bad_key');
    }
    expect(
      await refusalOf(server.url, { code: created.code, key: 'guess-10', v: PROTOCOL_VERSION }),
    ).toMatchObject({
      code: 'rate_limited',
    });
    const url = `${server.url}/api/assemblies/${created.code}/commands`;
    expect(await post(url, { type: 'undo' }, 'guess-11')).toMatchObject({
      status: 429,
      json: { code: 'rate_limited' },
    });
    // A steward's stale link, retried, must not lock the chair out on the night.
    const chair = await open(created.keys.chair);
    expect((await chair.command({ type: 'nextItem', fromItemId: null })).ok).toBe(true);
    expect(await post(url, { type: 'startTimer' }, created.keys.chair)).toMatchObject({ status: 200 });
  });

  it('an unknown assembly code is refused, over socket and HTTP', async () => {
    expect(await refusalOf(server.url, { code: 'ZZZZZZ', v: PROTOCOL_VERSION })).toMatchObject({
      code: 'unknown_assembly',
    });
    expect(await refusalOf(server.url, { code: '../../etc', v: PROTOCOL_VERSION })).toMatchObject({
      code: 'unknown_assembly',
    });
    const result = await post(`${server.url}/api/assemblies/ZZZZZZ/commands`, { type: 'undo' }, 'k');
    expect(result).toMatchObject({ status: 404, json: { ok: false, code: 'unknown_assembly' } });
  });

  it('a stale client is told to reload', async () => {
    expect(await refusalOf(server.url, { code: created.code, v: PROTOCOL_VERSION - 1 })).toMatchObject({
      code: 'protocol_mismatch',
    });
    expect(await refusalOf(server.url, { code: created.code })).toMatchObject({ code: 'protocol_mismatch' });
    expect(await refusalOf(server.url, { nonsense: true })).toMatchObject({ code: 'protocol_mismatch' });
  });

  it.each([
    { name: 'not an object', payload: 'startTimer', code: 'invalid_command' },
    { name: 'null', payload: null, code: 'invalid_command' },
    { name: 'an array', payload: [1, 2], code: 'invalid_command' },
    { name: 'an unknown command', payload: { type: 'launchMissiles' }, code: 'unknown_command' },
    { name: 'a prototype key as type', payload: { type: '__proto__' }, code: 'unknown_command' },
    { name: 'wrong types', payload: { type: 'adjustTimer', deltaMs: '30' }, code: 'invalid_command' },
    { name: 'a fraction', payload: { type: 'adjustTimer', deltaMs: 0.5 }, code: 'invalid_command' },
    { name: 'extra fields', payload: { type: 'startTimer', also: 1 }, code: 'invalid_command' },
    { name: 'an unknown scene', payload: { type: 'setScene', scene: 'disco' }, code: 'invalid_command' },
    { name: 'an empty message', payload: { type: 'showMessage', text: '   ' }, code: 'invalid_command' },
    {
      name: 'a 50 KB message',
      payload: { type: 'showMessage', text: 'x'.repeat(50_000) },
      code: 'invalid_command',
    },
    { name: 'an unknown item', payload: { type: 'goToItem', itemId: 'nope' }, code: 'unknown_item' },
    { name: 'a timer with no item', payload: { type: 'startTimer' }, code: 'no_current_item' },
    { name: 'undo with nothing done', payload: { type: 'undo' }, code: 'nothing_to_undo' },
  ])('$name gets a coded error and changes nothing', async ({ payload, code }) => {
    const chair = await open(created.keys.chair);
    const before = await journalLength();
    const reply = await chair.command(payload as Record<string, unknown>);
    expect(reply).toMatchObject({ ok: false, code, message: expect.any(String) });
    expect(await journalLength()).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('a 5 MB socket message closes only that connection; nothing changes, the server runs on', async () => {
    const chair = await open(created.keys.chair);
    const before = await journalLength();
    const other = await open();
    let reason = '';
    chair.socket.io.reconnection(false);
    chair.socket.on('disconnect', (why) => {
      reason = why;
    });
    chair.socket.emit('command', { type: 'showMessage', text: 'x'.repeat(5 * 1024 * 1024) }, () => {});
    await waitFor(() => reason !== '', 10_000, 'the oversized connection to close');
    expect(await journalLength()).toBe(before);
    expect(other.socket.connected).toBe(true);
    const again = await open(created.keys.chair);
    expect((await again.command({ type: 'nextItem', fromItemId: null })).ok).toBe(true);
  });

  it('bad HTTP bodies get coded errors: 5 MB, broken JSON, wrong shapes', async () => {
    const before = await journalLength();
    const importUrl = `${server.url}/api/assemblies/${created.code}/import`;
    const huge = JSON.stringify({
      agenda: [{ kind: 'welcome', title: 'x'.repeat(5 * 1024 * 1024), minutes: 1 }],
    });
    expect(await post(importUrl, huge, created.keys.admin, true)).toMatchObject({
      status: 413,
      json: { ok: false, code: 'payload_too_large' },
    });
    expect(await post(importUrl, '{"agenda": [', created.keys.admin, true)).toMatchObject({
      status: 400,
      json: { code: 'bad_json' },
    });
    const wrong = await post(
      importUrl,
      { agenda: [{ kind: 'party', title: 'x', minutes: -1 }] },
      created.keys.admin,
    );
    expect(wrong).toMatchObject({ status: 400, json: { code: 'invalid_setup' } });
    expect(String(wrong.json?.message)).toMatch(/agenda\.0\.kind/);
    const dangling = await post(
      importUrl,
      { agenda: [{ kind: 'ask', title: 'The ask', minutes: 2, ask: 'missing' }] },
      created.keys.admin,
    );
    expect(dangling).toMatchObject({ status: 400, json: { code: 'invalid_setup' } });
    expect(String(dangling.json?.message)).toContain('no ask with id "missing"');

    const create = `${server.url}/api/assemblies`;
    expect(await post(create, { title: '' })).toMatchObject({ status: 400, json: { code: 'invalid_body' } });
    expect(await post(create, { title: 'A', startsAt: 'next tuesday-ish' })).toMatchObject({ status: 400 });
    expect(
      await post(create, { title: 'A', startsAt: 2_000_000_000_000, endsAt: 1_900_000_000_000 }),
    ).toMatchObject({
      status: 400,
    });
    expect(await post(create, [])).toMatchObject({ status: 400 });
    expect(await journalLength()).toBe(before);
  });

  it('malformed URLs and bodies get plain errors, never a stack trace', async () => {
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, text: await response.text() };
    };
    const badParam = await get('/api/assemblies/%E0%A4%A');
    expect(badParam.status).toBe(400);
    expect(JSON.parse(badParam.text)).toMatchObject({ ok: false, code: 'invalid_body' });
    for (const path of [
      '/assets/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%E0%A4%A',
    ]) {
      const result = await get(path);
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.text).not.toMatch(/at |node_modules|Error:|"name"/);
    }
    const plain = await fetch(`${server.url}/api/assemblies`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'title=Assembly',
    });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({
      code: 'invalid_body',
      message: expect.stringContaining('application/json'),
    });
  });

  it('sync with a malformed request, and a command without an ack, change nothing', async () => {
    const raw = connectSocket(server.url, {
      auth: { code: created.code, key: created.keys.chair, v: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise((resolve) => raw.on('connect', () => resolve(null)));
    const reply = await raw.emitWithAck('sync', { seq: 'lots' });
    expect(reply).toMatchObject({ ok: false, code: 'invalid_body' });
    raw.emit('sync', { epoch: null, seq: 0 });
    raw.emit('command', { type: 'nope' });
    raw.emit('no-such-event', 1, 2, 3);
    const chair = await open(created.keys.chair);
    expect((await chair.command({ type: 'nextItem', fromItemId: null })).ok).toBe(true);
    raw.disconnect();
  });
});
