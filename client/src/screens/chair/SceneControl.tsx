import type { Scene } from '../../../../shared/domain/assembly';

const SCENE_LABELS: Record<Scene, string> = {
  agenda: 'Follow agenda',
  rollCall: 'Roll call',
  commitments: 'Commitments',
  join: 'Join QR',
  blank: 'Blank',
};

/** What the projector shows. */
export function SceneControl(props: { scene: Scene; onChange: (scene: Scene) => void; disabled: boolean }) {
  return (
    <fieldset className="scene-control">
      <legend>Screen</legend>
      <div className="button-row">
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
