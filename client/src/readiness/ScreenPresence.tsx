import { useEffect, useState } from 'react';
import type { Flash } from '../../../shared/protocol/presence';
import { onEachSocket } from '../connection/assemblyConnection';
import { useAssembly } from '../connection/assemblyStore';
import { deviceId } from '../connection/deviceId';
import { usePresenceReport } from './presenceReport';
import './readiness.css';

/**
 * The projector or speaker's monitor says it is here (with what it shows and its clock), and
 * shows its name over everything when the organiser or chair presses "Flash screen 2".
 */
export function ScreenPresence({ speakerView }: { speakerView: boolean }) {
  usePresenceReport(() => {
    const { state, clockOffsetMs } = useAssembly.getState();
    if (!state) return null;
    return {
      device: 'screen',
      deviceId: deviceId(),
      view: speakerView ? 'speaker' : 'room',
      scene: state.live.scene,
      clockOffsetMs,
    };
  });
  const [flash, setFlash] = useState<Flash | null>(null);
  useEffect(
    () =>
      onEachSocket((socket) => {
        const show = (next: Flash) => setFlash(next);
        socket.on('flash', show);
        return () => socket.off('flash', show);
      }),
    [],
  );
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), flash.ms);
    return () => clearTimeout(timer);
  }, [flash]);
  if (!flash) return null;
  return (
    <div className="screen-flash" role="status" data-testid="screen-flash">
      <p>{flash.label}</p>
    </div>
  );
}
