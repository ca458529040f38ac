import { describe, expect, it } from 'vitest';
import { bestSample, sampleFrom } from '../../client/src/connection/clockOffset';
import { applyInOrder } from '../../client/src/connection/stream';
import { parseRoute } from '../../client/src/route';
import { entriesFor, stateFor } from '../../shared/domain/views';
import type { JournalEntry } from '../../shared/protocol/events';
import { assembly, T0 } from './fixtures';

const entry = (seq: number, text: string): JournalEntry => ({
  seq,
  at: T0,
  actor: 'chair',
  event: { type: 'messageShown', text },
});

describe('a client mirroring the stream', () => {
  const mirror = { seq: 10, state: assembly() };

  it.each([
    {
      name: 'continues',
      batch: { prevSeq: 10, seq: 11, entries: [entry(11, 'a')] },
      seq: 11,
      early: 0,
    },
    {
      name: 'overlaps (buffered during sync)',
      batch: { prevSeq: 9, seq: 11, entries: [entry(10, 'x'), entry(11, 'a')] },
      seq: 11,
      early: 0,
    },
    { name: 'repeats', batch: { prevSeq: 9, seq: 10, entries: [entry(10, 'x')] }, seq: 10, early: 0 },
    { name: 'leaves a gap', batch: { prevSeq: 12, seq: 13, entries: [entry(13, 'b')] }, seq: 10, early: 1 },
  ])('$name', ({ batch, seq, early }) => {
    const ordered = applyInOrder(mirror, [], batch);
    expect(ordered.mirror.seq).toBe(seq);
    expect(ordered.early).toHaveLength(early);
    if (seq === 11) expect(ordered.mirror.state.live.message).toBe('a');
  });

  it('holds batches that arrive out of order (two nodes publishing) and applies them in seq order', () => {
    const b11 = { prevSeq: 10, seq: 11, entries: [entry(11, 'a')] };
    const b12 = { prevSeq: 11, seq: 13, entries: [entry(12, 'b'), entry(13, 'c')] };
    const b14 = { prevSeq: 13, seq: 14, entries: [entry(14, 'd')] };
    let ordered = applyInOrder(mirror, [], b14);
    ordered = applyInOrder(ordered.mirror, ordered.early, b12);
    expect(ordered.mirror.seq).toBe(10);
    expect(ordered.early).toHaveLength(2);
    ordered = applyInOrder(ordered.mirror, ordered.early, b11);
    expect(ordered.mirror.seq).toBe(14);
    expect(ordered.early).toEqual([]);
    expect(ordered.mirror.state.live.message).toBe('d');
    // A repeat of a held or applied batch changes nothing.
    expect(applyInOrder(ordered.mirror, [], b12).mirror).toBe(ordered.mirror);
  });
});

describe('clock offset', () => {
  it('takes the server time as halfway through the round trip', () => {
    expect(sampleFrom(1000, 5100, 1200)).toEqual({ offsetMs: 4000, roundTripMs: 200 });
  });

  it('trusts the sample with the smallest round trip', () => {
    const samples = [sampleFrom(0, 600, 900), sampleFrom(1000, 1530, 1040), sampleFrom(2000, 2900, 2600)];
    expect(bestSample(samples)).toEqual({ offsetMs: 510, roundTripMs: 40 });
    expect(bestSample([])).toBeNull();
  });
});

describe('routes from the URL', () => {
  it.each([
    { url: '/', hash: '', route: { screen: 'home' } },
    { url: '/a/abc234/chair', hash: '#key=K1', route: { screen: 'chair', code: 'ABC234', key: 'K1' } },
    { url: '/a/ABC234/screen', hash: '', route: { screen: 'screen', code: 'ABC234', key: undefined } },
    { url: '/j/abc234', hash: '', route: { screen: 'join', code: 'ABC234' } },
    { url: '/a/ABC234/root', hash: '', route: { screen: 'notFound' } },
    {
      url: '/a/abc234/print/poster',
      hash: '#key=K1',
      route: { screen: 'print', code: 'ABC234', key: 'K1', sheet: 'poster' },
    },
    { url: '/a/ABC234/print/flyer', hash: '', route: { screen: 'notFound' } },
    { url: '/a/ABC234/exports', hash: '#key=K1', route: { screen: 'exports', code: 'ABC234', key: 'K1' } },
    {
      url: '/a/abc234/evaluation/',
      hash: '#key=K1',
      route: { screen: 'evaluation', code: 'ABC234', key: 'K1' },
    },
    { url: '/a/ABC234/evaluation/x', hash: '', route: { screen: 'notFound' } },
    { url: '/a/<script>/chair', hash: '', route: { screen: 'notFound' } },
  ])('$url$hash', ({ url, hash, route }) => {
    expect(parseRoute(url, hash)).toEqual(route);
  });
});

describe('the public projection', () => {
  it('drops the chair’s notes and the undo stack', () => {
    const state = assembly({ type: 'messageShown', text: 'hi' });
    expect(state.agenda[0]!.notes).toBe('private');
    const visible = stateFor('public', state);
    expect(JSON.stringify(visible)).not.toContain('private');
    expect(visible.undo).toEqual([]);
    const imported = entriesFor(
      'public',
      [
        {
          seq: 9,
          at: T0,
          actor: 'admin',
          event: {
            type: 'setupImported',
            details: {},
            agenda: state.agenda,
            institutions: [],
            powerHolders: [],
            asks: [],
          },
        },
      ],
      state,
    );
    expect(JSON.stringify(imported)).not.toContain('private');
  });
});
