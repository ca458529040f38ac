// Excel on Windows saves "CSV (Comma delimited)" in the machine's old code page
// (windows-1252 in Britain and Ireland), not UTF-8: read as UTF-8, "Siobhán's Café" would
// arrive as "Siobh�n's Caf�" on the door's list and every ticket.

const SAVE_AS = 'Save it from the spreadsheet as "CSV UTF-8" and choose it again.';

/** The file's text: UTF-8 when it is valid UTF-8, otherwise the Windows code page Excel used. */
export function csvFileText(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Some runtimes (Node without full ICU) decode "windows-1252" as Latin-1, leaving
    // 0x80-0x9F as control characters: map those bytes to Windows' own letters here.
    return new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
}

/** Bytes 0x80-0x9F in windows-1252 (curly quotes, dashes, €); unassigned ones kept. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Why a CSV body cannot be trusted, or null. The server reads text bodies as UTF-8, which
 * turns bytes that are not UTF-8 into U+FFFD: importing that would print garbled names.
 */
export const garbledText = (text: string): string | null =>
  text.includes('\uFFFD') ? `The file has characters that are not UTF-8. ${SAVE_AS}` : null;
