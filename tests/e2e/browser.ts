import fs from 'node:fs';

/**
 * Debian's Chromium where it is (CHROMIUM_PATH, default /usr/bin/chromium); elsewhere
 * Playwright's own browser. Under CI a missing browser fails the run instead of skipping.
 */
export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(candidate)) return candidate;
  if (process.env.CI)
    throw new Error(
      `No Chromium at ${candidate}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return undefined;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
