import type { AssemblyState } from '../../shared/domain/assembly';
import type { DecideContext } from '../../shared/domain/decide';
import { evolveAll } from '../../shared/domain/evolve';
import type { DomainEvent } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';

export const T0 = Date.UTC(2026, 10, 28, 18, 0);
export const MIN = 60_000;

/** A decide context with time and secrets passed in: the same inputs, the same answer. */
export function ctx(now = T0, actor: Role = 'admin'): DecideContext {
  let secrets = 0;
  return { now, actor, newSecret: () => `secret-${String(++secrets).padStart(12, '0')}` };
}

const item = (id: string, minutes: number, extra: Partial<AssemblyState['agenda'][number]> = {}) => ({
  id,
  kind: 'testimony' as const,
  title: id,
  speaker: '',
  durationMs: minutes * MIN,
  warningMs: 30_000,
  notes: '',
  askId: null,
  responseMs: 60_000,
  ...extra,
});

/** A small assembly: 18:00 to 18:20, three items of 5, 10 and 3 minutes. */
export function assembly(...events: DomainEvent[]): AssemblyState {
  return evolveAll(
    evolveAll({} as AssemblyState, [
      {
        type: 'assemblyCreated',
        code: 'ABC234',
        title: 'Test',
        venue: 'Hall',
        startsAt: T0,
        endsAt: T0 + 20 * MIN,
      },
      {
        type: 'setupImported',
        details: {},
        agenda: [
          item('welcome', 5, { kind: 'welcome', notes: 'private' }),
          item('story', 10),
          item('close', 3),
        ],
        institutions: [
          { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 },
          { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
        ],
        powerHolders: [],
        asks: [],
      },
    ]),
    events,
  );
}
