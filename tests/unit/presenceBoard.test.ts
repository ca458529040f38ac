import { describe, expect, it } from 'vitest';
import { type HeldPresence, mergePresence, nodePresence } from '../../server/io/presenceBoard';
import { MAX_LISTED, PRESENCE_STALE_MS } from '../../shared/protocol/presence';

const T0 = Date.UTC(2026, 10, 28, 18, 0);
const ID = (n: number) => `${String(n).repeat(8)}-0000-4000-8000-000000000000`;

const screen = (n: number, receivedAt: number, connectedAt = T0): HeldPresence => ({
  report: { device: 'screen', deviceId: ID(n), view: 'room', scene: 'agenda', clockOffsetMs: 5 },
  receivedAt,
  connectedAt,
});
const door = (n: number, receivedAt: number): HeldPresence => ({
  report: { device: 'door', deviceId: ID(n), label: `Door ${n}`, waiting: n, clockOffsetMs: 0 },
  receivedAt,
  connectedAt: T0,
});
const phone: HeldPresence = { report: { device: 'phone' }, receivedAt: T0 - 3_600_000, connectedAt: T0 };

describe('presence on one node', () => {
  it('lists screens and doors heard from lately, counts phones, leaves out the silent', () => {
    const now = T0 + 60_000;
    const here = nodePresence(
      [
        screen(1, now - 1_000),
        screen(2, now - PRESENCE_STALE_MS - 1),
        door(3, now - 2_000),
        door(4, now - 60_000),
        phone,
        phone,
        undefined,
      ],
      now,
    );
    expect(here.screens.map((s) => s.deviceId)).toEqual([ID(1)]);
    expect(here.doors.map((d) => [d.label, d.waiting])).toEqual([['Door 3', 3]]);
    // A door gone silent is listed as gone, with what it last said.
    expect(here.doorsGone.map((d) => [d.label, d.waiting, d.lastSeenAt])).toEqual([
      ['Door 4', 4, now - 60_000],
    ]);
    // A phone says it is here once; it counts while its socket is open.
    expect(here.phones).toBe(2);
  });

  it('merges the nodes, one entry per device (the newest socket), in the order they connected', () => {
    const now = T0;
    const a = nodePresence([screen(1, now, T0 + 5), screen(2, now, T0 + 1), phone], now);
    const b = nodePresence([screen(1, now, T0 + 9), door(3, now), phone, phone], now);
    const merged = mergePresence([a, b], 1);
    expect(merged.screens.map((s) => [s.deviceId, s.connectedAt])).toEqual([
      [ID(2), T0 + 1],
      [ID(1), T0 + 9],
    ]);
    expect(merged.doors).toHaveLength(1);
    expect(merged.doorsGone).toEqual([]);
    expect(merged.phones).toBe(3);
    expect(merged.missingNodes).toBe(1);
  });
});

describe('doors that went', () => {
  it('a door online on any node is not gone; of two words of a gone door, the newest', () => {
    const now = T0 + 60_000;
    const gone = (n: number, lastSeenAt: number) => ({
      ...nodePresence([door(n, lastSeenAt)], now).doors[0]!,
      lastSeenAt,
    });
    const a = nodePresence([], now, [gone(3, now - 5_000), gone(4, now - 9_000)]);
    const b = nodePresence([door(3, now - 1_000)], now, [gone(4, now - 2_000)]);
    const merged = mergePresence([a, b], 0);
    expect(merged.doors.map((d) => d.label)).toEqual(['Door 3']);
    expect(merged.doorsGone.map((d) => [d.label, d.lastSeenAt])).toEqual([['Door 4', now - 2_000]]);
    // Hours later it is forgotten.
    expect(nodePresence([], now + 7 * 3_600_000, [gone(4, now)]).doorsGone).toEqual([]);
  });
});

describe('a flood of fake screens', () => {
  it('lists at most MAX_LISTED, the earliest connected', () => {
    const now = T0;
    const many = Array.from({ length: MAX_LISTED + 50 }, (_, i) => ({
      ...screen(1, now, T0 + i),
      report: {
        device: 'screen' as const,
        deviceId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
        view: 'room' as const,
        scene: 'agenda' as const,
        clockOffsetMs: 0,
      },
    }));
    const here = nodePresence(many.reverse(), now);
    expect(here.screens).toHaveLength(MAX_LISTED);
    expect(here.screens[0]?.connectedAt).toBe(T0);
    expect(mergePresence([here, here], 0).screens).toHaveLength(MAX_LISTED);
  });
});
