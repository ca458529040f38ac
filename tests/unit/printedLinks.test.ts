import { describe, expect, it } from 'vitest';
import { INSTITUTION_PARAM, institutionJoinUrl, joinUrl, shortBase } from '../../client/src/links/joinLinks';
import { type LinkReach, linkReach } from '../../client/src/links/linkReach';
import { whenAndWhere, whenAndWhereLine } from '../../client/src/whenAndWhere';

describe('who can open a printed link, from its base', () => {
  const cases: [string, LinkReach][] = [
    ['https://assembly.example.org', 'anywhere'],
    ['http://assembly.example.org:3000', 'anywhere'],
    ['https://8.8.8.8', 'anywhere'],
    ['http://172.15.0.1:3000', 'anywhere'],
    ['http://172.32.0.1:3000', 'anywhere'],
    ['http://[2001:db8::1]:3000', 'anywhere'],
    ['http://localhost:3000', 'thisComputer'],
    ['http://LOCALHOST:3000', 'thisComputer'],
    ['http://app.localhost', 'thisComputer'],
    ['http://127.0.0.1:3000', 'thisComputer'],
    ['http://127.1.2.3', 'thisComputer'],
    ['http://0.0.0.0:3000', 'thisComputer'],
    ['http://[::1]:3000', 'thisComputer'],
    ['http://[::ffff:127.0.0.1]:3000', 'thisComputer'],
    ['http://10.0.0.5:3000', 'thisNetwork'],
    ['http://172.16.0.1:3000', 'thisNetwork'],
    ['http://172.31.255.255', 'thisNetwork'],
    ['http://192.168.1.20:3000', 'thisNetwork'],
    ['https://192.168.1.20', 'thisNetwork'],
    ['http://169.254.10.1', 'thisNetwork'],
    ['http://100.101.102.103', 'thisNetwork'],
    ['http://3232235777', 'thisNetwork'], // 192.168.1.1 written as one number
    ['http://[::ffff:192.168.1.1]', 'thisNetwork'],
    ['http://[fe80::1]:3000', 'thisNetwork'],
    ['http://[fd12:3456::1]', 'thisNetwork'],
    ['http://[fc00::1]', 'thisNetwork'],
    ['http://laptop.local:3000', 'thisNetwork'],
    ['http://laptop.local.:3000', 'thisNetwork'],
    ['http://router.home.arpa', 'thisNetwork'],
    ['http://laptop:3000', 'thisNetwork'],
    ['not a url', 'unreadable'],
    ['', 'unreadable'],
    ['ftp://assembly.example.org', 'unreadable'],
  ];
  it.each(cases)('%s: %s', (base, reach) => expect(linkReach(base)).toBe(reach));
});

describe('a table card’s link', () => {
  it('is the join link with the institution chosen, by the parameter the join page reads', () => {
    expect(INSTITUTION_PARAM).toBe('institution');
    expect(institutionJoinUrl('https://a.example', 'ABC234', 'st-marys')).toBe(
      'https://a.example/j/ABC234?institution=st-marys',
    );
    expect(institutionJoinUrl('https://a.example', 'ABC234', 'st-marys')).toContain(
      joinUrl('https://a.example', 'ABC234'),
    );
  });
  it('keeps an id with characters a URL would misread whole', () => {
    const url = new URL(institutionJoinUrl('http://192.168.1.20:3000', 'ABC234', 'a&b=c d#1'));
    expect(url.searchParams.get('institution')).toBe('a&b=c d#1');
    expect(url.hash).toBe('');
  });
  it('shows its base as people type it', () => {
    expect(shortBase('https://assembly.example.org')).toBe('assembly.example.org');
    expect(shortBase('http://192.168.1.20:3000')).toBe('192.168.1.20:3000');
  });
});

describe('when and where, as the sheets print it', () => {
  // 6 June 2026, 18:00 and 20:00 in London (BST, UTC+1).
  const start = Date.UTC(2026, 5, 6, 17, 0);
  const end = Date.UTC(2026, 5, 6, 19, 0);
  const details = { startsAt: start, endsAt: end, venue: "St Mary's Hall", timeZone: 'Europe/London' };

  it('gives the day, start and finish and the venue', () => {
    const when = whenAndWhere(details, 'en-GB');
    // Whether a comma follows the weekday is the ICU version's choice, not ours.
    expect(when).toEqual({
      date: expect.stringMatching(/^Saturday,? 6 June 2026$/),
      time: '18:00 to 20:00',
      venue: "St Mary's Hall",
      missing: [],
    });
    expect(whenAndWhereLine(when)).toMatch(/^Saturday,? 6 June 2026, 18:00 to 20:00 · St Mary's Hall$/);
  });
  it('reads the clock in the assembly’s own time zone, not the laptop’s', () => {
    expect(whenAndWhere({ ...details, timeZone: 'America/New_York' }, 'en-GB').time).toBe('13:00 to 15:00');
  });
  it('gives the start alone with no finish, and names the finish’s day when it is another', () => {
    expect(whenAndWhere({ ...details, endsAt: null }, 'en-GB').time).toBe('18:00');
    expect(whenAndWhere({ ...details, endsAt: Date.UTC(2026, 5, 7, 0, 30) }, 'en-GB').time).toMatch(
      /^18:00 to Sunday,? 7 June 2026, 0?1:30$/,
    );
  });
  it('says what is missing, and prints only what is known', () => {
    const none = whenAndWhere({ startsAt: null, endsAt: null, venue: '  ', timeZone: '' }, 'en-GB');
    expect(none).toEqual({
      date: null,
      time: null,
      venue: null,
      missing: ['date and start time', 'venue'],
    });
    expect(whenAndWhereLine(none)).toBe('');
    const noVenue = whenAndWhere({ ...details, venue: '' }, 'en-GB');
    expect(noVenue.missing).toEqual(['venue']);
    expect(whenAndWhereLine(noVenue)).toMatch(/^Saturday,? 6 June 2026, 18:00 to 20:00$/);
  });
  it('falls back to the device’s zone for a zone it does not know', () => {
    expect(whenAndWhere({ ...details, timeZone: 'Mars/Olympus' }, 'en-GB').date).toMatch(/June 2026/);
  });
});
