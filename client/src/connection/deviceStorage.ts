// The browser's storage on this device. It may be full, switched off (private browsing) or
// hold what an older version wrote: reads give null rather than throw, and writes that
// fail leave the page working, only without its memory after a reload.

export function storedJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

export function storedText(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeJson(key: string, value: unknown): void {
  storeText(key, JSON.stringify(value));
}

export function storeText(key: string, text: string): void {
  try {
    localStorage.setItem(key, text);
  } catch {
    // Kept for this page only.
  }
}

export function forgetStored(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
