import type { AssemblyState } from '../../shared/domain/assembly';
import { valuesOf } from '../../shared/domain/register';
import { namedTotal, sumOf } from '../../shared/domain/turnout';

// What must hold of any assembly, whatever was sent to it.

/** Problems with a state's counts: empty when one person counts once and every count is sound. */
export function countProblems(state: AssemblyState): string[] {
  const problems: string[] = [];
  const { turnout, attendance } = state;
  const active = valuesOf(attendance.checkIns).filter((c) => c.undoneAt === null);
  if (attendance.checkIns.size !== valuesOf(attendance.checkIns).length)
    problems.push(
      `check-ins: size ${attendance.checkIns.size} but ${valuesOf(attendance.checkIns).length} held`,
    );
  if (namedTotal(turnout) !== active.length)
    problems.push(`turnout counts ${namedTotal(turnout)} named, but ${active.length} check-ins are active`);
  if (sumOf(turnout.byDevice) !== active.length)
    problems.push(`doors count ${sumOf(turnout.byDevice)}, but ${active.length} check-ins are active`);
  const byDevice = new Map<string, number>();
  for (const c of active) byDevice.set(c.device, (byDevice.get(c.device) ?? 0) + 1);
  for (const [device, n] of byDevice)
    if (!Object.hasOwn(turnout.byDevice, device) || turnout.byDevice[device] !== n)
      problems.push(`door ${JSON.stringify(device)} counts ${turnout.byDevice[device]}, not ${n}`);
  const counts = [
    ...Object.values(turnout.byInstitution),
    ...Object.values(turnout.byDevice),
    ...Object.values(turnout.headcounts).flatMap((devices) => Object.values(devices)),
    turnout.guests,
  ];
  if (counts.some((n) => typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0))
    problems.push(`a count is not a whole number: ${JSON.stringify(turnout)}`);
  const admitted = new Set<string>();
  for (const c of active) {
    if (c.registrantId === null) continue;
    if (admitted.has(c.registrantId)) problems.push(`registrant ${c.registrantId} is counted twice`);
    admitted.add(c.registrantId);
  }
  const registrantIds = state.attendance.registrants.map((r) => r.id);
  if (new Set(registrantIds).size !== registrantIds.length) problems.push('two registrants share an id');
  const followUpIds = state.followUps.map((f) => f.id);
  if (new Set(followUpIds).size !== followUpIds.length) problems.push('two follow-ups share an id');
  return problems;
}

/** JSON with sorted keys: two states equal as a client would receive them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort())
      Object.defineProperty(sorted, key, {
        value: (v as Record<string, unknown>)[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return sorted;
  });
}

/**
 * A door's or the public's mirror as the server's view of it would be: every mirror keeps
 * undo steps of its own (evolve pushes them), but only the chair's and organiser's are sent.
 */
export const withoutUndo = (state: AssemblyState): AssemblyState => ({
  ...state,
  undo: [],
  rehearsal: state.rehearsal && { ...state.rehearsal, before: { ...state.rehearsal.before, undo: [] } },
});
