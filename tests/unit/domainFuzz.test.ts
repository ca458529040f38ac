import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { undoWhat } from '../../client/src/screens/chair/undoLabel';
import { attendeesCsv, registrantsCsv, responsesCsv, turnoutCsv } from '../../server/http/exports';
import { type AssemblyState, withCurrentShape } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import { nextAssemblySetup } from '../../shared/domain/nextAssembly';
import { valuesOf } from '../../shared/domain/register';
import { commitmentsBoard } from '../../shared/domain/responses';
import { rollCallBoard } from '../../shared/domain/rollCall';
import { likelyDuplicates, notArrived } from '../../shared/domain/samePerson';
import { schedule } from '../../shared/domain/schedule';
import { AUDIENCES, audienceOf, entriesFor, stateFor } from '../../shared/domain/views';
import { COMMAND_TYPES, mayRun, parseCommand } from '../../shared/protocol/commands';
import { ERROR_CODES } from '../../shared/protocol/errors';
import type { JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import { setupFileOf } from '../../shared/protocol/setup';
import { anyCommand, FUZZ_SETUP, type FuzzWorld } from '../fuzz/hostileValues';
import { canonicalJson, countProblems, withoutUndo } from '../fuzz/invariants';
import { ctx, T0 } from './fixtures';

// The rules of the night under a hostile room, in-process: every command the schemas let
// through is decided without throwing, its events evolve the state without throwing, every
// view and export of the result can be made, the counts stay sound, and a client mirroring
// the events it is sent (as JSON) holds what the server would send it in a snapshot.

const CODE = 'ABC234';
const ROLES: Role[] = ['public', 'door', 'chair', 'admin'];
const RUNS = Number(process.env.DOMAIN_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

// Secrets in ctx are counted from 1 per decide, so tickets repeat: the fuzz knows them all.
const world: FuzzWorld = {
  code: CODE,
  tickets: () => [
    `${CODE}.secret-000000000001`,
    `${CODE}.secret-000000000002`,
    `${CODE}.secret-000000000003`,
  ],
  revision: () => 1,
  followUpIds: () => [],
  registrantIds: () => ['r1', 'r2', 'r3', 'r4', 'r5'],
  now: () => T0,
};

function startingState(): AssemblyState {
  const created = evolveAll({} as AssemblyState, [
    { type: 'assemblyCreated', code: CODE, title: 'Fuzz', venue: '', startsAt: null, endsAt: null },
  ]);
  const parsed = parseCommand({ type: 'importSetup', setup: FUZZ_SETUP });
  if (!parsed.ok) throw new Error(parsed.message);
  const decision = decide(created, parsed.command, ctx(T0, 'admin'));
  if (!decision.ok) throw new Error(decision.message);
  return evolveAll(created, decision.events);
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * Frozen through and through: a state is never changed once made, so the server may hold one
 * object as both its decided and committed state, and serialise a snapshot of it across turns
 * of the event loop while the night goes on. Writing to a frozen object throws here (strict).
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

const commandsOf = Object.fromEntries(
  ROLES.map((role) => [
    role,
    anyCommand(
      world,
      COMMAND_TYPES.filter((type) => mayRun(role, type)),
    ),
  ]),
);
const step = fc.constantFrom(...ROLES).chain((role) => fc.tuple(fc.constant(role), commandsOf[role]!));

function everyView(state: AssemblyState, now: number): void {
  for (const audience of AUDIENCES) json(stateFor(audience, state));
  turnoutCsv(state);
  attendeesCsv(state);
  registrantsCsv(state, 'https://phones.example');
  responsesCsv(state);
  const board = rollCallBoard(state.institutions, state.turnout, state.live.rollCallOrder);
  for (const row of board.rows) {
    expect(Number.isFinite(row.share), `share of ${row.institution.id}`).toBe(true);
    expect(Number.isSafeInteger(row.checkedIn), `count of ${row.institution.id}`).toBe(true);
  }
  commitmentsBoard(state.asks, state.powerHolders, state.responses);
  likelyDuplicates(valuesOf(state.attendance.checkIns));
  notArrived(state.attendance);
  undoWhat(state);
  nextAssemblySetup(state);
  setupFileOf(state);
  expect(Number.isFinite(schedule(state, now).projectedEndsAt)).toBe(true);
}

describe('the domain under a hostile room (fast-check)', () => {
  it('decides, evolves, projects and exports whatever the schemas let through', {
    timeout: 20_000 + RUNS * 40,
  }, () => {
    const start = deepFreeze(startingState());
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let state = start;
        let seq = 2;
        const mirrors = Object.fromEntries(AUDIENCES.map((a) => [a, json(stateFor(a, start))]));
        for (const [i, [role, input]] of steps.entries()) {
          const now = T0 + i * 1000;
          // What the server receives: JSON.
          const received = input === undefined ? undefined : json(input);
          const parsed = parseCommand(received);
          if (!parsed.ok) {
            expect(['invalid_command', 'unknown_command']).toContain(parsed.code);
            continue;
          }
          if (!mayRun(role, parsed.command.type)) continue;
          const decision = decide(state, parsed.command, ctx(now, role));
          if (!decision.ok) {
            expect(Object.hasOwn(ERROR_CODES, decision.code) && decision.code !== 'internal').toBe(true);
            continue;
          }
          const entries: JournalEntry[] = decision.events.map((event) => ({
            seq: ++seq,
            at: now,
            actor: role,
            event,
          }));
          state = deepFreeze(evolveAll(state, decision.events));
          expect(countProblems(state), `after ${parsed.command.type}`).toEqual([]);
          for (const audience of AUDIENCES)
            mirrors[audience] = evolveAll(
              mirrors[audience]!,
              json(entriesFor(audience, entries, state)).map((entry) => entry.event),
            );
        }
        everyView(state, T0 + steps.length * 1000);
        // (Only the organiser and chair may undo: the others' views carry no undo stack.)
        for (const audience of AUDIENCES) {
          const mirror = audience === 'full' ? mirrors[audience]! : withoutUndo(mirrors[audience]!);
          expect(canonicalJson(mirror), `${audience} mirror`).toBe(canonicalJson(stateFor(audience, state)));
        }
        // A snapshot read back (JSON, as the store keeps it) is the same assembly.
        expect(canonicalJson(withCurrentShape(json(state)))).toBe(canonicalJson(state));
        expect(audienceOf('door')).toBe('door');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
