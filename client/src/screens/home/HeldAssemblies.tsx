import { useState } from 'react';
import { forgetAssembly, type HeldAssembly, heldAssemblies } from '../../connection/heldKeys';

const ROLE_PAGES = [
  ['admin', 'Organiser page'],
  ['chair', 'Chair console'],
  ['door', 'Door'],
] as const;

/** The assemblies this browser holds staff links for: open one, duplicate it, or forget it here. */
export function HeldAssemblies({
  onDuplicate,
  version,
}: {
  onDuplicate: (held: HeldAssembly) => void;
  /** Bumped when the list changed elsewhere (an assembly was just created). */
  version: number;
}) {
  const [, setForgotten] = useState(0);
  const held = heldAssemblies();
  if (held.length === 0) return null;
  const forget = (assembly: HeldAssembly) => {
    if (
      !confirm(
        `Forget ${assembly.title || assembly.code} on this browser? Its links are not deleted: you need a copy to open it again.`,
      )
    )
      return;
    forgetAssembly(assembly.code);
    setForgotten((n) => n + 1);
  };
  return (
    <section aria-labelledby="held-h" data-version={version}>
      <h2 id="held-h">Your assemblies on this browser</h2>
      <ul className="setup-rows">
        {held.map((assembly) => (
          <li key={assembly.code} className="setup-row held-assembly" data-testid="held-assembly">
            <div className="held-title">
              <strong>{assembly.title || 'Untitled'}</strong>{' '}
              <span className="muted">· code {assembly.code}</span>
            </div>
            <div className="button-row">
              {ROLE_PAGES.map(([role, label]) =>
                assembly.keys[role] ? (
                  <a
                    key={role}
                    className="button"
                    href={`/a/${assembly.code}/${role}#key=${assembly.keys[role]}`}
                  >
                    {label}
                    <span className="visually-hidden"> of {assembly.title || assembly.code}</span>
                  </a>
                ) : null,
              )}
              {assembly.keys.admin && (
                <button type="button" onClick={() => onDuplicate(assembly)}>
                  Duplicate<span className="visually-hidden"> {assembly.title || assembly.code}</span>
                </button>
              )}
              <button type="button" className="quiet" onClick={() => forget(assembly)}>
                Forget<span className="visually-hidden"> {assembly.title || assembly.code}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
