/** Fetches an organiser export with the key in a header (never in the URL) and saves it. */
export async function downloadExport(code: string, file: string, staffKey: string): Promise<string | null> {
  try {
    const response = await fetch(`/api/assemblies/${code}/export/${file}`, {
      headers: { authorization: `Bearer ${staffKey}` },
    });
    if (!response.ok) return `The export failed (${response.status}).`;
    saveFile(await response.blob(), `${code}-${file}`);
    return null;
  } catch {
    return 'Could not reach the server.';
  }
}

/** Hands the browser a file to save. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
