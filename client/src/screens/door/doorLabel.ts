import { useState } from 'react';
import { LIMITS } from '../../../../shared/protocol/limits';

const KEY = 'assembly-live:door-label';

/** Which door this device is at ("North door"): counts per door, kept on the device. */
export function useDoorLabel(): [string, (label: string) => void] {
  const [label, setLabel] = useState(() => {
    try {
      return localStorage.getItem(KEY) || 'Door 1';
    } catch {
      return 'Door 1';
    }
  });
  const change = (next: string) => {
    const clean = next.trim().slice(0, LIMITS.deviceLabel) || 'Door 1';
    setLabel(clean);
    try {
      localStorage.setItem(KEY, clean);
    } catch {
      // Kept for this page only.
    }
  };
  return [label, change];
}
