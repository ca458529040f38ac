import { useCallback, useEffect, useState } from 'react';
import { type AssemblyState, currentItem, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { formatDuration } from '../../../../shared/domain/timer';
import { CommitmentsBoard } from '../../components/CommitmentsBoard';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { RehearsalMark } from '../../components/RehearsalMark';
import { TimerClock } from '../../components/TimerClock';
import { useWakeLock } from '../../components/useWakeLock';
import { useAssembly } from '../../connection/assemblyStore';
import { dismissRefusal, openOutbox, useOutbox } from '../../connection/outbox';
import { useRehearsalScope } from '../../connection/rehearsalScope';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { formatTimeOfDay } from '../../format';
import { keepAppOnDevice } from '../../offline/keepOnDevice';
import { usePhonePresence } from '../../readiness/presenceReport';
import { CheckInForm } from './CheckInForm';
import { CommitmentCard } from './CommitmentCard';
import { institutionFromLink } from './institutionFromLink';
import { saveMyCard } from './myCard';
import { loadMyCheckIn, type MyCheckIn, saveMyCheckIn } from './myCheckIn';
import './phone.css';

/** The phone: check in, then follow the night (what is on now, and the agenda). */
export default function JoinScreen({ code }: { code: string }) {
  useAssemblyConnection(code, undefined, true);
  useEffect(() => openOutbox(code), [code]);
  useWakeLock();
  usePhonePresence();
  const state = useAssembly((s) => s.state);
  const connectionRefusal = useAssembly((s) => s.refusal);
  const [mine, setMine] = useState<MyCheckIn | null>(() => loadMyCheckIn(code));
  const waiting = useOutbox((s) => s.waiting.some((q) => q.key === mine?.checkInId));
  const refusal = useOutbox((s) => s.refused.find((r) => r.key === mine?.checkInId) ?? null);
  const [refusedMessage, setRefusedMessage] = useState<string | null>(null);
  // A card still waiting to go, or refused when it went: shown even once the cards close.
  const cardUnsettled = useOutbox(
    (s) =>
      s.waiting.some((q) => q.command.type === 'submitCard') ||
      s.refused.some((r) => r.command.type === 'submitCard'),
  );
  // A check-in made in a rehearsal that has ended is not one on the night: the form comes back.
  const forgetMine = useCallback(() => {
    saveMyCheckIn(code, null);
    saveMyCard(code, null);
    setMine(null);
  }, [code]);
  useRehearsalScope(code, state ? (state.rehearsal?.number ?? null) : undefined, forgetMine);

  // A check-in that waited on the phone is settled when it leaves the outbox: recorded, or
  // refused (then the phone says so and shows the form again, never "checked in").
  useEffect(() => {
    if (!mine || mine.confirmed || waiting) return;
    if (refusal) {
      saveMyCheckIn(code, null);
      setMine(null);
      setRefusedMessage(refusal.failure.message);
      dismissRefusal(refusal.id);
    } else {
      const confirmed = { ...mine, confirmed: true };
      saveMyCheckIn(code, confirmed);
      setMine(confirmed);
    }
  }, [code, mine, waiting, refusal]);
  // Checked in: now the rest of the app may come onto the phone, for a reload with no wifi.
  const confirmed = mine?.confirmed === true;
  useEffect(() => {
    if (confirmed) keepAppOnDevice();
  }, [confirmed]);

  if (connectionRefusal) return <Refused />;
  if (!state) return <Connecting code={code} />;

  const checkedIn = (record: MyCheckIn) => {
    saveMyCheckIn(code, record);
    setMine(record);
    setRefusedMessage(null);
    window.scrollTo({ top: 0 });
  };
  const someoneElse = () => {
    saveMyCheckIn(code, null);
    setMine(null);
  };

  return (
    <main className="page phone">
      <RehearsalMark />
      <ConnectionBadge />
      <h1>{state.title}</h1>
      {state.venue && <p className="muted">{state.venue}</p>}
      {state.live.message && (
        <p className="phone-message" role="status">
          {state.live.message}
        </p>
      )}
      {refusedMessage && !mine && (
        <p className="field-error" role="alert">
          Your check-in was not recorded: {refusedMessage}
        </p>
      )}
      {(state.cards.open || cardUnsettled) && state.cards.options.length > 0 && (
        <CommitmentCard code={code} state={state} checkedIn={mine} />
      )}
      {mine ? (
        <section className="checked-in" aria-label="Your check-in" data-testid="checked-in">
          <p className="checked-in-mark" aria-hidden="true">
            ✓
          </p>
          <p role="status">
            {!mine.confirmed ? (
              <>
                Saved on this phone, {mine.name}: your check-in with {mine.institution} will be sent as soon
                as the connection is back.
              </>
            ) : mine.alreadyAt !== undefined ? (
              <>
                You’re already checked in with <strong>{mine.institution}</strong>, {mine.name}: since{' '}
                {formatTimeOfDay(mine.alreadyAt)}. You are counted once.
              </>
            ) : (
              <>
                You’re checked in with <strong>{mine.institution}</strong>, {mine.name}.
              </>
            )}
          </p>
          <button type="button" className="link" onClick={someoneElse}>
            Check in someone else on this phone
          </button>
        </section>
      ) : state.status === 'closed' ? null : state.turnout.phonesClosed ? (
        <p className="phone-closed" role="status">
          Check-in on phones is closed. Please check in with a steward at the door.
        </p>
      ) : (
        <CheckInForm
          title={state.title}
          institutions={state.institutions}
          onCheckedIn={checkedIn}
          preset={institutionFromLink(location.search, state.institutions)}
        />
      )}
      <FollowAlong state={state} />
    </main>
  );
}

function FollowAlong({ state }: { state: AssemblyState }) {
  const item = currentItem(state);
  const ask = item?.askId ? state.asks.find((candidate) => candidate.id === item.askId) : undefined;
  return (
    <>
      <section className="phone-now" aria-label="Now">
        {item && state.status !== 'closed' ? (
          <>
            <p className="kind">{ITEM_KIND_LABELS[item.kind]}</p>
            <h2>{item.title}</h2>
            {item.speaker && <p>{item.speaker}</p>}
            {item.durationMs > 0 && <TimerClock timer={state.live.timer} warningMs={item.warningMs} />}
            {ask && <p className="phone-ask">{ask.wording}</p>}
          </>
        ) : (
          <p>
            {state.status === 'closed' ? 'The assembly has closed. Thank you for coming.' : 'Starting soon.'}
          </p>
        )}
      </section>
      {state.asks.length > 0 && (
        <section aria-labelledby="phone-board-h" className="phone-board">
          <h2 id="phone-board-h">Commitments</h2>
          <CommitmentsBoard state={state} compact />
        </section>
      )}
      <section aria-label="Agenda">
        <h2>Agenda</h2>
        <ol className="phone-agenda">
          {state.agenda.map((entry) => (
            <li key={entry.id} className={entry.id === state.live.currentItemId ? 'current' : ''}>
              <span>{entry.title}</span> <span className="muted">{formatDuration(entry.durationMs)}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
