import { useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';
import { deviceId } from '../../connection/deviceId';

const KEY = 'assembly-live:door-label';

/** Until the steward names it, each device gets its own name, so doors are never merged. */
const defaultLabel = () => `Door ${deviceId().slice(0, 4).toUpperCase()}`;

/** Which door this device is at ("North door"): counts per door, kept on the device. */
export function useDoorLabel(): [string, (label: string) => void, boolean] {
  const [label, setLabel] = useState(() => {
    try {
      return localStorage.getItem(KEY) || defaultLabel();
    } catch {
      return defaultLabel();
    }
  });
  const change = (next: string) => {
    const clean = next.trim().slice(0, LIMITS.deviceLabel) || defaultLabel();
    setLabel(clean);
    try {
      localStorage.setItem(KEY, clean);
    } catch {
      // Kept for this page only.
    }
  };
  return [label, change, label === defaultLabel()];
}
