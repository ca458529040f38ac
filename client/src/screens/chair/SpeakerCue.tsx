import {
  type AssemblyState,
  currentItem,
  SPEAKER_CUE_WORDS,
  SPEAKER_CUES,
} from '../../../../shared/domain/assembly';
import type { CommandInput } from '../../../../shared/protocol/commands';
import './speakerCue.css';

/**
 * A private cue to the speaker: shown big on the stage-facing monitor (`?view=timer`),
 * never on the room's screen or phones. One tap each; the same tap again clears it.
 */
export function SpeakerCue({
  state,
  run,
  disabled,
}: {
  state: AssemblyState;
  run: (command: CommandInput) => Promise<boolean>;
  disabled: boolean;
}) {
  const shown = state.live.speakerCue;
  const off = disabled || currentItem(state) === null;
  return (
    <fieldset className="speaker-cue-control" data-testid="speaker-cue-control">
      <legend>Cue to the speaker's monitor only</legend>
      <div className="button-row">
        {SPEAKER_CUES.map((cue) => (
          <button
            key={cue}
            type="button"
            aria-pressed={shown === cue}
            className={shown === cue ? 'selected' : ''}
            disabled={off}
            onClick={() => run({ type: 'cueSpeaker', cue: shown === cue ? null : cue })}
          >
            {SPEAKER_CUE_WORDS[cue]}
          </button>
        ))}
        <button
          type="button"
          disabled={off || shown === null}
          onClick={() => run({ type: 'cueSpeaker', cue: null })}
        >
          Clear cue
        </button>
      </div>
    </fieldset>
  );
}
