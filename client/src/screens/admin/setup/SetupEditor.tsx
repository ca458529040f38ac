import { useEffect } from 'react';
import type { AssemblyState } from '../../../../../shared/domain/assembly';
import { useLeaveWarning } from '../useLeaveWarning';
import { AgendaEditor } from './AgendaEditor';
import { AsksEditor } from './AsksEditor';
import { InstitutionsEditor } from './InstitutionsEditor';
import { PowerHoldersEditor } from './PowerHoldersEditor';
import { followAssembly, loadFrom, saveDraft, useSetupDraft } from './setupDraft';

/** The editors of the agenda, institutions, power-holders and asks, saved together. */
export function SetupEditor({ state }: { state: AssemblyState }) {
  const dirty = useSetupDraft((s) => s.dirty);
  const saving = useSetupDraft((s) => s.saving);
  const saved = useSetupDraft((s) => s.saved);
  const problems = useSetupDraft((s) => s.problems);
  const errorCount = useSetupDraft((s) => Object.keys(s.errors).length);
  const revision = useSetupDraft((s) => s.revision);
  const ready = useSetupDraft((s) => s.draft !== null);

  useEffect(() => followAssembly(state), [state]);
  useLeaveWarning(dirty);

  if (!ready) return null;
  const theirsIsNewer = dirty && revision < state.setupRevision;

  const bar = (
    <section className="save-bar" aria-label="Save the setup">
      <button type="button" className="primary" onClick={() => void saveDraft()} disabled={saving || !dirty}>
        {saving ? 'Saving…' : 'Save setup'}
      </button>
      {dirty && <span className="unsaved">Unsaved changes</span>}
      {saved && !dirty && (
        <span className="success" role="status">
          Saved.
        </span>
      )}
      {dirty && (
        <button
          type="button"
          className="quiet"
          onClick={() => confirm('Discard your unsaved changes?') && loadFrom(state)}
        >
          Discard changes
        </button>
      )}
    </section>
  );

  return (
    <section aria-labelledby="setup-h" className="setup-editor">
      <h2 id="setup-h">Setup</h2>
      {bar}
      {theirsIsNewer && (
        <p className="notice" role="status">
          Someone else saved the setup while you were editing. Saving yours will be refused: note your
          changes, then discard them to load theirs.
        </p>
      )}
      {(problems.length > 0 || errorCount > 0) && (
        <div className="error" role="alert" data-testid="setup-problems">
          <p>
            Not saved
            {errorCount > 0
              ? `: ${errorCount} field${errorCount > 1 ? 's need' : ' needs'} fixing (marked below)`
              : ''}
            .
          </p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <AgendaEditor startsAt={state.startsAt} endsAt={state.endsAt} />
      <InstitutionsEditor />
      <PowerHoldersEditor />
      <AsksEditor />
    </section>
  );
}
