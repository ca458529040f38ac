import { useAssembly } from '../connection/assemblyStore';
import { deviceId } from '../connection/deviceId';
import { usePresenceReport } from './presenceReport';

/** The door device says it is here, by its label, with what waits in its outbox and its clock. */
export function DoorPresence({ label, waiting }: { label: string; waiting: number }) {
  usePresenceReport(() => ({
    device: 'door',
    deviceId: deviceId(),
    label,
    waiting,
    clockOffsetMs: useAssembly.getState().clockOffsetMs,
  }));
  return null;
}
