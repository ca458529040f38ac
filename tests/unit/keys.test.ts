import { describe, expect, it } from 'vitest';
import { hashKey, newAssemblyCode, newKeys, normaliseCode, roleForKey } from '../../server/assemblies/keys';
import { RateLimiter } from '../../server/assemblies/rateLimiter';
import { clientAddress } from '../../server/http/clientAddress';

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

describe('rate limiter', () => {
  it('blocks an address after ten events, until its window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 60_000, () => now);
    for (let i = 0; i < 9; i++) limiter.record('1.2.3.4');
    expect(limiter.isBlocked('1.2.3.4')).toBe(false);
    limiter.record('1.2.3.4');
    expect(limiter.isBlocked('1.2.3.4')).toBe(true);
    expect(limiter.isBlocked('5.6.7.8')).toBe(false);
    now = 60_000;
    expect(limiter.isBlocked('1.2.3.4')).toBe(false);
  });
});

describe('the address wrong keys count against', () => {
  it.each([
    { peer: '203.0.113.9', header: undefined, address: '203.0.113.9' },
    { peer: '203.0.113.9', header: '198.51.100.1', address: '203.0.113.9' },
    { peer: '127.0.0.1', header: '198.51.100.1, 10.0.0.1', address: '198.51.100.1' },
    { peer: '::ffff:127.0.0.1', header: ['198.51.100.2'], address: '198.51.100.2' },
    { peer: '::1', header: undefined, address: '::1' },
  ])('$peer with X-Forwarded-For $header is $address', ({ peer, header, address }) => {
    expect(clientAddress(peer, header)).toBe(address);
  });
});
