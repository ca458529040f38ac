import { describe, expect, it } from 'vitest';
import {
  CSV_KINDS,
  type CsvContext,
  countOf,
  csvTemplate,
  previewCsv,
  problemsInOneLine,
  rowProblems,
  rowsCount,
  validRows,
} from '../../shared/protocol/csvImport';

const context: CsvContext = {
  institutions: [
    { id: 'stmarys', name: "St Mary's" },
    { id: 'mosque', name: 'East London Mosque' },
  ],
  powerHolders: [
    { id: 'mayor', name: 'Cllr Jo Bloggs' },
    { id: 'ceo', name: 'Sam Smith' },
  ],
};

describe('previewCsv: every row checked before anything is imported', () => {
  it('says which row is wrong and what was probably meant', () => {
    const preview = previewCsv(
      'registrants',
      "Name,Institution,Email\nAda,St Mary's,ada@x.org\nBo,St Marys,\nCy,,\nDee,Nowhere Chapel,\n",
      context,
    );
    expect(rowProblems(preview)).toEqual([
      "row 3: institution 'St Marys' not found; did you mean St Mary's?",
      "row 5: institution 'Nowhere Chapel' not found",
    ]);
    expect(validRows(preview)).toEqual([
      { name: 'Ada', institutionId: 'stmarys', email: 'ada@x.org' },
      { name: 'Cy', institutionId: null, email: '' },
    ]);
  });

  it('reads institutions with numbers checked, names unique in the file and the assembly', () => {
    const preview = previewCsv(
      'institutions',
      'name,section,committed\nUnite,Stalls,12\nSchool,,\nBakers,Balcony,lots\nunite,,3\neast london mosque,,\n',
      context,
    );
    expect(rowProblems(preview)).toEqual([
      'row 4: committed: must be a whole number (people), or empty for none',
      "row 5: 'unite' is also on row 2",
      "row 6: institution 'east london mosque' is already in the assembly",
    ]);
    expect(validRows(preview)).toEqual([
      { name: 'Unite', section: 'Stalls', committed: 12 },
      { name: 'School', section: '', committed: 0 },
    ]);
  });

  it('reads power-holders, attending yes or no', () => {
    const preview = previewCsv(
      'powerHolders',
      'name,role,organisation,attending\nA,Mayor,Council,no\nB,,,\nC,,,maybe\n',
      context,
    );
    expect(rowProblems(preview)).toEqual(['row 4: attending: must be yes or no']);
    expect(validRows(preview).map((p) => p.attending)).toEqual([false, true]);
  });

  it('reads asks with their targets by name, suggesting the nearest for a typo', () => {
    const preview = previewCsv(
      'asks',
      'title,wording,targets\nHomes,Will you build homes?,Cllr Jo Bloggs; Sam Smith\nJobs,Will you pay the living wage?,Sam Smyth\n',
      context,
    );
    expect(rowProblems(preview)).toEqual([
      "row 3: power-holder 'Sam Smyth' not found; did you mean Sam Smith?",
    ]);
    expect(validRows(preview)).toEqual([
      { title: 'Homes', wording: 'Will you build homes?', targetIds: ['mayor', 'ceo'] },
    ]);
  });

  it.each([
    ['no header naming the first column', 'who,what\nAda,x\n', 'The first line must name the columns'],
    ['an unknown column', 'name,instituton\nAda,x\n', 'Unknown column: "instituton"'],
    ['no rows', 'name,institution,email\n', 'There are no registrants in it.'],
    ['nothing at all', '', 'The file is empty.'],
    ['only blank lines', '\r\n \r\n', 'The file is empty.'],
  ])('refuses a file with %s, whole', (_, csv, says) => {
    const preview = previewCsv('registrants', csv, context);
    expect(preview.fileProblems.join(' ')).toContain(says);
    expect(validRows(preview)).toEqual([]);
  });

  it('reads "Guest" (as the exports write a guest) back as a guest, unless an institution is so called', () => {
    const csv = 'name,institution,email\nAda,Guest,\nBo,guest,\n';
    expect(validRows(previewCsv('registrants', csv, context)).map((r) => r.institutionId)).toEqual([
      null,
      null,
    ]);
    const withGuestInstitution = {
      ...context,
      institutions: [...context.institutions, { id: 'guesthouse', name: 'Guest' }],
    };
    expect(
      validRows(previewCsv('registrants', csv, withGuestInstitution)).map((r) => r.institutionId),
    ).toEqual(['guesthouse', 'guesthouse']);
  });

  it('refuses the whole file when a quote is never closed, naming the row it opens on', () => {
    // The unclosed quote on Cy's row would swallow Dee and Eve into one "valid" cell.
    const preview = previewCsv(
      'registrants',
      'name,institution,email\nAda,,\nBo,,\n"Cy,,\nDee,,\nEve,,\n',
      context,
    );
    expect(preview.fileProblems.join(' ')).toContain('row 4: a quote is never closed');
    expect(validRows(preview)).toEqual([]);
  });

  it('refuses a stray quote after a quoted cell as a quote problem too', () => {
    const preview = previewCsv('registrants', 'name,institution,email\n"Ada"x,,\nBo,,\n', context);
    expect(preview.fileProblems.join(' ')).toContain('row 2: a quote is never closed');
    expect(validRows(preview)).toEqual([]);
  });

  it("refuses a line break inside a name, but not inside an ask's wording", () => {
    const names = previewCsv('registrants', 'name,institution,email\n"Ada\nLovelace",,\nBo,,\n', context);
    expect(rowProblems(names)).toEqual(['row 2: name: must be on one line (is a quote left open?)']);
    expect(validRows(names).map((r) => r.name)).toEqual(['Bo']);
    const asks = previewCsv(
      'asks',
      'title,wording,targets\nHomes,"Will you\nbuild homes?",Sam Smith\n',
      context,
    );
    expect(rowProblems(asks)).toEqual([]);
  });

  it('numbers rows as the spreadsheet does, past blank rows and cells of several lines', () => {
    const preview = previewCsv(
      'asks',
      'title,wording,targets\r\n\r\nHomes,"Will you\r\nbuild homes?",Sam Smith\r\n,,\r\nJobs,Pay?,Sam Smyth\r\n',
      context,
    );
    // Row 2 is blank, Homes is row 3 (over two lines), row 4 is empty cells, Jobs is row 5.
    expect(rowProblems(preview)).toEqual([
      "row 5: power-holder 'Sam Smyth' not found; did you mean Sam Smith?",
    ]);
    expect(validRows(preview).map((a) => a.title)).toEqual(['Homes']);
  });

  it('takes an email address or a phone number as contact details, nothing else', () => {
    const preview = previewCsv(
      'registrants',
      'name,institution,email\nAda,,ada@example.org\nBo,,+44 20 7946 0000\nCy,,not-an-email\nDee,,\n',
      context,
    );
    expect(rowProblems(preview)).toEqual([
      'row 4: email: must be an email address or a phone number, or empty',
    ]);
    expect(validRows(preview).map((r) => r.name)).toEqual(['Ada', 'Bo', 'Dee']);
  });

  it('counts in English: one power-holder, two power-holders', () => {
    expect(countOf('powerHolders', 1)).toBe('1 power-holder');
    expect(countOf('powerHolders', 2)).toBe('2 power-holders');
    expect(countOf('institutions', 0)).toBe('0 institutions');
    expect(countOf('asks', 1)).toBe('1 ask');
    expect(rowsCount(1)).toBe('1 row');
    expect(rowsCount(3)).toBe('3 rows');
  });

  it('puts problems in one line without doubling the punctuation', () => {
    const preview = previewCsv('institutions', 'who,instituton\nx,y\n', context);
    expect(problemsInOneLine(preview.fileProblems)).toBe(
      'The first line must name the columns: name, section, committed. Unknown columns: "who", "instituton". The columns are: name, section, committed.',
    );
    expect(problemsInOneLine(['row 3: a', 'row 4: b'])).toBe('row 3: a; row 4: b');
    expect(problemsInOneLine([])).toBe('');
  });

  it.each(CSV_KINDS)('the %s template reads back clean against its own examples', (kind) => {
    // What each template's rows point at (and nothing that would clash with them).
    const templateContext: CsvContext = {
      institutions: kind === 'registrants' ? [{ id: 'i1', name: "St Mary's Church" }] : [],
      powerHolders:
        kind === 'asks'
          ? [
              { id: 'p1', name: 'Cllr Jo Bloggs' },
              { id: 'p2', name: 'Sam Smith' },
            ]
          : [],
    };
    const preview = previewCsv(kind, csvTemplate(kind), templateContext);
    expect(preview.fileProblems).toEqual([]);
    expect(rowProblems(preview)).toEqual([]);
    expect(validRows(preview).length).toBeGreaterThan(0);
  });
});
