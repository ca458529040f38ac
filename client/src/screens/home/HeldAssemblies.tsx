import { type ReactNode, useState } from 'react';
import type { AssemblyStatus } from '../../../../shared/domain/assembly';
import type { HeldAssemblySummary } from '../../../../shared/protocol/heldAssemblies';
import { type HeldAssembly, heldAssemblies } from '../../connection/heldKeys';
import { whenAndWhere, whenAndWhereLine } from '../../whenAndWhere';
import { forgetHere } from './handOff';
import { type Summaries, useHeldSummaries } from './useHeldSummaries';

const ROLE_PAGES = [
  ['admin', 'Organiser page'],
  ['chair', 'Chair console'],
  ['door', 'Door'],
] as const;

const STATUS_WORDS: Record<AssemblyStatus, string> = {
  draft: 'Not started',
  live: 'Under way',
  closed: 'Closed',
};

/** The assemblies this browser holds staff links for: when, where and how far along; open, duplicate or forget. */
export function HeldAssemblies({
  onDuplicate,
  version,
  where,
}: {
  onDuplicate: (held: HeldAssembly) => void;
  /** Bumped when the list changed elsewhere (an assembly was just created). */
  version: number;
  /** Which address keeps this list, when that needs saying. */
  where: ReactNode;
}) {
  const [, setForgotten] = useState(0);
  const held = heldAssemblies();
  const summaries = useHeldSummaries(held);
  if (held.length === 0) return where ? <section aria-label="Your assemblies">{where}</section> : null;
  const forget = (assembly: HeldAssembly) => {
    if (
      !confirm(
        `Forget ${assembly.title || assembly.code} on this browser? Its links are not deleted: you need a copy to open it again.`,
      )
    )
      return;
    forgetHere(assembly.code);
    setForgotten((n) => n + 1);
  };
  return (
    <section aria-labelledby="held-h" data-version={version}>
      <h2 id="held-h">Your assemblies on this browser</h2>
      {where}
      {summaries === 'unavailable' && (
        <p className="muted small">Could not ask the server for their dates and status just now.</p>
      )}
      <ul className="setup-rows">
        {held.map((assembly) => {
          const summary = summaries instanceof Map ? summaries.get(assembly.code) : undefined;
          const title = (summary?.ok && summary.title) || assembly.title || 'Untitled';
          return (
            <li key={assembly.code} className="setup-row held-assembly" data-testid="held-assembly">
              <div className="held-title">
                <p>
                  <strong>{title}</strong> <span className="muted">· code {assembly.code}</span>
                  <HeldStatus summary={summary} summaries={summaries} />
                </p>
                <HeldWhen summary={summary} />
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
                      <span className="visually-hidden"> of {title}</span>
                    </a>
                  ) : null,
                )}
                {assembly.keys.admin && (
                  <button type="button" onClick={() => onDuplicate(assembly)}>
                    Duplicate<span className="visually-hidden"> {title}</span>
                  </button>
                )}
                <button type="button" className="quiet" onClick={() => forget(assembly)}>
                  Forget<span className="visually-hidden"> {title}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function HeldStatus({
  summary,
  summaries,
}: {
  summary: HeldAssemblySummary | undefined;
  summaries: Summaries;
}) {
  if (!(summaries instanceof Map)) return null;
  let words: string;
  let tone: string;
  if (!summary) [words, tone] = ['No link this server reads', 'held-status-gone'];
  else if (summary.ok) [words, tone] = [STATUS_WORDS[summary.status], `held-status-${summary.status}`];
  else if (summary.refused === 'unknown_assembly') [words, tone] = ['Not on this server', 'held-status-gone'];
  else if (summary.refused === 'bad_key') [words, tone] = ['Link replaced since', 'held-status-gone'];
  else return null;
  return (
    <span className={`held-status ${tone}`} data-testid="held-status">
      {words}
    </span>
  );
}

function HeldWhen({ summary }: { summary: HeldAssemblySummary | undefined }) {
  if (!summary?.ok) return null;
  const when = whenAndWhere(summary);
  return (
    <p className="held-when" data-testid="held-when">
      {when.date ? whenAndWhereLine(when) : `No date yet${when.venue ? ` · ${when.venue}` : ''}`}
    </p>
  );
}
