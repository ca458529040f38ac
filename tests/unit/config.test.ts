import { describe, expect, it } from 'vitest';
import { MIN_ADMIN_TOKEN_LENGTH, readConfig } from '../../server/config';

describe('the configuration', () => {
  it('refuses an admin token short enough to guess', () => {
    expect(() => readConfig({ ADMIN_TOKEN: 'secret' })).toThrow(/at least 16 characters/);
    const token = 'x'.repeat(MIN_ADMIN_TOKEN_LENGTH);
    expect(readConfig({ ADMIN_TOKEN: ` ${token} ` }).adminToken).toBe(token);
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(readConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(readConfig({}).metricsToken).toBeUndefined();
    expect(readConfig({}).adminToken).toBeUndefined();
  });

  it('trusts a proxy on this machine unless TRUST_PROXY names others, and refuses nonsense', () => {
    expect(readConfig({}).trustProxy).toBe('loopback');
    expect(readConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toBe('10.0.0.5, 10.0.1.0/24');
    expect(() => readConfig({ TRUST_PROXY: 'the proxy' })).toThrow(/TRUST_PROXY must list/);
  });

  it('lets one address create 30 assemblies in ten minutes unless CREATIONS_PER_ADDRESS says otherwise', () => {
    expect(readConfig({}).creationsPerAddress).toBe(30);
    expect(readConfig({ CREATIONS_PER_ADDRESS: '200' }).creationsPerAddress).toBe(200);
    for (const bad of ['0', '-3', '2.5', 'lots'])
      expect(() => readConfig({ CREATIONS_PER_ADDRESS: bad })).toThrow(/CREATIONS_PER_ADDRESS must be/);
  });
});
