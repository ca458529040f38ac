import type { AssemblyState } from '../../shared/domain/assembly';
import { decide } from '../../shared/domain/decide';
import { evolve } from '../../shared/domain/evolve';
import { type CommandInput, parseCommand } from '../../shared/protocol/commands';
import type { DomainEvent, JournalEntry } from '../../shared/protocol/events';
import type { Role } from '../../shared/protocol/roles';
import { MIN, T0 } from './fixtures';

const item = (id: string, minutes: number, askId: string | null = null) => ({
  id,
  kind: askId ? ('ask' as const) : ('testimony' as const),
  title: id,
  speaker: '',
  durationMs: minutes * MIN,
  warningMs: 30_000,
  notes: '',
  askId,
  responseMs: 60_000,
});

/**
 * A night written as commands at given minutes past 18:00, each decided and evolved as the
 * server would, into the journal the evaluation reads. A refused command fails the test.
 */
export class NightScript {
  entries: JournalEntry[] = [];
  state = {} as AssemblyState;
  private secrets = 0;

  constructor() {
    this.record(T0 - 60 * MIN, 'admin', [
      {
        type: 'assemblyCreated',
        code: 'ABC234',
        title: 'Test',
        venue: 'Hall',
        startsAt: T0,
        endsAt: T0 + 25 * MIN,
      },
      {
        type: 'setupImported',
        details: {},
        agenda: [item('welcome', 5), item('story', 10), item('ask', 3, 'homes'), item('close', 3)],
        institutions: [
          { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 20 },
          { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 3 },
          { id: 'school', name: 'Riverside School', section: 'Stalls', committed: 2 },
        ],
        powerHolders: [
          { id: 'mayor', name: 'Mayor Okafor', role: 'Mayor', organisation: 'Council', attending: true },
          { id: 'ceo', name: 'Dr Shah', role: 'CEO', organisation: 'Trust', attending: false },
        ],
        asks: [
          {
            id: 'homes',
            title: 'Homes',
            wording: 'Will you?',
            targetIds: ['mayor', 'ceo'],
            commitment: { action: '', deadline: '', owner: '', measure: '' },
          },
        ],
      },
    ]);
  }

  /** Runs a command at `minutes` past 18:00 (fractions for seconds). */
  at(minutes: number, command: CommandInput, role: Role = 'chair'): this {
    const now = T0 + Math.round(minutes * MIN);
    const parsed = parseCommand(command);
    if (!parsed.ok) throw new Error(`${command.type}: ${parsed.message}`);
    const decision = decide(this.state, parsed.command, {
      now,
      actor: role,
      newSecret: () => `secret-${String(++this.secrets).padStart(12, '0')}`,
    });
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.message}`);
    this.record(now, role, decision.events);
    return this;
  }

  private record(at: number, actor: Role, events: DomainEvent[]): void {
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.entries.push({ seq: this.entries.length + 1, at, actor, event });
    }
  }
}

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
