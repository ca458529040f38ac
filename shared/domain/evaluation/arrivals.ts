import type { Institution } from '../assembly';
import { CHECK_IN_METHOD_LABELS, type CheckInMethod, sumOf } from '../turnout';
import type { NightTurnout } from './nightTurnout';

/** How people came in, as the door team talks about it: a phone's own check-in and its own ticket are both phones. */
export const ARRIVAL_WAYS = ['phone', 'ticket', 'doorSearch', 'walkIn'] as const;
export type ArrivalWay = (typeof ARRIVAL_WAYS)[number];

export const ARRIVAL_WAY_LABELS: Record<ArrivalWay, string> = {
  phone: CHECK_IN_METHOD_LABELS.self,
  ticket: CHECK_IN_METHOD_LABELS.ticket,
  doorSearch: CHECK_IN_METHOD_LABELS.steward,
  walkIn: CHECK_IN_METHOD_LABELS.walkIn,
};

const WAY_OF: Record<CheckInMethod, ArrivalWay> = {
  self: 'phone',
  ownTicket: 'phone',
  ticket: 'ticket',
  steward: 'doorSearch',
  walkIn: 'walkIn',
};

export const arrivalWay = (method: CheckInMethod): ArrivalWay => WAY_OF[method];

export const FIVE_MINUTES = 5 * 60_000;
/** A chart of more bins than this is unreadable: check-ins spread over a day get wider bins. */
export const MOST_BINS = 72;

export interface ArrivalBin {
  /** The start of the bin. */
  from: number;
  byWay: Record<ArrivalWay, number>;
  /** Per door, in the order of Arrivals.byDoor. */
  byDoor: number[];
  total: number;
}

export interface SectionCount {
  section: string;
  named: number;
  headcount: number;
}

export interface Arrivals {
  binMs: number;
  bins: ArrivalBin[];
  byWay: Record<ArrivalWay, number>;
  /** Per door (the device's label, "Phones" for phones), most first. */
  byDoor: { door: string; count: number }[];
  /** Named check-ins that count, and the stewards' headcount beside them. */
  named: number;
  headcount: number;
  bySection: SectionCount[];
}

const noWays = (): Record<ArrivalWay, number> => ({ phone: 0, ticket: 0, doorSearch: 0, walkIn: 0 });

/** The bin width: five minutes, or wider when the check-ins span more than MOST_BINS of them. */
export function binWidth(firstAt: number, lastAt: number): number {
  for (const minutes of [5, 10, 15, 30, 60, 120, 240, 720, 1440]) {
    const width = minutes * 60_000;
    if (Math.floor(lastAt / width) - Math.floor(firstAt / width) + 1 <= MOST_BINS) return width;
  }
  return 1440 * 60_000 * Math.ceil((lastAt - firstAt) / (1440 * 60_000 * MOST_BINS) + 1);
}

/** Check-ins per five minutes by the way people came in, per door, and the headcount beside them. */
export function arrivals(
  { counted, headcounts }: NightTurnout,
  institutions: readonly Institution[],
): Arrivals {
  const byWay = noWays();
  const doors = new Map<string, number>();
  const bins: ArrivalBin[] = [];
  const binDoors: Map<string, number>[] = [];
  const first = counted[0];
  const last = counted.at(-1);
  const binMs = first && last ? binWidth(first.at, last.at) : FIVE_MINUTES;
  if (first && last) {
    const start = Math.floor(first.at / binMs) * binMs;
    const count = Math.floor((last.at - start) / binMs) + 1;
    for (let i = 0; i < count; i++) {
      bins.push({ from: start + i * binMs, byWay: noWays(), byDoor: [], total: 0 });
      binDoors.push(new Map());
    }
    for (const checkIn of counted) {
      const way = arrivalWay(checkIn.method);
      const index = Math.floor((checkIn.at - start) / binMs);
      const bin = bins[index]!;
      const inBin = binDoors[index]!;
      inBin.set(checkIn.device, (inBin.get(checkIn.device) ?? 0) + 1);
      bin.byWay[way]++;
      bin.total++;
      byWay[way]++;
      doors.set(checkIn.device, (doors.get(checkIn.device) ?? 0) + 1);
    }
  }
  const sectionOf = new Map(institutions.map((i) => [i.id, i.section]));
  const sections = new Map<string, number>();
  for (const institution of institutions) sections.set(institution.section, 0);
  for (const checkIn of counted) {
    const section = checkIn.institutionId === null ? undefined : sectionOf.get(checkIn.institutionId);
    if (section !== undefined) sections.set(section, (sections.get(section) ?? 0) + 1);
  }
  for (const section of Object.keys(headcounts)) if (!sections.has(section)) sections.set(section, 0);
  const headcountOf = (section: string) =>
    Object.hasOwn(headcounts, section) ? sumOf(headcounts[section]!) : 0;
  const byDoor = [...doors]
    .map(([door, count]) => ({ door, count }))
    .sort((a, b) => b.count - a.count || a.door.localeCompare(b.door));
  bins.forEach((bin, index) => {
    bin.byDoor = byDoor.map(({ door }) => binDoors[index]!.get(door) ?? 0);
  });
  return {
    binMs,
    bins,
    byWay,
    byDoor,
    named: counted.length,
    headcount: Object.keys(headcounts).reduce((total, section) => total + headcountOf(section), 0),
    bySection: [...sections]
      .map(([section, named]) => ({ section, named, headcount: headcountOf(section) }))
      .sort((a, b) => a.section.localeCompare(b.section)),
  };
}
