import type { KeyboardEvent } from 'react';
import { DOOR_MODE_LABELS, type DoorMode } from './doorMode';

export const tabId = (mode: DoorMode) => `door-tab-${mode}`;
export const panelId = (mode: DoorMode) => `door-panel-${mode}`;

/** The segmented switch at the top of the door: one thing at a time, each on the first screen. */
export function DoorModes({
  modes,
  mode,
  onChoose,
}: {
  modes: readonly DoorMode[];
  mode: DoorMode;
  onChoose: (mode: DoorMode, by: 'click' | 'arrow') => void;
}) {
  // Arrow keys move along the switch, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = modes.indexOf(mode);
    const next =
      event.key === 'ArrowRight'
        ? modes[(at + 1) % modes.length]
        : event.key === 'ArrowLeft'
          ? modes[(at - 1 + modes.length) % modes.length]
          : event.key === 'Home'
            ? modes[0]
            : event.key === 'End'
              ? modes[modes.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChoose(next, 'arrow');
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="door-modes" role="tablist" aria-label="What this door does" onKeyDown={onKeyDown}>
      {modes.map((each) => (
        <button
          key={each}
          type="button"
          role="tab"
          id={tabId(each)}
          aria-selected={each === mode}
          aria-controls={panelId(each)}
          tabIndex={each === mode ? 0 : -1}
          onClick={() => onChoose(each, 'click')}
        >
          {DOOR_MODE_LABELS[each]}
        </button>
      ))}
    </div>
  );
}
