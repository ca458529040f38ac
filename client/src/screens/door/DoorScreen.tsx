import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { NotArrived } from '../../components/NotArrived';
import { Refused } from '../../components/Refused';
import { RehearsalMark } from '../../components/RehearsalMark';
import { useAssembly } from '../../connection/assemblyStore';
import { openOutbox, useOutbox } from '../../connection/outbox';
import { useRehearsalScope } from '../../connection/rehearsalScope';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { DoorPresence } from '../../readiness/DoorPresence';
import { DoorCounts } from './DoorCounts';
import { DoorModes, panelId, tabId } from './DoorModes';
import { DoorResult } from './DoorResult';
import { useDoorLabel } from './doorLabel';
import { type DoorMode, useDoorMode } from './doorMode';
import { report, useDoorReport } from './doorReport';
import { primeDoorSignal } from './doorSignal';
import { ForgetDevice } from './ForgetDevice';
import { Headcount } from './Headcount';
import { forgetMyCheckIns, openMyCheckIns } from './myCheckIns';
import { forgetMyTally, openMyTally } from './myTally';
import { PaperCard } from './PaperCard';
import { QuickCheckIn } from './QuickCheckIn';
import { RecentCheckIns } from './RecentCheckIns';
import { RegistrantSearch } from './RegistrantSearch';
import { ThisDoor } from './ThisDoor';
import { TicketScanner } from './TicketScanner';
import './door.css';

/** Where the steward's thumb goes when they choose a mode: straight to typing. */
const FIRST_FIELD: Partial<Record<DoorMode, string>> = { find: 'registrant-search', walkIn: 'quick-name' };

/** The door steward's page: check people in, scan tickets, count heads, on a phone or laptop. */
export default function DoorScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  // The door keeps its state on the device: a reload with no signal still finds registrants.
  useAssemblyConnection(code, staffKey, true);
  useEffect(() => {
    openMyCheckIns(code);
    openMyTally(code);
    return openOutbox(code);
  }, [code]);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  // The clicker's tally and the recent list from a rehearsal (or from before it) start again
  // from the server's copy, which End rehearsal put back.
  const forgetTheNight = useCallback(() => {
    forgetMyTally(code);
    forgetMyCheckIns(code);
    openMyTally(code);
    openMyCheckIns(code);
  }, [code]);
  useRehearsalScope(code, state ? (state.rehearsal?.number ?? null) : undefined, forgetTheNight);
  const waitingList = useOutbox((s) => s.waiting);
  const waiting = waitingList.length;
  const result = useDoorReport((s) => s.report);
  const [device, setDevice, unnamed] = useDoorLabel();
  const hasRegistrants = (state?.attendance.registrants.length ?? 0) > 0;
  // Paper commitment cards from the moment the chair opens the card (and after it closes).
  const cardsBegun = state ? state.cards.open || Object.keys(state.cards.tally.people).length > 0 : false;
  const cards: DoorMode[] = cardsBegun && (state?.cards.options.length ?? 0) > 0 ? ['card'] : [];
  const modes: DoorMode[] = hasRegistrants
    ? ['find', 'walkIn', 'ticket', 'count', ...cards]
    : ['walkIn', 'ticket', 'count', ...cards];
  const [mode, setMode] = useDoorMode(modes);
  // "Nobody registered by that name": the name goes on to the walk-in form.
  const [walkIn, setWalkIn] = useState<{ name: string } | null>(null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const choose = (next: DoorMode, by: 'click' | 'arrow') => {
    setMode(next);
    if (by === 'click') focusNext.current = FIRST_FIELD[next] ?? null;
  };
  // Sound needs a tap on the page first; any tap will do.
  useEffect(() => {
    window.addEventListener('pointerdown', primeDoorSignal);
    window.addEventListener('keydown', primeDoorSignal);
    return () => {
      window.removeEventListener('pointerdown', primeDoorSignal);
      window.removeEventListener('keydown', primeDoorSignal);
    };
  }, []);

  // A check-in that waited on this device has synced: say so, rather than "will sync".
  useEffect(() => {
    if (result?.tone !== 'queued' || !result.checkInId) return;
    if (!waitingList.some((q) => q.key === result.checkInId)) {
      report({
        tone: 'ok',
        text: `${result.who ?? 'Check-in'}: synced.`,
        checkInId: result.checkInId,
        who: result.who,
      });
    }
  }, [result, waitingList]);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  return (
    <main className="page door">
      <RehearsalMark note="Practice check-ins: cleared when the rehearsal ends, so people check in again on the night." />
      <header className="door-head">
        <h1>Door · {state.title}</h1>
        {/* In the header's line, not over it: the switch below it is never covered. */}
        <ConnectionBadge inline />
      </header>
      {state.status === 'closed' && <p className="hint">The assembly is closed: check-in has stopped.</p>}
      <div className="door-grid">
        <div className="door-main">
          <DoorModes modes={modes} mode={mode} onChoose={choose} />
          <DoorResult waiting={waiting} />
          {hasRegistrants && (
            <Panel mode="find" shown={mode}>
              <RegistrantSearch
                state={state}
                device={device}
                onWalkIn={(name) => {
                  setWalkIn({ name });
                  choose('walkIn', 'click');
                }}
              />
            </Panel>
          )}
          <Panel mode="walkIn" shown={mode}>
            <QuickCheckIn institutions={state.institutions} device={device} seed={walkIn} />
          </Panel>
          <Panel mode="ticket" shown={mode}>
            <TicketScanner device={device} active={mode === 'ticket'} />
          </Panel>
          <Panel mode="count" shown={mode}>
            <Headcount state={state} />
          </Panel>
          {cards.length > 0 && (
            <Panel mode="card" shown={mode}>
              <PaperCard state={state} />
            </Panel>
          )}
        </div>
        <div className="door-side">
          <ThisDoor device={device} setDevice={setDevice} unnamed={unnamed} />
          <DoorCounts state={state} />
          <NotArrived state={state} />
          <RecentCheckIns state={state} />
        </div>
      </div>
      <ForgetDevice code={code} />
      <DoorPresence label={device} waiting={waiting} />
    </main>
  );
}

/** One mode's controls; the others stay put (what was typed, the chosen institution), hidden. */
function Panel({ mode, shown, children }: { mode: DoorMode; shown: DoorMode; children: ReactNode }) {
  return (
    <div
      className="door-panel"
      role="tabpanel"
      id={panelId(mode)}
      aria-labelledby={tabId(mode)}
      hidden={mode !== shown}
    >
      {children}
    </div>
  );
}
