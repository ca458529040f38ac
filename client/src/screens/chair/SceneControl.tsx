import type { Scene } from '../../../../shared/domain/assembly';
import { SCENE_LABELS } from './sceneLabels';

/** What the projector shows. */
export function SceneControl(props: { scene: Scene; onChange: (scene: Scene) => void; disabled: boolean }) {
  return (
    <fieldset className="scene-control">
      <legend>Screen</legend>
      <div className="button-row scene-buttons">
        {(Object.keys(SCENE_LABELS) as Scene[]).map((scene) => (
          <button
            key={scene}
            type="button"
            aria-pressed={props.scene === scene}
            className={props.scene === scene ? 'selected' : ''}
            onClick={() => props.onChange(scene)}
            disabled={props.disabled}
          >
            {SCENE_LABELS[scene]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
