import { type ChangeEvent, useId, useState } from 'react';
import {
  CSV_COLUMNS,
  CSV_KIND_WORDS,
  CSV_KINDS,
  type CsvKind,
  type CsvPreview,
  countOf,
  csvTemplate,
  previewCsv,
  rowProblems,
  rowsCount,
} from '../../../../shared/protocol/csvImport';
import { csvFileText, garbledText } from '../../../../shared/protocol/csvText';
import { saveFile } from './download';
import type { OrganiserSection } from './organiserSection';
import { useSetupDraft } from './setup/setupDraft';

const KIND_LABELS: Record<CsvKind, string> = {
  institutions: 'Institutions',
  registrants: 'Registrants',
  powerHolders: 'Power-holders',
  asks: 'Asks',
};
const SHOWN_ROWS = 50;

type Result = { ok: boolean; text: string; problems?: string[] };

/**
 * A spreadsheet in: pick what it holds, see every row checked (by the same code the
 * server runs), then import it when it is clean, or import only the valid rows.
 */
export function CsvImport({ code, staffKey, state }: OrganiserSection) {
  const [kind, setKind] = useState<CsvKind>('institutions');
  const [file, setFile] = useState<{ name: string; text: string; preview: CsvPreview<CsvKind> } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const unsaved = useSetupDraft((s) => s.dirty);
  const id = useId();
  // Setup rows are added to the saved setup: unsaved edits would then be refused as stale.
  const blocked = unsaved && kind !== 'registrants';

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const text = csvFileText(await chosen.arrayBuffer());
    // Already garbled (U+FFFD saved into the file by another program): the server would
    // refuse it, so say so now rather than preview it as clean.
    const garbled = garbledText(text);
    if (garbled) {
      setFile(null);
      setResult({ ok: false, text: `Nothing was imported from ${chosen.name}: ${garbled}` });
      return;
    }
    setResult(null);
    setFile({ name: chosen.name, text, preview: previewCsv(kind, text, state) });
  };

  const changeKind = (next: CsvKind) => {
    setKind(next);
    setResult(null);
    // The same file read again as the other kind.
    setFile((f) => f && { ...f, preview: previewCsv(next, f.text, state) });
  };

  const send = async (onlyValid: boolean) => {
    if (!file) return;
    setBusy(true);
    const path = kind === 'registrants' ? 'registrants' : `csv/${kind}`;
    try {
      const response = await fetch(`/api/assemblies/${code}/${path}${onlyValid ? '?rows=valid' : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${staffKey}` },
        body: file.text,
      });
      const json = await response.json().catch(() => null);
      if (response.ok) {
        setResult({ ok: true, text: `Imported ${countOf(kind, json.added)} from ${file.name}.` });
        setFile(null);
      } else
        setResult({
          ok: false,
          text: `Nothing was imported from ${file.name}: ${json?.problems ? 'the server found these problems.' : (json?.message ?? response.status)}`,
          problems: json?.problems,
        });
    } catch {
      setResult({ ok: false, text: 'Could not reach the server. Nothing was imported.' });
    }
    setBusy(false);
  };

  const preview = file?.preview;
  const problems = preview ? [...preview.fileProblems, ...rowProblems(preview)] : [];
  const valid = preview ? preview.rows.filter((r) => r.value).length : 0;
  const columns = CSV_COLUMNS[kind];

  return (
    <section aria-labelledby="csv-import-h" className="csv-import">
      <h2 id="csv-import-h">Import from a spreadsheet</h2>
      <p>
        Save the sheet as CSV with a header line. Start from a template: it has the columns and two example
        rows.
      </p>
      <div className="button-row">
        <label htmlFor={`${id}-kind`}>The file holds</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => changeKind(e.target.value as CsvKind)}>
          {CSV_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            saveFile(new Blob([csvTemplate(kind)], { type: 'text/csv' }), `${kind}-template.csv`)
          }
        >
          Download the {CSV_KIND_WORDS[kind]} template
        </button>
        {/* The input before its label: the label shows the keyboard focus (styles.css). */}
        <input
          id={`${id}-file`}
          type="file"
          accept="text/csv,.csv"
          onChange={choose}
          className="visually-hidden file-picker"
          data-testid="csv-file"
        />
        <label className="button" htmlFor={`${id}-file`}>
          Choose a CSV file…
        </label>
      </div>
      <p className="muted small">Columns: {columns.join(', ')}.</p>
      {blocked && (
        <p className="notice" role="status">
          Save or discard your setup changes above before importing {CSV_KIND_WORDS[kind]}.
        </p>
      )}
      {preview && file && (
        <div className="csv-preview" data-testid="csv-preview">
          <h3>
            {file.name}: {rowsCount(preview.rows.length)}, {valid} ready
            {problems.length > 0 ? `, ${preview.rows.length - valid} with problems` : ''}
          </h3>
          {problems.length > 0 && (
            <ul className="error" data-testid="csv-problems">
              {problems.slice(0, 100).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {preview.rows.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Preview of {file.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                    <th scope="col">Check</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
                    <tr key={row.row} className={row.value ? '' : 'bad-row'}>
                      <td>{row.row}</td>
                      {columns.map((c) => (
                        <td key={c}>{row.cells[c]}</td>
                      ))}
                      <td>{row.value ? 'OK' : row.problems.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.rows.length > SHOWN_ROWS && (
                <p className="muted small">and {rowsCount(preview.rows.length - SHOWN_ROWS)} more.</p>
              )}
            </div>
          )}
          <div className="button-row">
            {problems.length === 0 ? (
              <button
                type="button"
                className="primary"
                disabled={busy || blocked}
                onClick={() => void send(false)}
              >
                Import {countOf(kind, valid)}
              </button>
            ) : (
              valid > 0 &&
              preview.fileProblems.length === 0 && (
                <button type="button" disabled={busy || blocked} onClick={() => void send(true)}>
                  Import only the {valid} valid row{valid === 1 ? '' : 's'}
                </button>
              )
            )}
            <button type="button" className="quiet" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
          {problems.length > 0 && (
            <p className="muted small">
              Or fix the file and choose it again: nothing is imported until you say.
            </p>
          )}
        </div>
      )}
      {result && (
        <div className={result.ok ? 'success' : 'error'} role="status" data-testid="csv-result">
          <p>{result.text}</p>
          {result.problems && (
            <ul>
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
