import { describe, expect, it } from 'vitest';
import {
  describeClockOffset,
  type KnownDoor,
  namedScreens,
  rememberDoors,
} from '../../client/src/readiness/connectedDevices';
import {
  BACKUP_FRESH_MS,
  type ReadinessCheck,
  type ReadinessInput,
  readinessChecklist,
} from '../../client/src/readiness/readinessChecklist';
import type { AssemblyState } from '../../shared/domain/assembly';
import type { DoorPresence, Presence, ScreenPresence } from '../../shared/protocol/presence';
import type { ServerReadiness } from '../../shared/protocol/serverReadiness';
import { assembly, MIN, T0 } from './fixtures';

const screen = (
  deviceId: string,
  connectedAt: number,
  view: 'room' | 'speaker' = 'room',
): ScreenPresence => ({
  deviceId,
  view,
  scene: 'agenda',
  clockOffsetMs: 120,
  connectedAt,
});
const door = (label: string, extra: Partial<DoorPresence> = {}): DoorPresence => ({
  deviceId: `${label}-0000-0000-0000-000000000000`.slice(0, 36),
  label,
  waiting: 0,
  clockOffsetMs: -200,
  connectedAt: T0,
  ...extra,
});
const presence = (
  screens: ScreenPresence[],
  doors: DoorPresence[] = [],
  phones = 0,
  doorsGone: Presence['doorsGone'] = [],
): Presence => ({
  screens,
  doors,
  doorsGone,
  phones,
  missingNodes: 0,
});
const server = (extra: Partial<ServerReadiness> = {}): ServerReadiness => ({
  publicUrl: 'https://assembly.example.org',
  publicUrlSet: true,
  journal: { store: 'sqlite', freeBytes: 20 * 1024 ** 3 },
  backup: { store: 'sqlite', newestAt: T0 - 60 * MIN },
  serverNow: T0,
  ...extra,
});

/** Everything ready: a public https base, a projector, a door with a right clock, a fitting agenda. */
function ready(extra: Partial<ReadinessInput> = {}): ReadinessInput {
  const now = presence([screen('a', T0)], [door('North door')], 3);
  return {
    state: assembly(),
    publicUrl: 'https://assembly.example.org',
    server: server(),
    presence: now,
    doors: rememberDoors([], now, T0),
    ...extra,
  };
}

const check = (input: ReadinessInput, id: ReadinessCheck['id']) => {
  const found = readinessChecklist(input).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

const withState = (change: Partial<AssemblyState>): AssemblyState => ({ ...assembly(), ...change });

describe('Ready for the night?', () => {
  it('all green when everything is in place', () => {
    expect(readinessChecklist(ready()).map((c) => [c.id, c.status])).toEqual([
      ['joinLink', 'ready'],
      ['https', 'ready'],
      ['projector', 'ready'],
      ['doors', 'ready'],
      ['plannedTimes', 'ready'],
      ['askTargets', 'ready'],
      ['agendaFits', 'ready'],
      ['journalSpace', 'ready'],
      ['backup', 'ready'],
    ]);
  });

  it.each([
    ['http://localhost:3000', 'todo', 'only this computer'],
    ['http://127.0.0.1:3000', 'todo', 'only this computer'],
    ['http://192.168.1.20:3000', 'warning', 'may change'],
    ['http://10.0.0.4:3000', 'warning', 'local network'],
    ['http://assembly-laptop:3000', 'warning', 'local network'],
    ['https://assembly.example.org', 'ready', 'Links start'],
    ['not a url', 'todo', 'not an address'],
  ])('the join link base %s is %s', (base, status, words) => {
    const result = check(ready({ server: server({ publicUrl: base }) }), 'joinLink');
    expect(result.status).toBe(status);
    expect(result.detail).toContain(words);
  });

  it("the server's base wins over the page's", () => {
    const result = check(
      ready({ publicUrl: 'https://ok.example.org', server: server({ publicUrl: 'http://localhost:3000' }) }),
      'joinLink',
    );
    expect(result.status).toBe('todo');
    expect(check(ready({ publicUrl: 'http://localhost:3000', server: null }), 'joinLink').status).toBe(
      'todo',
    );
  });

  it('plain http needs https for cameras and offline reloads', () => {
    const result = check(ready({ server: server({ publicUrl: 'http://assembly.example.org' }) }), 'https');
    expect(result.status).toBe('todo');
    expect(result.detail).toContain('PUBLIC_URL=https://');
  });

  it('a projector must be connected; a speaker monitor alone is not one', () => {
    expect(check(ready({ presence: presence([]) }), 'projector').status).toBe('todo');
    expect(check(ready({ presence: presence([screen('s', T0, 'speaker')]) }), 'projector').status).toBe(
      'todo',
    );
    expect(check(ready({ presence: null }), 'projector').status).toBe('unknown');
    expect(
      check(ready({ presence: presence([screen('a', T0), screen('b', T0 + 1)]) }), 'projector').detail,
    ).toBe('2 screens connected.');
  });

  it('doors: none, one gone, a clock far off, items waiting', () => {
    const none = presence([screen('a', T0)]);
    expect(check(ready({ presence: none, doors: [] }), 'doors').status).toBe('todo');

    const north = door('North door');
    const south = door('South door', { deviceId: 'b'.repeat(36) });
    const both = rememberDoors([], presence([], [north, south]), T0);
    const southGone = rememberDoors(both, presence([], [north]), T0 + MIN);
    const gone = check(ready({ doors: southGone }), 'doors');
    expect(gone.status).toBe('warning');
    expect(gone.detail).toContain('South door went offline');
    const allGone = rememberDoors(southGone, presence([], []), T0 + 2 * MIN);
    expect(check(ready({ doors: allGone }), 'doors').status).toBe('todo');

    const skewed = rememberDoors([], presence([], [door('North door', { clockOffsetMs: 3 * MIN })]), T0);
    const clock = check(ready({ doors: skewed }), 'doors');
    expect(clock.status).toBe('warning');
    expect(clock.detail).toContain("North door's clock is −3 min off");
    // A few seconds off is within what the screens correct for.
    const close = rememberDoors([], presence([], [door('North door', { clockOffsetMs: 20_000 })]), T0);
    expect(check(ready({ doors: close }), 'doors').status).toBe('ready');

    const waiting = rememberDoors([], presence([], [door('North door', { waiting: 4 })]), T0);
    expect(check(ready({ doors: waiting }), 'doors').detail).toContain('North door has 4 waiting to sync');
  });

  it('planned start and finish must be set, the finish after the start', () => {
    expect(check(ready({ state: withState({ startsAt: null }) }), 'plannedTimes').status).toBe('todo');
    expect(check(ready({ state: withState({ endsAt: null }) }), 'plannedTimes').status).toBe('todo');
    expect(check(ready({ state: withState({ endsAt: T0 - MIN }) }), 'plannedTimes').status).toBe('todo');
    expect(check(ready(), 'plannedTimes').detail).toBe('20 min planned.');
  });

  it('every ask has targets', () => {
    const ask = (id: string, targetIds: string[]) => ({
      id,
      title: id,
      wording: 'Will you?',
      targetIds,
      commitment: { action: '', deadline: '', owner: '', measure: '' },
    });
    const state = withState({ asks: [ask('Homes', ['mayor']), ask('Wages', [])] });
    const result = check(ready({ state }), 'askTargets');
    expect(result.status).toBe('todo');
    expect(result.detail).toContain("'Wages'");
    expect(result.detail).not.toContain("'Homes'");
    expect(check(ready({ state: withState({ asks: [ask('Homes', ['mayor'])] }) }), 'askTargets').status).toBe(
      'ready',
    );
  });

  it("the items' durations fit within the planned finish", () => {
    // 18 minutes of agenda in 20 planned.
    expect(check(ready(), 'agendaFits').detail).toBe("The agenda's 18 min fit the 20 min planned.");
    const over = check(ready({ state: withState({ endsAt: T0 + 15 * MIN }) }), 'agendaFits');
    expect(over.status).toBe('todo');
    expect(over.detail).toContain('18 min, 3 min past the planned finish');
    // Exactly full still fits.
    expect(check(ready({ state: withState({ endsAt: T0 + 18 * MIN }) }), 'agendaFits').status).toBe('ready');
    expect(check(ready({ state: withState({ agenda: [] }) }), 'agendaFits').status).toBe('todo');
    expect(check(ready({ state: withState({ endsAt: null }) }), 'agendaFits').status).toBe('unknown');
  });

  it("the server's disk and backups", () => {
    const disk = (freeBytes: number | null) =>
      check(ready({ server: server({ journal: { store: 'sqlite', freeBytes } }) }), 'journalSpace').status;
    expect(disk(100 * 1024 ** 2)).toBe('todo');
    expect(disk(500 * 1024 ** 2)).toBe('warning');
    expect(disk(null)).toBe('warning');
    expect(check(ready({ server: server({ journal: { store: 'postgres' } }) }), 'journalSpace').status).toBe(
      'ready',
    );

    const backup = (newestAt: number | null) =>
      check(ready({ server: server({ backup: { store: 'sqlite', newestAt } }) }), 'backup').status;
    expect(backup(null)).toBe('warning');
    expect(backup(T0 - BACKUP_FRESH_MS - MIN)).toBe('warning');
    expect(backup(T0 - 5 * MIN)).toBe('ready');
    expect(check(ready({ server: server({ backup: { store: 'postgres' } }) }), 'backup').detail).toContain(
      'pg_dump',
    );
    expect(check(ready({ server: null }), 'backup').status).toBe('unknown');
  });
});

describe('who is connected, named', () => {
  it('numbers projectors and speaker monitors apart, in the order they connected', () => {
    const named = namedScreens([screen('c', T0 + 2), screen('s', T0 + 1, 'speaker'), screen('a', T0)]);
    expect(named.map((s) => [s.deviceId, s.name])).toEqual([
      ['a', 'Screen 1'],
      ['s', 'Speaker monitor 1'],
      ['c', 'Screen 2'],
    ]);
  });

  it('a door that drops stays listed, offline, with what it last had waiting', () => {
    const north = door('North door', { waiting: 2 });
    const seen: KnownDoor[] = rememberDoors([], presence([], [north]), T0);
    const after = rememberDoors(seen, presence([], []), T0 + MIN);
    expect(after).toEqual([{ ...north, online: false, lastSeenAt: T0 }]);
    const back = rememberDoors(after, presence([], [{ ...north, waiting: 0 }]), T0 + 2 * MIN);
    expect(back).toEqual([{ ...north, waiting: 0, online: true, lastSeenAt: T0 + 2 * MIN }]);
  });

  it('a page opened after a door went learns it from the server; the newest word wins', () => {
    const north = door('North door', { waiting: 5 });
    const fromServer = rememberDoors([], presence([], [], 0, [{ ...north, lastSeenAt: T0 - MIN }]), T0);
    expect(fromServer).toEqual([{ ...north, online: false, lastSeenAt: T0 - MIN }]);
    const older: KnownDoor = { ...north, waiting: 9, online: false, lastSeenAt: T0 - 5 * MIN };
    const merged = rememberDoors([older], presence([], [], 0, [{ ...north, lastSeenAt: T0 - MIN }]), T0);
    expect(merged).toEqual([{ ...north, online: false, lastSeenAt: T0 - MIN }]);
    // Online now beats any word of it having gone.
    const online = rememberDoors([older], presence([], [north], 0, [{ ...north, lastSeenAt: T0 - MIN }]), T0);
    expect(online).toEqual([{ ...north, online: true, lastSeenAt: T0 }]);
  });

  it('says how far a clock is off, ahead or behind', () => {
    expect(describeClockOffset(-300)).toBe('+0.3 s');
    expect(describeClockOffset(-20)).toBe('0.0 s');
    expect(describeClockOffset(20)).toBe('0.0 s');
    expect(describeClockOffset(1500)).toBe('−1.5 s');
    expect(describeClockOffset(-3 * MIN)).toBe('+3 min');
  });
});
