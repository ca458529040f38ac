import type { JournalEntry } from '../../protocol/events';
import type { CheckIn } from '../turnout';

/** Who came on the night, read straight from its entries (no state replayed: a night has thousands). */
export interface NightTurnout {
  /** Check-ins that count, oldest first: neither undone nor merged into another of the same person. */
  counted: CheckIn[];
  /** The stewards' clicker tallies: section, then device, to its count. */
  headcounts: Record<string, Record<string, number>>;
}

/** The same rules as evolve's: an undo, a merge or a flood undone takes a check-in out of the count. */
export function nightTurnout(entries: readonly JournalEntry[]): NightTurnout {
  const checkIns = new Map<string, CheckIn>();
  const headcounts = new Map<string, Map<string, number>>();
  const takeOut = (id: string, at: number) => {
    const checkIn = checkIns.get(id);
    if (checkIn && checkIn.undoneAt === null) checkIns.set(id, { ...checkIn, undoneAt: at });
  };
  for (const { event } of entries) {
    switch (event.type) {
      case 'checkedIn':
        if (!checkIns.has(event.checkIn.id)) checkIns.set(event.checkIn.id, event.checkIn);
        break;
      case 'checkInUndone':
        takeOut(event.checkInId, event.at);
        break;
      case 'checkInsMerged':
        takeOut(event.duplicateId, event.at);
        break;
      case 'phoneCheckInsUndone':
        for (const checkIn of checkIns.values())
          if (checkIn.method === 'self' && checkIn.at >= event.since) takeOut(checkIn.id, event.at);
        break;
      case 'headcountSet': {
        const devices = headcounts.get(event.section) ?? new Map<string, number>();
        if (event.count > 0) devices.set(event.deviceId, event.count);
        else devices.delete(event.deviceId);
        headcounts.set(event.section, devices);
        break;
      }
      default:
        break;
    }
  }
  return {
    counted: [...checkIns.values()].filter((c) => c.undoneAt === null).sort((a, b) => a.at - b.at),
    headcounts: Object.fromEntries(
      [...headcounts].map(([section, devices]) => [section, Object.fromEntries(devices)]),
    ),
  };
}
