import { useState } from 'react';
import { currentItem, ITEM_KIND_LABELS } from '../../../../shared/domain/assembly';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { RehearsalControl } from '../../components/RehearsalControl';
import { RehearsalMark } from '../../components/RehearsalMark';
import { TimerClock } from '../../components/TimerClock';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { ConnectedSummary } from '../../readiness/ConnectedSummary';
import { AskPanel } from './AskPanel';
import { CardsControl } from './CardsControl';
import { MessageControl } from './MessageControl';
import { ProjectedFinish } from './ProjectedFinish';
import { RollCallPanel } from './RollCallPanel';
import { RunOfShow } from './RunOfShow';
import { SceneControl } from './SceneControl';
import { ScreenThumbnail } from './ScreenThumbnail';
import { SpeakerCue } from './SpeakerCue';
import { describeScreen } from './screenDescription';
import { undoLabel, undoWhat } from './undoLabel';
import { useChairActions } from './useChairActions';
import { SHORTCUTS, useChairShortcuts } from './useChairShortcuts';
import './chair.css';

/** The chair's console: the run of show, the clock, the screen, and undo for a wrong press. */
export default function ChairScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const online = useAssembly((s) => s.status === 'live');
  const publicUrl = useAssembly((s) => s.publicUrl);
  const [notice, setNotice] = useState<string | null>(null);
  const actions = useChairActions(setNotice);
  useChairShortcuts(actions);

  if (!staffKey) {
    return (
      <main className="page narrow">
        <div role="alert">
          <h1>This is the chair's console</h1>
          <p>Open it with the chair link the organiser gave you (it ends in #key=…).</p>
        </div>
      </main>
    );
  }
  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;

  const item = currentItem(state);
  const running = state.live.timer.startedAt !== null;
  const ask = item?.askId ? (state.asks.find((candidate) => candidate.id === item.askId) ?? null) : null;
  const closed = state.status === 'closed';
  const undoing = closed ? null : undoWhat(state);
  const undoTitle = closed ? null : undoLabel(state);
  const rollCallNow = item?.kind === 'rollCall' || state.live.scene === 'rollCall';
  const rollCall = <RollCallPanel state={state} run={actions.run} disabled={closed} />;
  // The cards come at the close: then they are first. A closed assembly may still open them.
  const atClose = item?.kind === 'close' || closed;
  const cards = <CardsControl state={state} run={actions.run} />;
  return (
    <main className="chair">
      <RehearsalMark note="Everything works as on the night; End rehearsal puts the night back as it was." />
      <header className="chair-header">
        <div className="chair-title">
          <h1>{state.title}</h1>
          <p className="muted">
            Chair · {code} · <span data-testid="assembly-status">{state.status}</span>
          </p>
        </div>
        <ProjectedFinish state={state} />
        <ConnectionBadge inline />
        <RehearsalControl state={state} run={actions.run} />
        {closed ? (
          <button type="button" onClick={actions.reopen}>
            Reopen assembly
          </button>
        ) : (
          <button type="button" className="quiet" onClick={actions.close}>
            Close assembly…
          </button>
        )}
      </header>
      {closed && (
        <p className="closed-banner" role="status" data-testid="closed-banner">
          The assembly is closed. The screen thanks the room; the record is settled. Reopen it above if you
          need to.
        </p>
      )}

      <div className="chair-body">
        <RunOfShow state={state} onJump={actions.goTo} />

        <section className={`chair-controls ${online ? '' : 'offline'}`} aria-label="Controls">
          <div className="chair-now">
            {!online && (
              <p className="offline-notice" role="alert">
                Offline: presses are not reaching the screen. Reconnecting…
              </p>
            )}
            <div className="now-card" data-testid="now-card">
              {item ? (
                <>
                  <div className="now-what">
                    <p className="kind">{ITEM_KIND_LABELS[item.kind]}</p>
                    <h2 data-testid="chair-item-title">{item.title}</h2>
                    {item.speaker && <p className="speaker">{item.speaker}</p>}
                  </div>
                  <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-console" />
                </>
              ) : (
                <p className="muted">
                  {state.agenda.length === 0
                    ? 'The agenda is empty: the organiser imports it first.'
                    : 'Not started. Press Next (→) to begin with the first item.'}
                </p>
              )}
            </div>

            <div className="button-row transport">
              <button
                type="button"
                onClick={actions.previous}
                disabled={closed}
                aria-keyshortcuts="ArrowLeft"
              >
                ← Previous
              </button>
              <button
                type="button"
                className="primary"
                onClick={actions.toggleTimer}
                disabled={!item || closed}
                aria-keyshortcuts="Space"
              >
                {running ? 'Pause' : 'Start'}
              </button>
              <button type="button" onClick={actions.next} disabled={closed} aria-keyshortcuts="ArrowRight">
                Next →
              </button>
            </div>
            <div className="button-row timer-row">
              <button type="button" onClick={() => actions.adjust(-30_000)} disabled={!item || closed}>
                −30 s
              </button>
              <button type="button" onClick={actions.reset} disabled={!item || closed} aria-keyshortcuts="R">
                Reset
              </button>
              <button type="button" onClick={() => actions.adjust(30_000)} disabled={!item || closed}>
                +30 s
              </button>
              <button
                type="button"
                className="undo"
                onClick={actions.undo}
                disabled={undoing === null}
                aria-keyshortcuts="U"
                title={undoTitle ?? 'Nothing to undo'}
                data-testid="undo"
              >
                <span aria-hidden="true">↶ </span>
                {undoing ? 'Undo:' : 'Undo'} {undoing && <span className="undo-what">{undoing}</span>}
              </button>
            </div>
            {notice && (
              <p className="notice" role="alert" data-testid="chair-notice">
                {notice}{' '}
                <button type="button" className="link" onClick={() => setNotice(null)}>
                  dismiss
                </button>
              </p>
            )}
          </div>

          {/* What this item needs (its notes, the answers, the roll call) scrolls here, under the clock. */}
          <div className="chair-panel" data-testid="chair-panel">
            {item?.notes && (
              <p className="notes">
                <span className="visually-hidden">Your notes: </span>
                {item.notes}
              </p>
            )}
            {atClose && cards}
            {rollCallNow && rollCall}
            {ask && <AskPanel state={state} ask={ask} run={actions.run} disabled={closed} />}
            {!rollCallNow && rollCall}
            {!atClose && cards}
            <details className="shortcuts">
              <summary>Keyboard shortcuts</summary>
              <dl>
                {SHORTCUTS.map(([keys, what]) => (
                  <div key={keys}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <ConnectedSummary />
          </div>
        </section>

        <aside className="chair-screen" aria-label="The screen">
          <h2 className="screen-heading">On the screen now</h2>
          <ScreenThumbnail
            state={state}
            code={code}
            publicUrl={publicUrl}
            label={`The screen now: ${describeScreen(state)}`}
            testId="screen-thumbnail"
          />
          <SceneControl scene={state.live.scene} onChange={actions.scene} disabled={closed} />
          <SpeakerCue state={state} run={actions.run} disabled={closed} />
          <MessageControl
            state={state}
            code={code}
            publicUrl={publicUrl}
            onShow={actions.showMessage}
            onClear={actions.clearMessage}
            disabled={closed}
          />
        </aside>
      </div>
    </main>
  );
}
