import { describe, expect, it } from 'vitest';
import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import type { Command } from '../../shared/protocol/commands';
import type { DomainEvent } from '../../shared/protocol/events';
import { type SetupFile, setupFileOf } from '../../shared/protocol/setup';
import { assembly, ctx, T0 } from './fixtures';

const at = (state: AssemblyState, command: Command) => decide(state, command, ctx(T0));
const edit = (state: AssemblyState, change: (file: SetupFile) => SetupFile, revision = state.setupRevision) =>
  at(state, { type: 'editSetup', setup: change(setupFileOf(state)), revision });
const apply = (state: AssemblyState, ...events: DomainEvent[]) => evolveAll(state, events);

const withAsk = apply(assembly(), {
  type: 'setupImported',
  details: {},
  agenda: assembly().agenda,
  institutions: assembly().institutions,
  powerHolders: [
    { id: 'mayor', name: 'The Mayor', role: '', organisation: '', attending: true },
    { id: 'ceo', name: 'The CEO', role: '', organisation: '', attending: true },
  ],
  asks: [
    {
      id: 'homes',
      title: 'Homes',
      wording: 'Will you build 500 homes?',
      targetIds: ['mayor', 'ceo'],
      commitment: { action: '', deadline: '', owner: '', measure: '' },
    },
  ],
});

/** withAsk with an agenda item that puts the ask. */
const withAskItem = apply(withAsk, {
  type: 'setupImported',
  details: {},
  agenda: [
    ...withAsk.agenda,
    { ...withAsk.agenda[0]!, id: 'put-homes', kind: 'ask', title: 'The homes ask', askId: 'homes' },
  ],
  institutions: withAsk.institutions,
  powerHolders: withAsk.powerHolders,
  asks: withAsk.asks,
});

const checkIn = (institutionId: string): DomainEvent => ({
  type: 'checkedIn',
  checkIn: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Ada',
    institutionId,
    guestOf: '',
    contact: '',
    consent: false,
    method: 'walkIn',
    at: T0,
    device: 'Door',
    registrantId: null,
    undoneAt: null,
  },
});

const withoutInstitution = (id: string) => (file: SetupFile) => ({
  ...file,
  institutions: file.institutions.filter((i) => i.id !== id),
});

describe('editSetup: the organiser page saves a draft of the whole setup', () => {
  it('a draft nobody touched is accepted and changes nothing but the revision', () => {
    const state = assembly();
    const decision = edit(state, (file) => file);
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    const after = evolveAll(state, decision.events);
    expect(setupFileOf(after)).toEqual(setupFileOf(state));
    expect(after.setupRevision).toBe(state.setupRevision + 1);
  });

  it('keeps ids across a reorder and an edit, so check-ins still point at the right institution', () => {
    const state = apply(assembly(), checkIn('mosque'));
    const decision = edit(state, (file) => ({
      ...file,
      institutions: [
        { ...file.institutions[1]!, name: 'East London Mosque & Centre' },
        file.institutions[0]!,
      ],
    }));
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    const after = evolveAll(state, decision.events);
    expect(after.institutions.map((i) => i.id)).toEqual(['mosque', 'stmarys']);
    expect(after.turnout.byInstitution.mosque).toBe(1);
  });

  it('a draft made from an older revision is refused: someone else saved since', () => {
    const state = assembly();
    const saved = edit(state, (file) => file);
    if (!saved.ok) throw new Error('first save refused');
    const later = evolveAll(state, saved.events);
    expect(edit(later, (file) => file, state.setupRevision)).toMatchObject({
      ok: false,
      code: 'setup_changed',
    });
  });

  it('an invalid draft is refused with the problem', () => {
    const decision = edit(assembly(), (file) => ({
      ...file,
      institutions: [...file.institutions, { ...file.institutions[0]!, id: 'copy' }],
    }));
    expect(decision).toMatchObject({ ok: false, code: 'invalid_setup' });
    if (!decision.ok) expect(decision.message).toContain('appears twice');
  });
});

describe('setup changes that would confuse the night are refused', () => {
  const onStory = apply(assembly(), { type: 'itemEntered', itemId: 'story' });

  it.each<{ name: string; state: AssemblyState; change: (file: SetupFile) => SetupFile; says: string }>([
    {
      name: 'deleting the item running now',
      state: onStory,
      change: (file) => ({ ...file, agenda: file.agenda.filter((item) => item.id !== 'story') }),
      says: 'is the item running now',
    },
    {
      name: 'removing an institution with check-ins',
      state: apply(assembly(), checkIn('mosque')),
      change: withoutInstitution('mosque'),
      says: 'East London Mosque has people checked in',
    },
    {
      name: 'removing an institution whose check-in was undone (the record still names it)',
      state: apply(assembly(), checkIn('mosque'), {
        type: 'checkInUndone',
        checkInId: '00000000-0000-4000-8000-000000000001',
        at: T0,
      }),
      change: withoutInstitution('mosque'),
      says: 'has people checked in',
    },
    {
      name: 'removing an institution with registrants',
      state: apply(assembly(), {
        type: 'registrantsAdded',
        registrants: [{ id: 'r1', name: 'Bo', institutionId: 'stmarys', email: '', ticket: 'ABC234.x' }],
      }),
      change: withoutInstitution('stmarys'),
      says: "St Mary's has registrants (Bo",
    },
    {
      name: 'removing an institution called in the roll call',
      state: apply(assembly(), { type: 'rollCallMarked', institutionId: 'stmarys', called: true, at: T0 }),
      change: withoutInstitution('stmarys'),
      says: 'was called in the roll call',
    },
    {
      name: 'removing an answered ask',
      state: apply(withAsk, {
        type: 'responseRecorded',
        askId: 'homes',
        powerHolderId: 'mayor',
        answer: 'yes',
        note: '',
        at: T0,
      }),
      change: (file) => ({ ...file, asks: [], agenda: file.agenda.map((i) => ({ ...i, ask: null })) }),
      says: '“Homes” has answers recorded',
    },
    {
      name: 'rewording an answered ask',
      state: apply(withAsk, {
        type: 'responseRecorded',
        askId: 'homes',
        powerHolderId: 'mayor',
        answer: 'no',
        note: '',
        at: T0,
      }),
      change: (file) => ({ ...file, asks: file.asks.map((a) => ({ ...a, wording: 'Will you build 50?' })) }),
      says: 'its wording cannot change',
    },
    {
      name: 'dropping a power-holder who answered',
      state: apply(withAsk, {
        type: 'responseRecorded',
        askId: 'homes',
        powerHolderId: 'mayor',
        answer: 'yes',
        note: '',
        at: T0,
      }),
      change: (file) => ({
        ...file,
        powerHolders: file.powerHolders.filter((p) => p.id !== 'mayor'),
        asks: file.asks.map((a) => ({ ...a, targets: ['ceo'] })),
      }),
      says: 'The Mayor has answered “Homes”',
    },
    {
      name: 'changing the ask of the item running now',
      state: apply(withAskItem, { type: 'itemEntered', itemId: 'put-homes' }),
      change: (file) => ({
        ...file,
        agenda: file.agenda.map((item) => (item.id === 'put-homes' ? { ...item, ask: null } : item)),
      }),
      says: 'its ask cannot change now',
    },
    {
      name: 'dropping the power-holder whose answer clock is running',
      state: apply(
        withAsk,
        { type: 'itemEntered', itemId: 'story' },
        { type: 'responseTimerStarted', askId: 'homes', powerHolderId: 'ceo', durationMs: 60_000, at: T0 },
      ),
      change: (file) => ({
        ...file,
        powerHolders: file.powerHolders.filter((p) => p.id !== 'ceo'),
        asks: file.asks.map((a) => ({ ...a, targets: ['mayor'] })),
      }),
      says: 'The answer clock is running for The CEO',
    },
  ])('$name', ({ state, change, says }) => {
    const decision = edit(state, change);
    expect(decision).toMatchObject({ ok: false, code: 'assembly_live' });
    if (!decision.ok) expect(decision.message).toContain(says);
    // The same rules hold for a whole setup file imported over it.
    expect(at(state, { type: 'importSetup', setup: change(setupFileOf(state)) })).toMatchObject({
      ok: false,
      code: 'assembly_live',
    });
  });

  it('while live, other edits go through: an institution nobody checked in for can go', () => {
    const state = apply(onStory, checkIn('mosque'));
    expect(edit(state, withoutInstitution('stmarys')).ok).toBe(true);
    expect(
      edit(state, (file) => ({ ...file, agenda: file.agenda.filter((item) => item.id !== 'close') })).ok,
    ).toBe(true);
  });
});
