import { storedText, storeText } from './deviceStorage';

/**
 * A random UUID (v4). crypto.randomUUID exists only in secure contexts, and phones on a
 * venue's LAN reach the server over plain http: getRandomValues works everywhere.
 */
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const DEVICE_KEY = 'assembly-live:device';
let thisDevice: string | null = null;

/**
 * This browser's own id, kept across reloads (a door device's headcount tally is keyed by
 * it). Held in memory too: with storage off, every click must still count for one device.
 */
export function deviceId(): string {
  if (thisDevice) return thisDevice;
  const known = storedText(DEVICE_KEY);
  thisDevice = known && /^[0-9a-f-]{36}$/.test(known) ? known : newUuid();
  if (thisDevice !== known) storeText(DEVICE_KEY, thisDevice);
  return thisDevice;
}
