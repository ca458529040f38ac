import {
  type AssemblyState,
  currentIndex,
  currentItem,
  ITEM_KIND_LABELS,
} from '../../../../shared/domain/assembly';
import { CommitmentsBoard } from '../../components/CommitmentsBoard';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { JoinQr, joinUrl, shortJoinUrl } from '../../components/JoinQr';
import { TimerClock } from '../../components/TimerClock';
import { formatTimeOfDay } from '../../format';
import { AskScene } from './AskScene';
import { RollCallScene } from './RollCallScene';
import './stage.css';
import './rollCall.css';
import './ask.css';
import type { ReactNode } from 'react';

export interface StageProps {
  /** Null while the first state is on its way: the stage shows the product's name, never blank. */
  state: AssemblyState | null;
  code: string;
  publicUrl: string;
  /** The stage-facing monitor (`?view=timer`) rather than the room's screen. */
  speakerView?: boolean;
  /** Shown in place of the scene when the server refused this screen. */
  refusal?: ReactNode;
  /** The projector shows its connection; a thumbnail of it on the chair's console does not. */
  showConnection?: boolean;
}

/**
 * What the room sees: a 16:9 stage sized by its container (the projector's window, or the
 * chair's thumbnail), so type in container units scales with whatever holds it.
 */
export function Stage({
  state,
  code,
  publicUrl,
  speakerView = false,
  refusal,
  showConnection = true,
}: StageProps) {
  return (
    <div
      className={`stage ${state?.live.message ? 'with-banner' : ''}`}
      data-scene={state?.live.scene ?? 'loading'}
    >
      <div className="scene-area">
        {refusal ? (
          refusal
        ) : state && speakerView ? (
          <SpeakerTimer state={state} />
        ) : state ? (
          <Scene state={state} code={code} publicUrl={publicUrl} />
        ) : (
          <div className="scene scene-loading">
            <p className="muted">Assembly Live</p>
          </div>
        )}
      </div>
      {state?.live.message && (
        <div className="banner" role="status" data-testid="banner">
          {state.live.message}
        </div>
      )}
      {showConnection && <ConnectionBadge />}
    </div>
  );
}

function Scene({ state, code, publicUrl }: { state: AssemblyState; code: string; publicUrl: string }) {
  switch (state.live.scene) {
    case 'blank':
      return <div className="scene scene-blank" data-testid="scene-blank" />;
    case 'join':
      return <JoinScene state={state} code={code} publicUrl={publicUrl} />;
    case 'rollCall':
      return <RollCallScene state={state} />;
    case 'commitments':
      return (
        <div className="scene scene-commitments" data-testid="scene-commitments">
          <p className="kind">Commitments</p>
          <CommitmentsBoard state={state} />
        </div>
      );
    case 'agenda': {
      // A roll call item shows the board by itself; an item with an ask shows the ask.
      const item = currentItem(state);
      const ask = item?.askId ? state.asks.find((candidate) => candidate.id === item.askId) : undefined;
      if (item && state.status !== 'closed') {
        if (item.kind === 'rollCall') return <RollCallScene state={state} />;
        if (ask) return <AskScene state={state} item={item} ask={ask} />;
      }
      return <AgendaScene state={state} code={code} publicUrl={publicUrl} />;
    }
    default:
      return state.live.scene satisfies never;
  }
}

function JoinScene({ state, code, publicUrl }: { state: AssemblyState; code: string; publicUrl: string }) {
  return (
    <div className="scene scene-join" data-testid="scene-join">
      <JoinQr url={joinUrl(publicUrl, code)} className="qr-large" />
      <div className="join-text">
        <p className="kind">Check in on your phone</p>
        <h1>{state.title}</h1>
        <p className="join-url">{shortJoinUrl(publicUrl, code)}</p>
        <p className="join-code">
          Code <strong>{code}</strong>
        </p>
      </div>
    </div>
  );
}

function AgendaScene({ state, code, publicUrl }: { state: AssemblyState; code: string; publicUrl: string }) {
  const item = currentItem(state);
  const next = state.agenda[currentIndex(state) + 1];
  const corner = (
    <div className="join-corner">
      <p>
        Check in at
        <br />
        <strong>{shortJoinUrl(publicUrl, code)}</strong>
      </p>
      <JoinQr url={joinUrl(publicUrl, code)} />
    </div>
  );
  if (!item || state.status === 'closed') {
    return (
      <div className="scene scene-welcome" data-testid="scene-welcome">
        <p className="kind">{state.status === 'closed' ? 'Thank you' : 'Welcome'}</p>
        <h1 className="title">{state.title}</h1>
        {state.venue && <p className="speaker">{state.venue}</p>}
        {state.startsAt !== null && state.status === 'draft' && (
          <p className="starts">Starting at {formatTimeOfDay(state.startsAt)}</p>
        )}
        {corner}
      </div>
    );
  }
  return (
    <div className="scene scene-agenda" data-testid="scene-agenda">
      <p className="kind" data-testid="item-kind">
        {ITEM_KIND_LABELS[item.kind]}
      </p>
      <h1 className="title" data-testid="item-title">
        {item.title}
      </h1>
      {item.speaker && <p className="speaker">{item.speaker}</p>}
      {item.durationMs > 0 && (
        <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-huge" />
      )}
      {next && (
        <p className="up-next">
          Next: <span>{next.title}</span>
        </p>
      )}
      {corner}
    </div>
  );
}

/**
 * The stage-facing monitor (`?view=timer`): the timekeeper's cards as a screen. The
 * speaker sees only the clock, amber at the warning and red at time, whatever scene the
 * room's projector is showing.
 */
function SpeakerTimer({ state }: { state: AssemblyState }) {
  const item = currentItem(state);
  return (
    <div className="scene scene-speaker" data-testid="scene-speaker">
      {item ? (
        <>
          <p className="speaker-item">{item.title}</p>
          <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-speaker" />
        </>
      ) : (
        <p className="speaker-item">Not started</p>
      )}
    </div>
  );
}
