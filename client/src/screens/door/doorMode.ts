import { useState } from 'react';
import { storedText, storeText } from '../../connection/deviceStorage';

// On a phone the door shows one thing at a time, each on the first screen: the steward picks
// what this door does most (a ticket queue, walk-ins, a clicker), and the device keeps it.

export const DOOR_MODES = ['find', 'walkIn', 'ticket', 'count', 'card'] as const;
export type DoorMode = (typeof DOOR_MODES)[number];

export const DOOR_MODE_LABELS: Readonly<Record<DoorMode, string>> = {
  find: 'Find',
  walkIn: 'Walk-in',
  ticket: 'Ticket',
  count: 'Count',
  card: 'Cards',
};

const KEY = 'assembly-live:door-mode';

/** What the device kept, if it is still a mode this door offers; else the first it offers. */
export function chooseDoorMode(kept: string | null, offered: readonly DoorMode[]): DoorMode {
  const found = offered.find((mode) => mode === kept);
  return found ?? offered[0] ?? 'walkIn';
}

/** The door's mode, kept on this device. "Find" is offered only when people registered. */
export function useDoorMode(offered: readonly DoorMode[]): [DoorMode, (mode: DoorMode) => void] {
  const [kept, setKept] = useState(() => storedText(KEY));
  const change = (mode: DoorMode) => {
    setKept(mode);
    storeText(KEY, mode);
  };
  return [chooseDoorMode(kept, offered), change];
}
