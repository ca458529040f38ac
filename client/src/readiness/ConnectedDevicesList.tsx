import { useState } from 'react';
import { CLOCK_SANE_MS } from '../../../shared/protocol/presence';
import { formatCount, formatTimeOfDay } from '../format';
import { SCENE_LABELS } from '../screens/chair/sceneLabels';
import { describeClockOffset, type NamedScreen, namedScreens } from './connectedDevices';
import { type ConnectedDevices, flashScreen } from './useConnectedDevices';
import './readiness.css';

const clock = (offsetMs: number) =>
  Math.abs(offsetMs) > CLOCK_SANE_MS
    ? `clock ${describeClockOffset(offsetMs)} off`
    : `clock ${describeClockOffset(offsetMs)}`;

/** Who is connected now: each screen (with "Flash"), each door (online or gone), the phones. */
export function ConnectedDevicesList({ devices }: { devices: ConnectedDevices }) {
  const { presence, doors, problem } = devices;
  const [notice, setNotice] = useState<string | null>(null);
  if (!presence) return <p className="muted">{problem ?? 'Asking who is connected…'}</p>;
  const screens = namedScreens(presence.screens);
  return (
    <div className="connected-devices" data-testid="connected-devices">
      {problem && (
        <p className="hint" role="status">
          {problem} Showing the last list.
        </p>
      )}
      {presence.missingNodes > 0 && (
        <p className="hint">One of the servers did not answer: its screens and doors are missing here.</p>
      )}
      <h3>Screens</h3>
      {screens.length === 0 ? (
        <p className="muted">No screen is connected.</p>
      ) : (
        <ul className="device-list">
          {screens.map((screen) => (
            <ScreenRow key={screen.deviceId} screen={screen} onNotice={setNotice} />
          ))}
        </ul>
      )}
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <h3>Doors</h3>
      {doors.length === 0 ? (
        <p className="muted">No door is connected.</p>
      ) : (
        <ul className="device-list">
          {doors.map((door) => (
            <li key={door.deviceId} data-testid="connected-door" data-online={door.online}>
              <strong>{door.label}</strong>{' '}
              {door.online ? (
                <span className="device-online">online</span>
              ) : (
                <span className="device-offline">offline since {formatTimeOfDay(door.lastSeenAt)}</span>
              )}
              {door.waiting > 0 && ` · ${door.waiting} waiting to sync`}
              {door.online && ` · ${clock(door.clockOffsetMs)}`}
            </li>
          ))}
        </ul>
      )}
      <p data-testid="connected-phones">
        <strong>{formatCount(presence.phones)}</strong> {presence.phones === 1 ? 'phone' : 'phones'} on the
        join page
      </p>
    </div>
  );
}

function ScreenRow({ screen, onNotice }: { screen: NamedScreen; onNotice: (notice: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const flash = async () => {
    setBusy(true);
    const reply = await flashScreen(screen.deviceId, screen.name);
    setBusy(false);
    onNotice(reply.ok ? null : reply.message);
  };
  return (
    <li data-testid="connected-screen">
      <strong>{screen.name}</strong> ·{' '}
      {screen.view === 'room' ? SCENE_LABELS[screen.scene] : 'the speaker’s clock'} ·{' '}
      {clock(screen.clockOffsetMs)}{' '}
      <button type="button" className="small" onClick={() => void flash()} disabled={busy}>
        Flash {screen.name.charAt(0).toLowerCase()}
        {screen.name.slice(1)}
      </button>
    </li>
  );
}
