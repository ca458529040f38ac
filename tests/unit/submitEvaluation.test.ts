import { describe, expect, it } from 'vitest';
import { type AssemblyState, emptyAssembly, withCurrentShape } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { averageRatings } from '../../shared/domain/evaluation/coreTeamEvaluation';
import { evolveAll } from '../../shared/domain/evolve';
import { entriesFor, stateFor } from '../../shared/domain/views';
import { mayRun, parseCommand } from '../../shared/protocol/commands';
import type { JournalEntry } from '../../shared/protocol/events';
import { LIMITS } from '../../shared/protocol/limits';
import { assembly, ctx, T0 } from './fixtures';
import { uuid } from './nightScript';

const valid = {
  type: 'submitEvaluation',
  evaluationId: uuid(1),
  name: 'Amina Hassan',
  worked: 'The roll call.\nGrace’s testimony.',
  change: 'Start on time.',
  ratings: { turnout: 4, testimonies: 5, ask: 3, chairing: null },
};

const parsed = (input: object) => {
  const result = parseCommand(input);
  if (!result.ok) throw new Error(result.message);
  return result.command;
};

describe('submitEvaluation: every field validated', () => {
  it('takes a name, two texts and four ratings of 1 to 5 (or none)', () => {
    expect(parsed(valid)).toMatchObject({ name: 'Amina Hassan', ratings: { turnout: 4, chairing: null } });
    // Texts and ratings left out are empty and unrated.
    expect(
      parsed({ type: 'submitEvaluation', evaluationId: uuid(2), name: 'Tom', ratings: {} }),
    ).toMatchObject({
      worked: '',
      change: '',
      ratings: { turnout: null, testimonies: null, ask: null, chairing: null },
    });
  });

  it.each([
    ['a rating of 0', { ratings: { ...valid.ratings, turnout: 0 } }],
    ['a rating of 6', { ratings: { ...valid.ratings, ask: 6 } }],
    ['a rating of 2.5', { ratings: { ...valid.ratings, ask: 2.5 } }],
    ['a rating as text', { ratings: { ...valid.ratings, ask: '5' } }],
    ['a part that is not rated', { ratings: { ...valid.ratings, venue: 5 } }],
    ['no ratings at all', { ratings: undefined }],
    ['an empty name', { name: '   ' }],
    ['a name too long', { name: 'x'.repeat(LIMITS.personName + 1) }],
    ['a name on two lines', { name: 'Amina\nHassan' }],
    ['too long a text', { worked: 'x'.repeat(LIMITS.evaluationText + 1) }],
    ['an id that is not a UUID', { evaluationId: 'e1' }],
    ['a field it does not know', { extra: true }],
  ])('refuses %s', (_case, change) => {
    const result = parseCommand({ ...valid, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('invalid_command');
  });

  it('is the organiser’s alone', () => {
    expect(mayRun('admin', 'submitEvaluation')).toBe(true);
    for (const role of ['chair', 'door', 'public'] as const)
      expect(mayRun(role, 'submitEvaluation')).toBe(false);
  });
});

describe('submitEvaluation: kept in the record, once each, after the close too', () => {
  const submit = (state: AssemblyState, command = valid, now = T0) =>
    decide(state, parsed(command), ctx(now));

  it('records an evaluation with its time; several people’s are kept; a retry counts once', () => {
    let state = assembly({ type: 'assemblyClosed', at: T0 });
    const first = submit(state);
    expect(first).toEqual({
      ok: true,
      events: [
        {
          type: 'evaluationSubmitted',
          evaluation: {
            id: uuid(1),
            name: 'Amina Hassan',
            worked: 'The roll call.\nGrace’s testimony.',
            change: 'Start on time.',
            ratings: { turnout: 4, testimonies: 5, ask: 3, chairing: null },
            at: T0,
          },
        },
      ],
    });
    state = evolveAll(state, first.ok ? first.events : []);
    expect(submit(state)).toEqual({ ok: true, events: [] });
    const second = submit(state, {
      ...valid,
      evaluationId: uuid(2),
      name: 'Tom Price',
      ratings: { ...valid.ratings, turnout: 2 },
    });
    state = evolveAll(state, second.ok ? second.events : []);
    expect(state.evaluations.map((e) => e.name)).toEqual(['Amina Hassan', 'Tom Price']);
    expect(averageRatings(state.evaluations)).toEqual({
      turnout: { average: 3, rated: 2 },
      testimonies: { average: 5, rated: 2 },
      ask: { average: 3, rated: 2 },
      chairing: { average: null, rated: 0 },
    });
  });

  it('is capped in number', () => {
    const full = {
      ...assembly(),
      evaluations: Array.from({ length: LIMITS.evaluations }, (_, n) => ({
        id: uuid(1000 + n),
        name: `P${n}`,
        worked: '',
        change: '',
        ratings: { turnout: null, testimonies: null, ask: null, chairing: null },
        at: T0,
      })),
    };
    expect(submit(full)).toMatchObject({ ok: false, code: 'invalid_body' });
  });

  it('is refused during a rehearsal: it would be an evaluation of no night', () => {
    expect(submit(assembly({ type: 'rehearsalStarted', at: T0 }))).toMatchObject({
      ok: false,
      code: 'rehearsal_refused',
    });
  });

  it('an old snapshot without evaluations gets none', () => {
    const { evaluations: _none, ...old } = emptyAssembly('ABC234');
    expect(withCurrentShape(old as AssemblyState).evaluations).toEqual([]);
  });

  it('is staff only: the door and the public get neither the evaluations nor their words', () => {
    const decision = submit(assembly());
    const events = decision.ok ? decision.events : [];
    const state = evolveAll(assembly(), events);
    const entries: JournalEntry[] = events.map((event, i) => ({ seq: i + 3, at: T0, actor: 'admin', event }));
    expect(stateFor('full', state).evaluations).toHaveLength(1);
    for (const audience of ['door', 'public'] as const) {
      expect(stateFor(audience, state).evaluations).toEqual([]);
      const heard = entriesFor(audience, entries, state);
      expect(JSON.stringify(heard)).not.toContain('Amina');
      expect(
        evolveAll(
          stateFor(audience, assembly()),
          heard.map((e) => e.event),
        ).evaluations,
      ).toEqual([]);
    }
  });
});
