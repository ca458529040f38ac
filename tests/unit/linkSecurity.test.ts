import { describe, expect, it } from 'vitest';
import { linkSecurity } from '../../client/src/offline/linkSecurity';

describe('what a link’s base lets a page keep on its device', () => {
  it('https keeps the app offline and lets the door scan', () => {
    expect(linkSecurity('https://assembly.example.org')).toBe('https');
    expect(linkSecurity('https://192.168.1.20:3000')).toBe('https');
  });
  it('localhost is secure but opens only on this computer', () => {
    for (const base of [
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://app.localhost',
    ])
      expect(linkSecurity(base)).toBe('thisComputer');
  });
  it('plain http over a LAN (or anything unreadable) cannot keep the app offline', () => {
    for (const base of ['http://192.168.1.20:3000', 'http://assembly.lan', 'not a url', ''])
      expect(linkSecurity(base)).toBe('plainHttp');
  });
});
