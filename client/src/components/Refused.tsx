import { useAssembly } from '../connection/assemblyStore';
import { JoinByCode } from './JoinByCode';

/** Why the server would not let this page in, in words, with the one thing to do about it. */
export function Refused({ landmark = true }: { landmark?: boolean }) {
  const refusal = useAssembly((s) => s.refusal);
  const code = useAssembly((s) => s.code);
  if (!refusal) return null;
  // Inside the projector's own <main>, a second main landmark would confuse screen readers.
  const Wrapper = landmark ? 'main' : 'div';
  return (
    <Wrapper className="page narrow refused" data-testid="refused">
      <div role="alert">
        <h1>
          {refusal.code === 'unknown_assembly'
            ? `No assembly with code ${code}`
            : refusal.code === 'protocol_mismatch'
              ? 'This page is out of date'
              : refusal.code === 'key_replaced'
                ? 'This link has been replaced'
                : 'This link does not work'}
        </h1>
        <p>{refusal.message}</p>
      </div>
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
    </Wrapper>
  );
}
