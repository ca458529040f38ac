import { afterEach, describe, expect, it } from 'vitest';
import { type Created, createAssembly, importSetup, post, startServer } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

async function create(url: string, body: object, token?: string, path = '/api/assemblies', key?: string) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined ? { 'x-admin-token': token } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('creating assemblies', () => {
  let server: Server;
  afterEach(() => server.close());

  it('with ADMIN_TOKEN set, needs the token to create or duplicate; a wrong one changes nothing', async () => {
    server = await startServer({ adminToken: 's3cret-token-for-tests' });
    const { url } = server;
    expect(await (await fetch(`${url}/api/creating`)).json()).toMatchObject({ ok: true, needsToken: true });
    expect(await create(url, { title: 'No token' })).toMatchObject({
      status: 401,
      json: { code: 'admin_token_required' },
    });
    expect(await create(url, { title: 'Wrong' }, 's3cret-token-for-test')).toMatchObject({
      status: 403,
      json: { code: 'bad_admin_token' },
    });
    expect(await create(url, { title: 'Longer' }, 's3cret-token-for-tests-and-more')).toMatchObject({
      status: 403,
    });
    expect(await server.store.listAssemblies()).toHaveLength(0);
    const made = await create(url, { title: 'Right' }, 's3cret-token-for-tests');
    expect(made.status).toBe(201);
    const code = made.json.code as string;
    const adminKey = new URL((made.json.links as Record<string, string>).admin!).hash.slice(5);
    // Duplicating is creating too: the organiser key alone is not enough.
    expect(
      (await create(url, { title: 'Copy' }, undefined, `/api/assemblies/${code}/duplicate`, adminKey)).status,
    ).toBe(401);
    expect(
      (
        await create(
          url,
          { title: 'Copy' },
          's3cret-token-for-tests',
          `/api/assemblies/${code}/duplicate`,
          adminKey,
        )
      ).status,
    ).toBe(201);
    // Guessing is stopped: past ten wrong tokens a minute every try is rate limited, the
    // right one too, so a guess that happens to be right tells the guesser nothing.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await create(url, { title: 'Guess' }, `guess-${i}`)).status);
    // Two wrong ones above, eight here: ten.
    expect(statuses).toEqual([...Array(8).fill(403), ...Array(4).fill(429)]);
    expect(await create(url, { title: 'Right but blocked' }, 's3cret-token-for-tests')).toMatchObject({
      status: 429,
      json: { code: 'rate_limited' },
    });
    expect(await server.store.listAssemblies()).toHaveLength(2);
  });

  it('without ADMIN_TOKEN anyone may create', async () => {
    server = await startServer();
    expect(await (await fetch(`${server.url}/api/creating`)).json()).toMatchObject({
      ok: true,
      needsToken: false,
    });
    expect((await create(server.url, { title: 'Open' })).status).toBe(201);
  });

  it('duplicates an assembly: institutions and power-holders, and the commitments still open', async () => {
    server = await startServer();
    const { url } = server;
    const source: Created = await createAssembly(url, { title: 'Assembly 2025' });
    await importSetup(url, source, {
      institutions: [{ id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 }],
      powerHolders: [
        { id: 'mayor', name: 'Mayor' },
        { id: 'ceo', name: 'CEO' },
      ],
      asks: [
        { id: 'homes', title: 'Homes', wording: 'Will you build homes?', targets: ['mayor', 'ceo'] },
        { id: 'jobs', title: 'Jobs', wording: 'Living wage?', targets: ['ceo'] },
      ],
      agenda: [{ id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 5 }],
    });
    const command = (body: object) =>
      post(`${url}/api/assemblies/${source.code}/commands`, body, source.keys.admin);
    await command({ type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'yes' });
    await command({ type: 'recordResponse', askId: 'homes', powerHolderId: 'ceo', answer: 'no' });
    await command({ type: 'recordResponse', askId: 'jobs', powerHolderId: 'ceo', answer: 'waffle' });

    const path = `/api/assemblies/${source.code}/duplicate`;
    expect((await create(url, { title: 'Copy' }, undefined, path)).status).toBe(401);
    expect((await create(url, { title: 'Copy' }, undefined, path, source.keys.chair)).status).toBe(403);
    expect((await create(url, { title: '' }, undefined, path, source.keys.admin)).status).toBe(400);
    expect((await create(url, { title: 'Copy', extra: 1 }, undefined, path, source.keys.admin)).status).toBe(
      400,
    );
    expect(await server.store.listAssemblies()).toHaveLength(1);

    const copy = await create(
      url,
      { title: 'Assembly 2026', venue: 'New Hall' },
      undefined,
      path,
      source.keys.admin,
    );
    expect(copy.status).toBe(201);
    expect(copy.json.carriedForward).toBe(1);
    const adminKey = new URL((copy.json.links as Record<string, string>).admin!).hash.slice(5);
    expect(adminKey).not.toBe(source.keys.admin);
    const { state } = await (
      await fetch(`${url}/api/assemblies/${copy.json.code}`, {
        headers: { authorization: `Bearer ${adminKey}` },
      })
    ).json();
    expect(state.title).toBe('Assembly 2026');
    expect(state.institutions).toEqual([
      { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 },
    ]);
    expect(state.powerHolders.map((p: { id: string }) => p.id)).toEqual(['mayor', 'ceo']);
    expect(state.asks).toMatchObject([
      { id: 'homes', title: 'Homes (carried forward from Assembly 2025)', targetIds: ['mayor'] },
    ]);
    expect(state.agenda).toEqual([]);
    expect(state.responses).toEqual({});
  });
});
