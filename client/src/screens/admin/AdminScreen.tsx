import { type ChangeEvent, useState } from 'react';
import { callApi } from '../../api';
import { Connecting } from '../../components/Connecting';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { CsvImport } from './CsvImport';
import { FollowUpAdmin } from './FollowUpAdmin';
import { LinksAdmin } from './LinksAdmin';
import { PrintablesAdmin } from './PrintablesAdmin';
import { DetailsEditor } from './setup/DetailsEditor';
import { SetupEditor } from './setup/SetupEditor';
import { TurnoutAdmin } from './TurnoutAdmin';

/**
 * The organiser's page: edit the assembly's setup, import spreadsheets or a whole setup
 * file, hand out links, and take the exports and follow-up after the night.
 */
export default function AdminScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const role = useAssembly((s) => s.role);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  if (role !== 'admin') {
    return (
      <main className="page narrow">
        <div role="alert">
          <h1>This needs the organiser link</h1>
          <p>Open this page with the organiser link made when the assembly was created.</p>
        </div>
      </main>
    );
  }

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setResult({ ok: false, text: `${file.name} is not valid JSON.` });
      return;
    }
    const reply = await callApi<{ seq: number }>(`/api/assemblies/${code}/import`, json, staffKey);
    setResult(reply.ok ? { ok: true, text: `Imported ${file.name}.` } : { ok: false, text: reply.message });
  };

  return (
    <main className="page">
      <ConnectionBadge />
      <h1>{state.title}</h1>
      <p className="muted">
        Organiser · code {code} · {state.status}
      </p>
      <nav className="button-row" aria-label="Open">
        <a className="button" href={`/a/${code}/chair#key=${staffKey}`} target="_blank" rel="noreferrer">
          Open the chair console
        </a>
        <a className="button" href={`/a/${code}/screen`} target="_blank" rel="noreferrer">
          Open the screen
        </a>
        <a className="button" href={`/j/${code}`} target="_blank" rel="noreferrer">
          Open the join page
        </a>
        <a className="button" href={`/r/${code}`} target="_blank" rel="noreferrer">
          Open the public record
        </a>
      </nav>

      {staffKey && <LinksAdmin code={code} staffKey={staffKey} />}
      <DetailsEditor key={state.setupRevision} state={state} />
      <SetupEditor state={state} />
      {staffKey && <CsvImport code={code} staffKey={staffKey} state={state} />}

      <section aria-label="Import setup">
        <h2>Import a whole setup file</h2>
        <p>
          A JSON file with the agenda, institutions, power-holders and asks (the format is in{' '}
          <code>docs/setup-format.md</code>; <code>examples/demo-assembly.json</code> is a full example).
          Importing replaces what is there.
        </p>
        <label className="button" htmlFor="setup-file">
          Choose a setup file…
        </label>
        <input
          id="setup-file"
          type="file"
          accept="application/json,.json"
          onChange={importFile}
          className="visually-hidden"
        />
        {result && (
          <p className={result.ok ? 'success' : 'error'} role="status" data-testid="import-result">
            {result.text}
          </p>
        )}
      </section>

      {staffKey && (
        <PrintablesAdmin code={code} staffKey={staffKey} registrants={state.attendance.registrants.length} />
      )}
      {staffKey && <TurnoutAdmin code={code} staffKey={staffKey} state={state} />}
      {staffKey && <FollowUpAdmin code={code} staffKey={staffKey} state={state} />}
    </main>
  );
}
