import { useEffect, useState } from 'react';
import type { NightEvaluation } from '../../../../shared/domain/evaluation/nightEvaluation';
import { Connecting } from '../../components/Connecting';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { formatDate } from '../../format';
import { CardsEvaluation } from './CardsEvaluation';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationReport } from './EvaluationReport';
import { TeamEvaluations } from './TeamEvaluations';
import './evaluation.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; evaluation: NightEvaluation };

async function fetchEvaluation(code: string, key: string): Promise<Loaded> {
  try {
    const response = await fetch(`/api/assemblies/${code}/evaluation`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const json = await response.json().catch(() => null);
    if (!response.ok || !json?.evaluation)
      return { kind: 'failed', message: json?.message ?? `The server answered ${response.status}.` };
    return { kind: 'ready', evaluation: json.evaluation as NightEvaluation };
  } catch {
    return { kind: 'failed', message: 'Could not reach the server.' };
  }
}

/** The evaluation of the night for the organiser and core team: printable, built from the journal. */
export default function EvaluationScreen({ code, staffKey }: { code: string; staffKey: string | undefined }) {
  useAssemblyConnection(code, staffKey);
  const state = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  const role = useAssembly((s) => s.role);
  const submitted = useAssembly((s) => s.state?.evaluations.length ?? 0);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [asked, setAsked] = useState(0);

  // A new evaluation in the record (submitted) or a retry (asked) reads the journal again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: those two are what trigger it
  useEffect(() => {
    if (role !== 'admin' || !staffKey) return;
    let current = true;
    void fetchEvaluation(code, staffKey).then((next) => current && setLoaded(next));
    return () => {
      current = false;
    };
  }, [code, staffKey, role, submitted, asked]);

  if (refusal) return <Refused />;
  if (!state) return <Connecting code={code} />;
  if (role !== 'admin' || !staffKey)
    return (
      <main className="page narrow">
        <div role="alert">
          <h1>This needs the organiser link</h1>
          <p>The evaluation names the core team and holds their words: open it from the organiser page.</p>
        </div>
      </main>
    );

  return (
    <main className="page evaluation" data-testid="evaluation-page">
      <header>
        <h1>Evaluation · {state.title}</h1>
        <p>
          {state.venue}
          {state.startsAt !== null && ` · ${formatDate(state.startsAt, true)}`}
          {state.status !== 'closed' && (
            <strong> · the assembly is not closed yet: these are the figures so far</strong>
          )}
        </p>
        <p className="no-print">
          <a href={`/a/${code}/admin#key=${staffKey}`}>Back to the organiser page</a> ·{' '}
          <a href={`/a/${code}/exports#key=${staffKey}`}>Exports</a> ·{' '}
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </p>
        <p className="muted small">Built from the journal of the night: rehearsals are left out.</p>
      </header>
      {loaded.kind === 'loading' && <p>Reading the night's journal…</p>}
      {loaded.kind === 'failed' && (
        <p className="error" role="alert">
          The evaluation could not be made: {loaded.message}{' '}
          <button type="button" onClick={() => setAsked((n) => n + 1)}>
            Try again
          </button>
        </p>
      )}
      {loaded.kind === 'ready' && (
        <EvaluationReport
          evaluation={loaded.evaluation}
          commitmentCards={<CardsEvaluation cards={loaded.evaluation.cards} />}
          team={
            <>
              <TeamEvaluations
                evaluations={loaded.evaluation.evaluations}
                timeZone={loaded.evaluation.timeZone}
              />
              <EvaluationForm onSubmitted={() => setAsked((n) => n + 1)} />
            </>
          }
        />
      )}
    </main>
  );
}
