import { describe, expect, it } from 'vitest';
import { csvFileText, garbledText } from '../../shared/protocol/csvText';

describe('csvFileText: a spreadsheet read as its maker saved it', () => {
  it('reads UTF-8, accents and all', () => {
    const bytes = new TextEncoder().encode("name\nSiobhán's Café\n");
    expect(csvFileText(bytes)).toBe("name\nSiobhán's Café\n");
  });

  it("reads Windows Excel's code page (windows-1252) when the bytes are not UTF-8", () => {
    // "Siobhán's Café – Stalls" as Excel on Windows saves it: á = E1, é = E9, – = 96.
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('name\nSiobh'),
      0xe1,
      ...new TextEncoder().encode("n's Caf"),
      0xe9,
      0x20,
      0x96,
      ...new TextEncoder().encode(' Stalls\n'),
    ]);
    expect(csvFileText(bytes)).toBe("name\nSiobhán's Café – Stalls\n");
    expect(garbledText(csvFileText(bytes))).toBeNull();
  });

  it('says a text already garbled on the way in must be saved again as CSV UTF-8', () => {
    const garbled = new TextDecoder('utf-8').decode(Uint8Array.from([0x53, 0x69, 0xe1, 0x6e]));
    expect(garbledText(garbled)).toContain('"CSV UTF-8"');
    expect(garbledText('Siobhán')).toBeNull();
  });
});
