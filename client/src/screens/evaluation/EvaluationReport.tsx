import type { ReactNode } from 'react';
import type { NightEvaluation } from '../../../../shared/domain/evaluation/nightEvaluation';
import { ArrivalsChart } from './ArrivalsChart';
import { AsksAnswered } from './AsksAnswered';
import { FinishChart } from './FinishChart';
import { RunOfShowChart } from './RunOfShowChart';
import { RunOfShowTable } from './RunOfShowTable';
import { TurnoutChart } from './TurnoutChart';
import { TurnoutTable } from './TurnoutTable';

/**
 * The night as the core team evaluates it, from its journal. `commitmentCards` is the
 * commitment cards' own section (by option and by institution), placed after the turnout.
 */
export function EvaluationReport({
  evaluation,
  commitmentCards,
  team,
}: {
  evaluation: NightEvaluation;
  /** The "Commitment cards" section, when cards are collected: given by its own component. */
  commitmentCards?: ReactNode;
  /** The core team's evaluations and form. */
  team: ReactNode;
}) {
  const { runOfShow, arrivals, turnout, asks, timeZone } = evaluation;
  return (
    <>
      <section aria-labelledby="ev-run-h" data-testid="evaluation-run-of-show">
        <h2 id="ev-run-h">Run of show: planned against actual</h2>
        <RunOfShowChart run={runOfShow} />
        <RunOfShowTable run={runOfShow} timeZone={timeZone} />
        <h3>The projected finish through the night</h3>
        <FinishChart run={runOfShow} timeZone={timeZone} />
      </section>
      <section aria-labelledby="ev-arrivals-h" data-testid="evaluation-arrivals">
        <h2 id="ev-arrivals-h">Arrivals</h2>
        <p>
          <strong>{arrivals.named}</strong> named check-ins that count, against a headcount of{' '}
          <strong>{arrivals.headcount}</strong>
          {arrivals.headcount > arrivals.named && (
            <> ({arrivals.headcount - arrivals.named} not signed in by name)</>
          )}
          .
        </p>
        <ArrivalsChart arrivals={arrivals} timeZone={timeZone} />
        <div className="side-by-side">
          <table>
            <caption>By door</caption>
            <thead>
              <tr>
                <th scope="col">Door</th>
                <th scope="col">Check-ins</th>
              </tr>
            </thead>
            <tbody>
              {arrivals.byDoor.map((d) => (
                <tr key={d.door}>
                  <th scope="row">{d.door}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Headcount beside named check-ins, by section</caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col">Named</th>
                <th scope="col">Headcount</th>
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {arrivals.bySection.map((s) => (
                <tr key={s.section}>
                  <th scope="row">{s.section || '(none)'}</th>
                  <td>{s.named}</td>
                  <td>{s.headcount}</td>
                  <td>{s.headcount - s.named}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="ev-turnout-h" data-testid="evaluation-turnout">
        <h2 id="ev-turnout-h">Turnout against commitment</h2>
        <p>
          <strong>{turnout.counted}</strong> from member institutions against{' '}
          <strong>{turnout.committed}</strong> committed, and {turnout.guests} guests: {turnout.met}{' '}
          institutions met their commitment, {turnout.short} were short.
        </p>
        <TurnoutChart turnout={turnout} />
        <TurnoutTable turnout={turnout} />
      </section>
      {commitmentCards}
      <section aria-labelledby="ev-asks-h" data-testid="evaluation-asks">
        <h2 id="ev-asks-h">The asks and the answers</h2>
        <AsksAnswered asks={asks} timeZone={timeZone} />
      </section>
      <section aria-labelledby="ev-team-h" data-testid="evaluation-team">
        <h2 id="ev-team-h">The core team's evaluation</h2>
        {team}
      </section>
    </>
  );
}
