import type { JournalEntry } from '../../protocol/events';
import { type AskAnswers, answersGiven } from './answersGiven';
import { type Arrivals, arrivals } from './arrivals';
import { type CardsSummary, cardsSummary } from './cardsSummary';
import type { CoreTeamEvaluation } from './coreTeamEvaluation';
import { nightTurnout } from './nightTurnout';
import { walkNight } from './nightWalk';
import { type RunOfShow, runOfShow } from './runOfShow';
import { type TurnoutAgainstCommitment, turnoutAgainstCommitment } from './turnoutAgainstCommitment';

/** Everything the evaluation page shows of the night, built from its journal alone. */
export interface NightEvaluation {
  title: string;
  venue: string;
  startsAt: number | null;
  endsAt: number | null;
  timeZone: string;
  status: 'draft' | 'live' | 'closed';
  runOfShow: RunOfShow;
  arrivals: Arrivals;
  turnout: TurnoutAgainstCommitment;
  asks: AskAnswers[];
  cards: CardsSummary;
  evaluations: CoreTeamEvaluation[];
}

/** The evaluation of the real night: every rehearsal's entries are left out entirely. */
export function evaluateNight(journal: readonly JournalEntry[]): NightEvaluation {
  const { stretches, entries, night } = walkNight(journal);
  const came = nightTurnout(entries);
  return {
    title: night.title,
    venue: night.venue,
    startsAt: night.startsAt,
    endsAt: night.endsAt,
    timeZone: night.timeZone,
    status: night.status,
    runOfShow: runOfShow(stretches, night),
    arrivals: arrivals(came, night.institutions),
    turnout: turnoutAgainstCommitment(came, night.institutions),
    asks: answersGiven(entries, stretches, night),
    cards: cardsSummary(night),
    evaluations: night.evaluations,
  };
}
