import { type ChangeEvent, useState } from 'react';
import { callApi } from '../../api';

/** A whole setup file (JSON) in at once: replaces the agenda, institutions, power-holders and asks. */
export function SetupFileImport({ code, staffKey }: { code: string; staffKey: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

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
    <section aria-labelledby="setup-file-h">
      <h2 id="setup-file-h">Import a whole setup file</h2>
      <p>
        A JSON file with the agenda, institutions, power-holders and asks (the format is in{' '}
        <code>docs/setup-format.md</code>; <code>examples/demo-assembly.json</code> is a full example; the
        exports page gives this assembly's as <code>setup.json</code>). Importing replaces what is there.
      </p>
      {/* The input before its label: the label shows the keyboard focus (styles.css). */}
      <input
        id="setup-file"
        type="file"
        accept="application/json,.json"
        onChange={importFile}
        className="visually-hidden file-picker"
      />
      <label className="button" htmlFor="setup-file">
        Choose a setup file…
      </label>
      {result && (
        <p className={result.ok ? 'success' : 'error'} role="status" data-testid="import-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
