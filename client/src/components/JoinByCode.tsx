import { type FormEvent, useState } from 'react';
import { normaliseTypedCode } from '../../../shared/domain/assemblyCode';

const PROBLEM = 'The code is six letters and digits, as shown on the screen.';

/** For a phone with a mistyped link: type the code shown on the screen instead. */
export function JoinByCode({ label = 'Assembly code' }: { label?: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = normaliseTypedCode(code);
    if (!clean) {
      setError(PROBLEM);
      return;
    }
    location.assign(`/j/${clean}`);
  };
  return (
    <form className="code-form" onSubmit={submit} noValidate aria-label="Join an assembly by its code">
      <label htmlFor="join-code">{label}</label>
      <input
        id="join-code"
        value={code}
        // Room for the spaces or dashes people type between the letters ("abc 234").
        maxLength={16}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? 'join-code-error' : undefined}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          setCode(typed);
          // Once shown, the error stays until the code is right, then goes at once.
          if (error && normaliseTypedCode(typed)) setError(null);
        }}
      />
      <button type="submit">Join</button>
      {error && (
        <p id="join-code-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
