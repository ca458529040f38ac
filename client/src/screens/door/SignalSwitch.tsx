import { primeDoorSignal, setDoorSignal, useDoorSignal } from './doorSignal';

/** Sound and vibration for each check-in's outcome, on or off on this device. */
export function SignalSwitch() {
  const on = useDoorSignal((s) => s.on);
  return (
    <label className="door-signal">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        aria-checked={on}
        onChange={(e) => {
          setDoorSignal(e.currentTarget.checked);
          primeDoorSignal();
        }}
      />
      Sound and vibration
    </label>
  );
}
