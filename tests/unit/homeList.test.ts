import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeldAssembly } from '../../client/src/connection/heldKeys';
import { findListHome, handOffUrl, mergeHeld, readHandOff } from '../../client/src/screens/home/handOff';
import { lanAddress, publicBaseUrl, reachableLanAddress } from '../../server/http/publicUrl';

const held = (code: string, at: number, keys: HeldAssembly['keys'], title = code): HeldAssembly => ({
  code,
  title,
  keys,
  at,
});

describe('one list of assemblies from every address of the server', () => {
  it('merges another address’s list: both keys, the more recently used one’s where they differ', () => {
    const mine = [held('AAAAAA', 100, { admin: 'old-admin', chair: 'chair-a' }, 'Old title')];
    const carried = [
      held('AAAAAA', 200, { admin: 'new-admin', door: 'door-a' }, 'New title'),
      held('BBBBBB', 150, { chair: 'chair-b' }),
    ];
    expect(mergeHeld(mine, carried, {})).toEqual([
      held('AAAAAA', 200, { admin: 'new-admin', chair: 'chair-a', door: 'door-a' }, 'New title'),
      held('BBBBBB', 150, { chair: 'chair-b' }),
    ]);
    // The other way round: this address used it last, so its key stands.
    expect(mergeHeld(carried.slice(0, 1), mine, {})[0]!.keys.admin).toBe('new-admin');
  });

  it('keeps an assembly forgotten here forgotten, unless the other address used it since', () => {
    const carried = [held('AAAAAA', 100, { admin: 'a' }), held('BBBBBB', 300, { admin: 'b' })];
    expect(mergeHeld([], carried, { AAAAAA: 200, BBBBBB: 200 }).map((h) => h.code)).toEqual(['BBBBBB']);
  });

  it('carries the list in the fragment and reads back only what is well formed', () => {
    const list = [held('AAAAAA', 100, { admin: 'key_1-A' }, 'Café “quoted” & more')];
    const url = new URL(handOffUrl('http://192.168.1.20:3000', 'http://localhost:3000', list));
    expect(url.origin).toBe('http://192.168.1.20:3000');
    expect(url.pathname).toBe('/');
    expect(url.search).toBe('');
    expect(readHandOff(url.hash)).toEqual({ from: 'http://localhost:3000', held: list });

    const tampered = new URLSearchParams({
      from: 'http://localhost:3000',
      held: JSON.stringify([
        { code: 'bad code', title: '', keys: {}, at: 1 },
        { code: 'CCCCCC', title: '', keys: { admin: 'a b' }, at: 1 },
        { code: 'DDDDDD', title: 'ok', keys: { door: 'k' }, at: 5 },
      ]),
    });
    // A bad code is dropped, a bad key is dropped, and an assembly left with no key is no use.
    expect(readHandOff(`#${tampered}`)).toEqual({
      from: 'http://localhost:3000',
      held: [held('DDDDDD', 5, { door: 'k' }, 'ok')],
    });
    for (const hash of [
      '',
      '#key=abc',
      `#${new URLSearchParams({ from: 'javascript:alert(1)', held: '[]' })}`,
      `#${new URLSearchParams({ from: 'http://localhost:3000', held: '{"not":"a list"}' })}`,
      `#${new URLSearchParams({ from: 'http://localhost:3000', held: '[{' })}`,
    ])
      expect(readHandOff(hash)).toBeNull();
  });
});

describe('the base the server gives links', () => {
  it('PUBLIC_URL wins, without a trailing slash', () => {
    expect(
      publicBaseUrl('https://assembly.example.org/', 'localhost:3000', undefined, 3000, '10.0.0.5'),
    ).toBe('https://assembly.example.org');
  });
  it('a browser on loopback gets the LAN address the server listens on, else localhost', () => {
    expect(publicBaseUrl(undefined, '127.0.0.1:3000', undefined, 3000, '192.168.1.20')).toBe(
      'http://192.168.1.20:3000',
    );
    expect(publicBaseUrl(undefined, 'localhost:3000', undefined, 3000, '192.168.1.20')).toBe(
      'http://192.168.1.20:3000',
    );
    // Listening on loopback alone: one name for this computer, whichever the browser typed.
    for (const host of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000'])
      expect(publicBaseUrl(undefined, host, undefined, 3000, null)).toBe('http://localhost:3000');
  });
  it('any other address is the one the browser used', () => {
    expect(publicBaseUrl(undefined, '192.168.1.20:3000', undefined, 3000, '10.0.0.5')).toBe(
      'http://192.168.1.20:3000',
    );
    expect(publicBaseUrl(undefined, 'laptop.local:3000', 'https', 3000, null)).toBe(
      'https://laptop.local:3000',
    );
    expect(publicBaseUrl(undefined, 'bad host<script>', undefined, 3000, null)).toBe('http://localhost:3000');
  });
  it('knows which LAN address phones can reach from the address it listens on', () => {
    expect(reachableLanAddress('127.0.0.1')).toBeNull();
    expect(reachableLanAddress('::1')).toBeNull();
    expect(reachableLanAddress('192.168.1.20')).toBe('192.168.1.20');
    expect(reachableLanAddress('0.0.0.0')).toBe(lanAddress());
    expect(reachableLanAddress('::')).toBe(lanAddress());
  });
});

describe('where the list lives', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page at `origin`; `answering` are the addresses that answer as server "s1". */
  const at = (origin: string, answering: string[]) => {
    const asked: string[] = [];
    vi.stubGlobal('location', { origin });
    vi.stubGlobal('fetch', async (url: string) => {
      const base = new URL(url).origin;
      asked.push(base);
      if (!answering.includes(base)) throw new TypeError('unreachable');
      return new Response(JSON.stringify({ ok: true, server: 's1' }), { status: 200 });
    });
    return asked;
  };
  const server = { server: 's1', localhost: 'http://localhost:3000', publicUrl: 'http://192.168.1.20:3000' };

  it('on the server’s machine, at its localhost, once that answers as the same server', async () => {
    at('http://127.0.0.1:3000', ['http://localhost:3000']);
    expect(await findListHome(server)).toEqual({ kind: 'moving', to: 'http://localhost:3000' });
    at('http://localhost:3000', []);
    expect(await findListHome(server)).toEqual({ kind: 'here' });
  });

  it('elsewhere, at the links’ address; an address answering as another server is not moved to', async () => {
    at('http://192.168.1.20:3000', []);
    expect(await findListHome(server)).toEqual({ kind: 'here' });
    at('http://10.0.0.5:3000', ['http://192.168.1.20:3000']);
    expect(await findListHome(server)).toEqual({ kind: 'moving', to: 'http://192.168.1.20:3000' });
    at('http://10.0.0.5:3000', []);
    expect(await findListHome(server)).toEqual({ kind: 'unreachable', to: 'http://192.168.1.20:3000' });
    at('http://127.0.0.1:3000', []);
    expect(await findListHome({ ...server, server: 's2' })).toEqual({
      kind: 'unreachable',
      to: 'http://192.168.1.20:3000',
    });
  });

  it('a page at a public address never asks for this machine’s localhost', async () => {
    const deployed = {
      server: 's1',
      localhost: 'http://localhost:3000',
      publicUrl: 'https://assembly.example.org',
    };
    const asked = at('https://assembly.example.org', ['http://localhost:3000']);
    expect(await findListHome(deployed)).toEqual({ kind: 'here' });
    expect(asked).toEqual([]);
  });
});
