import { useEffect } from 'react';
import type { ChairActions } from './useChairActions';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'Start or pause the timer'],
  ['→', 'Next item'],
  ['←', 'Previous item'],
  ['R', 'Reset the timer'],
  ['+ / −', 'Add or take 30 seconds'],
  ['U or Ctrl+Z', 'Undo the last action'],
  ['A / L / C / J / B', 'Screen: follow agenda / roll call list / commitments / join QR / blank'],
  ['Esc', 'Leave the message box; again: clear the message on the screen'],
];

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Keyboard control for the console, silent while the chair types a message. */
export function useChairShortcuts(actions: ChairActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Esc while typing leaves the field, so the shortcuts work again.
      if (event.key === 'Escape' && typingInto(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (typingInto(event.target) || event.altKey || event.metaKey) return;
      if (event.ctrlKey && event.key.toLowerCase() !== 'z') return;
      // Letters in either case: a chair with Caps Lock on still gets the same console.
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === 'z' && !event.ctrlKey) return;
      const action: Record<string, () => void> = {
        ' ': actions.toggleTimer,
        ArrowRight: actions.next,
        ArrowLeft: actions.previous,
        r: actions.reset,
        '+': () => actions.adjust(30_000),
        '=': () => actions.adjust(30_000),
        '-': () => actions.adjust(-30_000),
        u: actions.undo,
        z: actions.undo,
        Escape: actions.clearMessage,
        a: () => actions.scene('agenda'),
        j: () => actions.scene('join'),
        l: () => actions.scene('rollCall'),
        c: () => actions.scene('commitments'),
        b: () => actions.scene('blank'),
      };
      const run = action[key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    // Space on a focused button would also click it (on key up): one press, one command,
    // and always start/pause, whichever button the chair clicked last.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && !typingInto(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [actions]);
}
