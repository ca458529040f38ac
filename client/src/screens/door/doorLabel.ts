import { useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';
import { deviceId } from '../../connection/deviceId';
import { storedText, storeText } from '../../connection/deviceStorage';

const KEY = 'assembly-live:door-label';

/** Until the steward names it, each device gets its own name, so doors are never merged. */
const defaultLabel = () => `Door ${deviceId().slice(0, 4).toUpperCase()}`;

/** Which door this device is at ("North door"): counts per door, kept on the device. */
export function useDoorLabel(): [string, (label: string) => void, boolean] {
  const [label, setLabel] = useState(() => storedText(KEY) || defaultLabel());
  const change = (next: string) => {
    const clean = next.trim().slice(0, LIMITS.deviceLabel) || defaultLabel();
    setLabel(clean);
    storeText(KEY, clean);
  };
  return [label, change, label === defaultLabel()];
}
