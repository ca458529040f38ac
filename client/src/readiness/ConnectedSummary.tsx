import { ConnectedDevicesList } from './ConnectedDevicesList';
import { useConnectedDevices } from './useConnectedDevices';

/** The chair's view of who is connected: a line of counts, the list under it. */
export function ConnectedSummary() {
  const devices = useConnectedDevices();
  const { presence, doors } = devices;
  const screens = presence?.screens.length ?? 0;
  const online = doors.filter((door) => door.online).length;
  const gone = doors.length - online;
  return (
    <details className="connected-summary" data-testid="connected-summary">
      <summary>
        Connected: {screens} {screens === 1 ? 'screen' : 'screens'}, {online}{' '}
        {online === 1 ? 'door' : 'doors'}
        {gone > 0 && ` (${gone} offline)`}, {presence?.phones ?? 0}{' '}
        {presence?.phones === 1 ? 'phone' : 'phones'}
      </summary>
      <ConnectedDevicesList devices={devices} />
    </details>
  );
}
