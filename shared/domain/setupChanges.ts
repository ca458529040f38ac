import type { Setup } from '../protocol/setup';
import type { AssemblyState } from './assembly';
import { valuesOf } from './register';

/**
 * What a new setup (imported or edited) may not do to an assembly already under way: the
 * night's record points at agenda items, institutions, asks and power-holders by id, and
 * a change that pulls one out from under it would confuse the room. Returns why, or null.
 */
export function setupChangeRefused(state: AssemblyState, setup: Setup): string | null {
  const current = state.live.currentItemId;
  if (current !== null && !setup.agenda.some((item) => item.id === current)) {
    const title = state.agenda.find((item) => item.id === current)?.title ?? current;
    return `“${title}” is the item running now: it cannot be deleted. Move on to another item first.`;
  }
  return (
    runningAskAtStake(state, setup) ??
    institutionsAtStake(state, setup) ??
    answersAtStake(state, setup) ??
    followUpsAtStake(state, setup)
  );
}

/** The running item's ask is on the screen, and an answer clock may be running for it. */
function runningAskAtStake(state: AssemblyState, setup: Setup): string | null {
  const { live } = state;
  const running = state.agenda.find((item) => item.id === live.currentItemId);
  const after = setup.agenda.find((item) => item.id === live.currentItemId);
  if (running && after && running.askId !== null && after.askId !== running.askId)
    return `“${running.title}” is running with its ask on the screen: its ask cannot change now.`;
  const clock = live.responseTimer;
  if (clock) {
    const ask = setup.asks.find((a) => a.id === clock.askId);
    if (!ask?.targetIds.includes(clock.powerHolderId)) {
      const name = state.powerHolders.find((p) => p.id === clock.powerHolderId)?.name ?? 'a power-holder';
      return `The answer clock is running for ${name}: stop it before removing them or their ask.`;
    }
  }
  return null;
}

/** Check-ins, registrants and the roll call count people for an institution: it must stay. */
function institutionsAtStake(state: AssemblyState, setup: Setup): string | null {
  const kept = new Set(setup.institutions.map((i) => i.id));
  const dropped = state.institutions.filter((i) => !kept.has(i.id));
  if (dropped.length === 0) return null;
  const droppedIds = new Set(dropped.map((i) => i.id));
  const name = (id: string) => dropped.find((i) => i.id === id)?.name ?? id;
  // Undone check-ins too: the record and the exports still name their institution.
  const checkedIn = valuesOf(state.attendance.checkIns).find(
    (c) => c.institutionId !== null && droppedIds.has(c.institutionId),
  );
  if (checkedIn?.institutionId)
    return `${name(checkedIn.institutionId)} has people checked in: it cannot be removed.`;
  const registered = state.attendance.registrants.find(
    (r) => r.institutionId !== null && droppedIds.has(r.institutionId),
  );
  if (registered?.institutionId)
    return `${name(registered.institutionId)} has registrants (${registered.name} and perhaps others): it cannot be removed.`;
  const called = Object.keys(state.turnout.called).find((id) => droppedIds.has(id));
  if (called) return `${name(called)} was called in the roll call: it cannot be removed.`;
  return null;
}

/**
 * Answers already given are the record: a new setup may not drop the ask or the person
 * that answered it, nor change the words they answered.
 */
function answersAtStake(state: AssemblyState, setup: Setup): string | null {
  for (const [askId, byHolder] of Object.entries(state.responses)) {
    const answered = Object.keys(byHolder).filter((holderId) => (byHolder[holderId]?.length ?? 0) > 0);
    if (answered.length === 0) continue;
    const before = state.asks.find((a) => a.id === askId);
    const after = setup.asks.find((a) => a.id === askId);
    const title = before?.title ?? askId;
    if (!after) return `“${title}” has answers recorded: it cannot be removed.`;
    if (before && after.wording !== before.wording)
      return `“${title}” has answers recorded: its wording cannot change now.`;
    const dropped = answered.find((holderId) => !after.targetIds.includes(holderId));
    if (dropped) {
      const name = state.powerHolders.find((p) => p.id === dropped)?.name ?? dropped;
      return `${name} has answered “${title}”: they must stay among its targets.`;
    }
  }
  return null;
}

/** Follow-ups track a promise after the night: the ask and the person must stay. */
function followUpsAtStake(state: AssemblyState, setup: Setup): string | null {
  for (const followUp of state.followUps) {
    const ask = setup.asks.find((a) => a.id === followUp.askId);
    const title = state.asks.find((a) => a.id === followUp.askId)?.title ?? followUp.askId;
    if (!ask?.targetIds.includes(followUp.powerHolderId))
      return `“${title}” has follow-ups recorded: it and its power-holder must stay.`;
  }
  return null;
}
