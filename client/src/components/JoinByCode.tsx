import { type FormEvent, useState } from 'react';

/** For a phone with a mistyped link: type the code shown on the screen instead. */
export function JoinByCode({ label = 'Assembly code' }: { label?: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{6}$/.test(clean)) {
      setError('The code is six letters and digits, as shown on the screen.');
      return;
    }
    location.assign(`/j/${clean}`);
  };
  return (
    <form className="code-form" onSubmit={submit} aria-label="Join an assembly by its code">
      <label htmlFor="join-code">{label}</label>
      <input
        id="join-code"
        value={code}
        maxLength={6}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? 'join-code-error' : undefined}
        onChange={(event) => {
          setCode(event.target.value);
          setError(null);
        }}
      />
      <button type="submit">Join</button>
      {error && (
        <p id="join-code-error" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
