import { useMemo } from 'react';
import type { Scene } from '../../../../shared/domain/assembly';
import type { CommandInput } from '../../../../shared/protocol/commands';
import { sendCommand } from '../../connection/assemblyConnection';
import { useAssembly } from '../../connection/assemblyStore';

export interface ChairActions {
  goTo(itemId: string): void;
  next(): void;
  previous(): void;
  toggleTimer(): void;
  reset(): void;
  adjust(deltaMs: number): void;
  undo(): void;
  scene(scene: Scene): void;
  showMessage(text: string): Promise<boolean>;
  clearMessage(): void;
  close(): void;
  reopen(): void;
  /** Any other chair command (answers, roll call marks and order): true once recorded. */
  run(command: CommandInput): Promise<boolean>;
}

/** Every chair button as one command; a refusal is shown to the chair in words. */
export function useChairActions(notify: (message: string | null) => void): ChairActions {
  return useMemo(() => {
    const run = async (command: CommandInput): Promise<boolean> => {
      const reply = await sendCommand(command);
      notify(reply.ok ? null : reply.message);
      return reply.ok;
    };
    const live = () => useAssembly.getState().state?.live;
    return {
      goTo: (itemId) => void run({ type: 'goToItem', itemId }),
      next: () => void run({ type: 'nextItem', fromItemId: live()?.currentItemId ?? null }),
      previous: () => void run({ type: 'previousItem', fromItemId: live()?.currentItemId ?? null }),
      toggleTimer: () => void run({ type: live()?.timer.startedAt != null ? 'pauseTimer' : 'startTimer' }),
      reset: () => void run({ type: 'resetTimer' }),
      adjust: (deltaMs) => void run({ type: 'adjustTimer', deltaMs }),
      undo: () => void run({ type: 'undo' }),
      scene: (scene) => void run({ type: 'setScene', scene }),
      showMessage: (text) => run({ type: 'showMessage', text }),
      clearMessage: () => void run({ type: 'clearMessage' }),
      close: () => {
        if (confirm('Close the assembly? Timers stop and the record is final (you can reopen).')) {
          void run({ type: 'closeAssembly' });
        }
      },
      reopen: () => void run({ type: 'reopenAssembly' }),
      run: (command) => run(command),
    };
  }, [notify]);
}
