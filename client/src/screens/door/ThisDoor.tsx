import { useState } from 'react';
import { SignalSwitch } from './SignalSwitch';

/** This device's settings, set once at the start of the night: the door's name, sound and vibration. */
export function ThisDoor({
  device,
  setDevice,
  unnamed,
}: {
  device: string;
  setDevice: (label: string) => void;
  unnamed: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="door-device">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDevice(new FormData(e.currentTarget).get('device') as string);
            setEditing(false);
          }}
        >
          <label htmlFor="door-device">This door</label>{' '}
          <input id="door-device" name="device" defaultValue={device} /> <button type="submit">Save</button>
        </form>
      ) : (
        <p>
          This door: <strong>{device}</strong>{' '}
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {unnamed ? 'name this door' : 'rename'}
          </button>
        </p>
      )}
      <SignalSwitch />
    </div>
  );
}
