import type { Command } from '../protocol/commands';
import { type Failure, failure } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { normaliseSetup } from '../protocol/setup';
import { type AssemblyState, currentIndex, currentItem } from './assembly';
import { isRunning } from './timer';

export interface DecideContext {
  now: number;
}

export type Decision = { ok: true; events: DomainEvent[] } | Failure;

const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });
/** Already so: acknowledged, nothing recorded (a double press is harmless). */
const unchanged = (): Decision => ({ ok: true, events: [] });

const CLOSED_ALLOWS = new Set<Command['type']>(['reopenAssembly', 'updateDetails', 'closeAssembly']);

/** The rules of the night: what a command means in this state. Pure; time comes from ctx. */
export function decide(state: AssemblyState, command: Command, ctx: DecideContext): Decision {
  if (state.status === 'closed' && !CLOSED_ALLOWS.has(command.type)) return failure('assembly_closed');
  const live = state.live;
  switch (command.type) {
    case 'goToItem': {
      if (!state.agenda.some((item) => item.id === command.itemId)) return failure('unknown_item');
      return live.currentItemId === command.itemId
        ? unchanged()
        : accept({ type: 'itemEntered', itemId: command.itemId });
    }
    case 'nextItem':
    case 'previousItem': {
      if (state.agenda.length === 0) return failure('no_agenda');
      if (command.fromItemId !== live.currentItemId) return unchanged();
      const index = currentIndex(state);
      const target = command.type === 'nextItem' ? index + 1 : index < 0 ? -1 : index - 1;
      const item = state.agenda[target];
      if (!item) {
        return failure(
          'end_of_agenda',
          command.type === 'nextItem' ? 'This is the last item.' : 'This is the first item.',
        );
      }
      return accept({ type: 'itemEntered', itemId: item.id });
    }
    case 'startTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return isRunning(live.timer) ? unchanged() : accept({ type: 'timerStarted', at: ctx.now });
    case 'pauseTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return isRunning(live.timer) ? accept({ type: 'timerPaused', at: ctx.now }) : unchanged();
    case 'resetTimer': {
      const item = currentItem(state);
      if (!item) return failure('no_current_item');
      const t = live.timer;
      const fresh = !isRunning(t) && t.accumulatedMs === 0 && t.durationMs === item.durationMs;
      return fresh ? unchanged() : accept({ type: 'timerReset' });
    }
    case 'adjustTimer':
      if (!currentItem(state)) return failure('no_current_item');
      return accept({ type: 'timerAdjusted', deltaMs: command.deltaMs });
    case 'setScene':
      return live.scene === command.scene
        ? unchanged()
        : accept({ type: 'sceneChanged', scene: command.scene });
    case 'showMessage':
      return live.message === command.text
        ? unchanged()
        : accept({ type: 'messageShown', text: command.text });
    case 'clearMessage':
      return live.message === null ? unchanged() : accept({ type: 'messageCleared' });
    case 'undo': {
      const previous = state.undo.at(-1);
      return previous ? accept({ type: 'undone', live: previous }) : failure('nothing_to_undo');
    }
    case 'closeAssembly':
      return state.status === 'closed' ? unchanged() : accept({ type: 'assemblyClosed', at: ctx.now });
    case 'reopenAssembly':
      return state.status === 'closed' ? accept({ type: 'assemblyReopened' }) : unchanged();
    case 'updateDetails':
      return accept({ type: 'detailsUpdated', details: command.details });
    case 'importSetup': {
      const result = normaliseSetup(command.setup);
      if (!result.ok) return failure('invalid_setup', result.problems.slice(0, 10).join('; '));
      const { setup } = result;
      if (live.currentItemId !== null && !setup.agenda.some((item) => item.id === live.currentItemId)) {
        return failure('assembly_live', 'The new agenda leaves out the item that is running now.');
      }
      return accept({ type: 'setupImported', ...setup });
    }
    default:
      return command satisfies never;
  }
}
