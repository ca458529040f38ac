import { type ChangeEvent, useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { namedTotal } from '../../../../shared/domain/turnout';
import { downloadExport } from './download';

type Result = { ok: boolean; text: string; problems?: string[] };

/** Registrants in from a spreadsheet; turnout and attendees out. */
export function TurnoutAdmin({
  code,
  staffKey,
  state,
}: {
  code: string;
  staffKey: string;
  state: AssemblyState;
}) {
  const [result, setResult] = useState<Result | null>(null);
  const auth = { authorization: `Bearer ${staffKey}` };

  const importRegistrants = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const response = await fetch(`/api/assemblies/${code}/registrants`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...auth },
        body: await file.text(),
      });
      const json = await response.json().catch(() => null);
      if (response.ok) setResult({ ok: true, text: `Imported ${json.added} registrants from ${file.name}.` });
      else
        setResult({
          ok: false,
          text: `Nothing was imported from ${file.name}: ${json?.problems ? 'fix these rows and try again.' : (json?.message ?? response.status)}`,
          problems: json?.problems,
        });
    } catch {
      setResult({ ok: false, text: 'Could not reach the server. Nothing was imported.' });
    }
  };

  const download = async (file: string) => {
    const problem = await downloadExport(code, file, staffKey);
    if (problem) setResult({ ok: false, text: problem });
  };

  return (
    <section aria-labelledby="turnout-admin-h">
      <h2 id="turnout-admin-h">Turnout</h2>
      <p>
        {namedTotal(state.turnout)} checked in · {state.attendance.registrants.length} registrants.
      </p>
      <p>
        Registrants from a spreadsheet saved as CSV, with the columns <code>name</code>,{' '}
        <code>institution</code> (as named in the setup; empty for a guest) and <code>email</code>. Any bad
        row and nothing is imported.
      </p>
      <div className="button-row">
        <label className="button" htmlFor="registrants-file">
          Import registrants (CSV)…
        </label>
        <input
          id="registrants-file"
          type="file"
          accept="text/csv,.csv"
          onChange={importRegistrants}
          className="visually-hidden"
        />
        <button type="button" onClick={() => void download('turnout.csv')}>
          Download turnout.csv
        </button>
        <button type="button" onClick={() => void download('attendees.csv')}>
          Download attendees.csv
        </button>
        <button type="button" onClick={() => void download('responses.csv')}>
          Download responses.csv
        </button>
        <button type="button" onClick={() => void download('record.json')}>
          Download record.json
        </button>
      </div>
      {result && (
        <div className={result.ok ? 'success' : 'error'} role="status" data-testid="registrants-result">
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
