import type { AssemblyState } from '../../../shared/domain/assembly';
import { rehearsalClears } from '../../../shared/domain/rehearsal';
import { formatCount } from '../format';

// What the chair and organiser are told before a rehearsal starts and before it ends.

export const START_REHEARSAL_QUESTION =
  'Start a rehearsal? Everything works as on the night (check-ins, timers, answers, the boards) and every screen shows REHEARSAL. End rehearsal then clears what it recorded and keeps the setup and every link.';

const counted = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "End rehearsal 2? It clears 4 check-ins, 2 answers ... The setup, registrants and links stay." */
export function endRehearsalQuestion(state: AssemblyState): string {
  const clears = rehearsalClears(state);
  if (!clears || !state.rehearsal) return '';
  const parts = [
    clears.checkIns > 0 && counted(clears.checkIns, 'check-in', 'check-ins'),
    clears.headcount > 0 && `a headcount of ${formatCount(clears.headcount)}`,
    clears.answers > 0 && counted(clears.answers, 'answer', 'answers'),
    clears.rollCallMarks > 0 && counted(clears.rollCallMarks, 'roll call mark', 'roll call marks'),
    clears.followUps > 0 && counted(clears.followUps, 'follow-up', 'follow-ups'),
    clears.cards > 0 && counted(clears.cards, 'commitment card', 'commitment cards'),
  ].filter((part): part is string => typeof part === 'string');
  const what = parts.length > 0 ? `It clears ${listed(parts)}` : 'Nothing was counted or answered';
  const live = clears.live
    ? ', and puts the item, timers, screen and message back as they were before it'
    : '';
  const name = state.rehearsal.number > 1 ? `rehearsal ${state.rehearsal.number}` : 'the rehearsal';
  return `End ${name}? ${what}${live}. People checked in during it can check in again on the night. The setup, registrants and every link stay.`;
}

function listed(parts: string[]): string {
  if (parts.length < 2) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
