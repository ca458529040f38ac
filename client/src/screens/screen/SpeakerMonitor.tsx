import { type AssemblyState, currentItem, SPEAKER_CUE_WORDS } from '../../../../shared/domain/assembly';
import { TimerClock } from '../../components/TimerClock';
import './speaker.css';

/**
 * The stage-facing monitor (`?view=timer`): the timekeeper's cards as a screen. The
 * speaker sees only the clock, amber at the warning and red at time, and the chair's cue
 * ("Wrap up", "30 seconds"), whatever scene the room's projector is showing. The cue is in
 * everyone's copy of the state (this monitor is a public page), but only this view draws it.
 */
export function SpeakerMonitor({ state }: { state: AssemblyState }) {
  const item = currentItem(state);
  const cue = state.live.speakerCue;
  return (
    <div className={`scene scene-speaker ${cue ? 'with-cue' : ''}`} data-testid="scene-speaker">
      {item ? (
        <>
          {cue ? (
            <p className="speaker-cue" data-testid="speaker-cue" data-cue={cue} role="alert">
              {SPEAKER_CUE_WORDS[cue]}
            </p>
          ) : (
            <p className="speaker-item">{item.title}</p>
          )}
          <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-speaker" />
        </>
      ) : (
        <p className="speaker-item">Not started</p>
      )}
    </div>
  );
}
