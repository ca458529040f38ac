import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashKey, newAssemblyCode, newKeys, normaliseCode, roleForKey } from '../../server/assemblies/keys';
import { Limit } from '../../server/assemblies/rateLimits';
import { clientAddress, trustedProxies } from '../../server/http/clientAddress';

describe('codes and keys', () => {
  it('codes are six unambiguous characters', () => {
    for (let i = 0; i < 200; i++) expect(newAssemblyCode()).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });

  it.each([
    { input: ' abc234 ', code: 'ABC234' },
    { input: 'ABC23O', code: null },
    { input: 'ABC2345', code: null },
    { input: '', code: null },
  ])('normaliseCode($input) is $code', ({ input, code }) => {
    expect(normaliseCode(input)).toBe(code);
  });

  it('each key opens its own role and nothing else', () => {
    const { keys, hashes } = newKeys();
    expect(keys.admin).toHaveLength(24);
    expect(roleForKey(hashes, keys.admin)).toBe('admin');
    expect(roleForKey(hashes, keys.chair)).toBe('chair');
    expect(roleForKey(hashes, keys.door)).toBe('door');
    expect(roleForKey(hashes, `${keys.chair}x`)).toBeNull();
    expect(roleForKey(hashes, hashes.chair)).toBeNull();
    expect(hashKey(keys.chair)).toBe(hashes.chair);
  });
});

describe('a limit', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses a key past its allowance until its window ends, other keys untouched', async () => {
    vi.useFakeTimers();
    const limit = new Limit('test', { points: 10, seconds: 60 });
    for (let i = 0; i < 10; i++) expect(await limit.take('1.2.3.4')).toBe(true);
    expect(await limit.exhausted('1.2.3.4')).toBe(true);
    expect(await limit.take('1.2.3.4')).toBe(false);
    expect(await limit.take('5.6.7.8')).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(await limit.exhausted('1.2.3.4')).toBe(false);
    expect(await limit.take('1.2.3.4')).toBe(true);
  });

  it('forgets a key at once when told to (a closed socket)', async () => {
    const limit = new Limit('test', { points: 1, seconds: 60 });
    await limit.take('socket-1');
    expect(await limit.take('socket-1')).toBe(false);
    limit.forget('socket-1');
    await Promise.resolve();
    expect(await limit.take('socket-1')).toBe(true);
  });
});

/** A request as Node's HTTP server hands it over, from a peer with these headers. */
const request = (peer: string, forwardedFor?: string | string[]) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the address limits count against', () => {
  const loopback = trustedProxies('loopback');
  it.each([
    { peer: '203.0.113.9', header: undefined, address: '203.0.113.9' },
    // Not from a trusted proxy: the header is whatever the client wrote.
    { peer: '203.0.113.9', header: '198.51.100.1', address: '203.0.113.9' },
    { peer: '127.0.0.1', header: '198.51.100.1', address: '198.51.100.1' },
    // nginx appends the real peer: the hops to its left are the client's own words.
    { peer: '127.0.0.1', header: '198.51.100.1, 10.0.0.1', address: '10.0.0.1' },
    { peer: '::ffff:127.0.0.1', header: 'spoofed, 198.51.100.2', address: '198.51.100.2' },
    { peer: '::1', header: undefined, address: '::1' },
  ])('$peer with X-Forwarded-For $header is $address', ({ peer, header, address }) => {
    expect(clientAddress(request(peer, header), loopback)).toBe(address);
  });

  it('believes every configured proxy, and only those', () => {
    const two = trustedProxies('loopback, 10.0.0.0/8');
    expect(clientAddress(request('127.0.0.1', '198.51.100.7, 10.1.2.3'), two)).toBe('198.51.100.7');
    expect(clientAddress(request('127.0.0.1', '198.51.100.7, 172.16.0.1'), two)).toBe('172.16.0.1');
    expect(() => trustedProxies('not an address')).toThrow();
  });
});
