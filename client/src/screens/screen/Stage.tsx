import type { ReactNode } from 'react';
import { type AssemblyState, currentItem } from '../../../../shared/domain/assembly';
import { CommitmentsBoard } from '../../components/CommitmentsBoard';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { fitted } from '../../components/fitted';
import { AskScene } from './AskScene';
import { CardsScene } from './CardsScene';
import { ItemScene } from './ItemScene';
import { JoinScene } from './JoinScene';
import { RollCallScene } from './RollCallScene';
import { SpeakerMonitor } from './SpeakerMonitor';
import { bannerType } from './stageFit';
import { WelcomeScene } from './WelcomeScene';
import './stage.css';
import './rollCall.css';
import './ask.css';

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
 * What the room sees: a stage sized by its container (the projector's window, or the
 * chair's thumbnail), anything from 4:3 to 16:9, so type in container units scales with
 * whatever holds it. Its layout is a function of the state alone (stageFit.ts, rollCallFit.ts, commitmentsFit.ts):
 * the thumbnail shows what the projector shows.
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
          <SpeakerMonitor state={state} />
        ) : state ? (
          <Scene state={state} code={code} publicUrl={publicUrl} />
        ) : (
          <div className="scene scene-loading">
            <p className="muted">Assembly Live</p>
          </div>
        )}
      </div>
      {state?.live.message && (
        <div
          className="banner fitted"
          role="status"
          data-testid="banner"
          style={fitted((width) => bannerType(state.live.message!, width))}
        >
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
      // A closed assembly stops inviting check-in.
      return state.status === 'closed' ? (
        <WelcomeScene state={state} code={code} publicUrl={publicUrl} />
      ) : (
        <JoinScene state={state} code={code} publicUrl={publicUrl} />
      );
    case 'rollCall':
      return <RollCallScene state={state} />;
    case 'commitments':
      return (
        <div className="scene scene-commitments" data-testid="scene-commitments">
          <p className="kind">Commitments</p>
          <CommitmentsBoard state={state} />
        </div>
      );
    case 'cards':
      return <CardsScene state={state} />;
    case 'agenda': {
      // A roll call item shows the board by itself; an item with an ask shows the ask.
      const item = currentItem(state);
      const ask = item?.askId ? state.asks.find((candidate) => candidate.id === item.askId) : undefined;
      if (item && state.status !== 'closed') {
        if (item.kind === 'rollCall') return <RollCallScene state={state} />;
        if (ask) return <AskScene state={state} item={item} ask={ask} />;
      }
      if (!item || state.status === 'closed')
        return <WelcomeScene state={state} code={code} publicUrl={publicUrl} />;
      return <ItemScene state={state} item={item} code={code} publicUrl={publicUrl} />;
    }
    default:
      return state.live.scene satisfies never;
  }
}
