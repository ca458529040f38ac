import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { type Created, post, refusalOf, startAssembly, waitFor } from './harness';

describe('regenerating a staff key', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const keyUrl = (role: string) => `${url}/api/assemblies/${created.code}/keys/${role}`;

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Keys Assembly' });
    created = assembly.created;
    url = assembly.server.url;
  });
  afterEach(() => assembly.close());

  it('stops the old link at once: its open sessions are closed, and it is refused over socket and HTTP', async () => {
    const oldChair = await assembly.open(created.keys.chair);
    const door = await assembly.open(created.keys.door);
    const watcher = await assembly.open(created.keys.admin);
    let closedByServer = false;
    // The old session is told why before it is closed: its page can say the link was replaced.
    const heard: string[] = [];
    oldChair.socket.on('keyReplaced', () => heard.push('keyReplaced'));
    for (const other of [door, watcher]) other.socket.on('keyReplaced', () => heard.push('other role told'));
    oldChair.socket.on('disconnect', (reason) => {
      heard.push(reason);
      if (reason === 'io server disconnect') closedByServer = true;
    });

    const reply = await post(keyUrl('chair'), {}, created.keys.admin);
    expect(reply.status).toBe(200);
    const link = reply.json!.link as string;
    expect(link).toMatch(new RegExp(`^http://phones\\.example/a/${created.code}/chair#key=`));
    const newKey = new URL(link).hash.replace('#key=', '');
    expect(newKey).not.toBe(created.keys.chair);

    await waitFor(() => closedByServer, 5_000, 'the old chair session to be closed');
    expect(heard).toEqual(['keyReplaced', 'io server disconnect']);
    // The door's and organiser's sessions are untouched.
    expect(door.socket.connected).toBe(true);
    expect(watcher.socket.connected).toBe(true);

    expect(
      await refusalOf(url, { v: PROTOCOL_VERSION, code: created.code, key: created.keys.chair }),
    ).toMatchObject({
      code: 'bad_key',
    });
    const oldHttp = await post(
      `${url}/api/assemblies/${created.code}/commands`,
      { type: 'nextItem', fromItemId: null },
      created.keys.chair,
    );
    expect(oldHttp.status).toBe(403);
    expect(oldHttp.json).toMatchObject({ code: 'bad_key' });

    const newChair = await assembly.open(newKey);
    expect(await newChair.command({ type: 'nextItem', fromItemId: null })).toMatchObject({ ok: true });

    // The record shows the regeneration, and never the key or its hash.
    const journal = await (
      await fetch(`${url}/api/assemblies/${created.code}/export/record.json`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).text();
    expect(journal).toContain('"keyRegenerated"');
    expect(journal).not.toContain(newKey);
    const stored = await assembly.server.store.getAssembly(created.code);
    expect(journal).not.toContain(stored!.keyHashes.chair);
  });

  it('needs no body: a bare POST with the organiser key is enough', async () => {
    const response = await fetch(keyUrl('door'), {
      method: 'POST',
      headers: { authorization: `Bearer ${created.keys.admin}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { link: string }).link).toContain('/door#key=');
    // Other POST routes still say what body to send.
    const bare = await fetch(`${url}/api/assemblies/${created.code}/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.keys.admin}` },
    });
    expect(bare.status).toBe(400);
  });

  it('survives a restart: the new key is on disk', async () => {
    const reply = await post(keyUrl('door'), {}, created.keys.admin);
    const newKey = new URL(reply.json!.link as string).hash.replace('#key=', '');
    const stored = await assembly.server.store.getAssembly(created.code);
    const { hashKey, roleForKey } = await import('../../server/assemblies/keys');
    expect(stored!.keyHashes.door).toBe(hashKey(newKey));
    expect(roleForKey(stored!.keyHashes, created.keys.door)).toBeNull();
  });

  it('is for the organiser only, for staff roles only', async () => {
    expect((await post(keyUrl('chair'), {}, created.keys.chair)).status).toBe(403);
    expect((await post(keyUrl('chair'), {})).status).toBe(401);
    expect((await post(keyUrl('public'), {}, created.keys.admin)).status).toBe(404);
    expect((await post(keyUrl('__proto__'), {}, created.keys.admin)).status).toBe(404);
    // Nothing changed: the chair's key still works.
    const chair = await assembly.open(created.keys.chair);
    expect(chair.socket.connected).toBe(true);
  });
});
