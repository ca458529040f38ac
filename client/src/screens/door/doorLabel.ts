import { useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';
import { cleanText, cutText } from '../../../../shared/protocol/peoplesText';
import { deviceId } from '../../connection/deviceId';
import { storedText, storeText } from '../../connection/deviceStorage';

const KEY = 'assembly-live:door-label';

/** Until the steward names it, each device gets its own name, so doors are never merged. */
const defaultLabel = () => `Door ${deviceId().slice(0, 4).toUpperCase()}`;

/** Which door this device is at ("North door"): counts per door, kept on the device. */
export function useDoorLabel(): [string, (label: string) => void, boolean] {
  const [label, setLabel] = useState(
    () => cutText(cleanText(storedText(KEY) ?? ''), LIMITS.deviceLabel) || defaultLabel(),
  );
  const change = (next: string) => {
    // Cut by whole characters: half an emoji would make every check-in from here invalid.
    const clean = cutText(cleanText(next), LIMITS.deviceLabel).trim() || defaultLabel();
    setLabel(clean);
    storeText(KEY, clean);
  };
  return [label, change, label === defaultLabel()];
}
