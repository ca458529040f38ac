import { useAssembly } from '../connection/assemblyStore';
import { JoinByCode } from './JoinByCode';

/** Why the server would not let this page in, in words, with the one thing to do about it. */
export function Refused() {
  const refusal = useAssembly((s) => s.refusal);
  const code = useAssembly((s) => s.code);
  if (!refusal) return null;
  return (
    <main className="page narrow refused" role="alert" data-testid="refused">
      <h1>
        {refusal.code === 'unknown_assembly'
          ? `No assembly with code ${code}`
          : refusal.code === 'protocol_mismatch'
            ? 'This page is out of date'
            : 'This link does not work'}
      </h1>
      <p>{refusal.message}</p>
      {refusal.code === 'unknown_assembly' && <JoinByCode label="Try the code on the screen" />}
      {refusal.code === 'protocol_mismatch' ? (
        <button type="button" className="primary" onClick={() => location.reload()}>
          Reload
        </button>
      ) : (
        <p>
          <a href="/">Home page</a>
        </p>
      )}
    </main>
  );
}
