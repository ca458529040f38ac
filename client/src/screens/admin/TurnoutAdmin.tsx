import { useState } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { namedTotal } from '../../../../shared/domain/turnout';
import { downloadExport } from './download';

type Result = { ok: boolean; text: string };

/** Turnout so far, and the exports. (Registrants come in through the spreadsheet import.) */
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
      <div className="button-row">
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
        </div>
      )}
    </section>
  );
}
