import type { Ask, AssemblyState, PowerHolder } from '../../../../shared/domain/assembly';
import { withoutRehearsal } from '../../../../shared/domain/rehearsal';
import { FOLLOW_UP_LOOK, historyOf, shownAnswer } from '../../../../shared/domain/responses';
import { rollCallBoard } from '../../../../shared/domain/rollCall';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { AnswerChip } from '../../components/AnswerChip';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Refused } from '../../components/Refused';
import { useAssembly } from '../../connection/assemblyStore';
import { useAssemblyConnection } from '../../connection/useAssemblyConnection';
import { formatCount, formatDate, formatEarlierAnswers, formatTimeOfDay } from '../../format';
import './record.css';

/** The public record of the night: the asks and every answer, turnout, and what happened since. */
export default function RecordScreen({ code }: { code: string }) {
  useAssemblyConnection(code, undefined, true);
  const mirror = useAssembly((s) => s.state);
  const refusal = useAssembly((s) => s.refusal);
  if (refusal) return <Refused />;
  if (!mirror) return <p className="boot">Loading the record of {code}…</p>;
  // The record is of the real night: a rehearsal under way is not in it.
  const state = withoutRehearsal(mirror);
  return (
    <main className="page record" data-testid="record">
      <ConnectionBadge />
      {mirror.rehearsal && (
        <p className="hint" role="status" data-testid="record-rehearsal">
          A rehearsal is under way: this record shows the real night only.
        </p>
      )}
      <p className="kind">Public record</p>
      <h1>{state.title}</h1>
      <p className="muted">
        {[
          state.venue,
          state.startsAt !== null && formatDate(state.startsAt),
          state.status !== 'closed' && 'the assembly is still under way: this record is live',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <Turnout state={state} />
      <section aria-labelledby="asks-h">
        <h2 id="asks-h">The asks and the answers</h2>
        {state.asks.length === 0 && <p className="muted">No asks were put.</p>}
        {state.asks.map((ask) => (
          <AskRecord key={ask.id} state={state} ask={ask} />
        ))}
      </section>
    </main>
  );
}

function Turnout({ state }: { state: AssemblyState }) {
  const board = rollCallBoard(state.institutions, state.turnout, 'count');
  return (
    <section aria-labelledby="turnout-h">
      <h2 id="turnout-h">Turnout</h2>
      <p>
        <strong>{formatCount(board.total)}</strong> people checked in
        {board.committed > 0 && <> against {formatCount(board.committed)} committed</>}
        {board.headcount > 0 && <>; the stewards’ headcount was {formatCount(board.headcount)}</>}.
      </p>
      {board.rows.length > 0 && (
        <table className="record-table">
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">Committed</th>
              <th scope="col">Checked in</th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={row.institution.id}>
                <th scope="row">{row.institution.name}</th>
                <td>{row.institution.committed || '–'}</td>
                <td>{row.checkedIn}</td>
              </tr>
            ))}
            {board.guests > 0 && (
              <tr>
                <th scope="row">{GUEST_WORDS.many}</th>
                <td>–</td>
                <td>{board.guests}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AskRecord({ state, ask }: { state: AssemblyState; ask: Ask }) {
  const holders = ask.targetIds
    .map((id) => state.powerHolders.find((p) => p.id === id))
    .filter((p): p is PowerHolder => p !== undefined);
  const { action, deadline, owner, measure } = ask.commitment;
  const terms = [
    ['Action', action],
    ['Deadline', deadline],
    ['Owner', owner],
    ['Measure', measure],
  ].filter(([, value]) => value);
  return (
    <article className="ask-record" data-testid="ask-record" data-ask={ask.id}>
      <h3>{ask.title}</h3>
      <blockquote>{ask.wording}</blockquote>
      {terms.length > 0 && (
        <dl className="commitment-terms">
          {terms.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul className="answer-records">
        {holders.map((holder) => {
          const history = historyOf(state.responses, ask.id, holder.id);
          const current = history.at(-1);
          const followUps = state.followUps
            .filter((f) => f.askId === ask.id && f.powerHolderId === holder.id)
            .sort((a, b) => a.date - b.date || a.at - b.at);
          return (
            <li key={holder.id} data-testid="answer-record" data-holder={holder.id}>
              <p>
                <strong>{holder.name}</strong>
                {holder.role && <span className="muted">, {holder.role}</span>}
                {holder.organisation && <span className="muted">, {holder.organisation}</span>}
              </p>
              <p>
                <AnswerChip answer={shownAnswer(holder, current ?? null)} />{' '}
                {current ? (
                  <span className="muted">at {formatTimeOfDay(current.at)}</span>
                ) : holder.attending ? (
                  'No answer recorded.'
                ) : (
                  'Did not attend.'
                )}
              </p>
              {current?.note && <p className="record-note">“{current.note}”</p>}
              {history.length > 1 && <p className="muted">Earlier: {formatEarlierAnswers(history)}</p>}
              {followUps.length > 0 && (
                <ol className="follow-ups" aria-label={`Follow-up on ${holder.name}`}>
                  {followUps.map((f) => (
                    <li key={f.id}>
                      <span className={`follow-up follow-up-${f.status}`}>
                        <span aria-hidden="true">{FOLLOW_UP_LOOK[f.status].symbol}</span>{' '}
                        {FOLLOW_UP_LOOK[f.status].word}
                      </span>{' '}
                      {formatDate(f.date)}
                      {f.note && <>: {f.note}</>}
                      {f.link && (
                        <>
                          {' '}
                          <a href={f.link} rel="noopener noreferrer nofollow" target="_blank">
                            evidence
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
