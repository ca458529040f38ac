import type { AskAnswers } from '../../../../shared/domain/evaluation/answersGiven';
import { ANSWER_LOOK, NO_ANSWER_WORDS } from '../../../../shared/domain/responses';
import { clockTime, minutesAndSeconds } from './nightTime';

/** Every ask, each power-holder's standing answer, how it got there, and the answer clock. */
export function AsksAnswered({ asks, timeZone }: { asks: AskAnswers[]; timeZone: string }) {
  if (asks.length === 0) return <p className="muted">No asks were set up.</p>;
  return (
    <>
      {asks.map((ask) => (
        <div key={ask.askId} className="ask-answers" data-testid="ask-answers">
          <h3>{ask.title}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Power-holder</th>
                <th scope="col">Answer</th>
                <th scope="col">How it came</th>
                <th scope="col">Answer clock</th>
              </tr>
            </thead>
            <tbody>
              {ask.answers.map((a) => {
                const look = ANSWER_LOOK[a.standing];
                const clockOver = a.givenMs !== null && a.usedMs > a.givenMs;
                return (
                  <tr key={a.powerHolderId}>
                    <th scope="row">{a.name}</th>
                    <td>
                      <strong className={`answer answer-${a.standing}`}>
                        {look.symbol} {look.word}
                      </strong>
                      {a.note && <span className="note"> “{a.note}”</span>}
                      {a.standing === 'pending' && (
                        <span className="muted"> ({NO_ANSWER_WORDS.pending})</span>
                      )}
                    </td>
                    <td>
                      {a.steps.length === 0 ? (
                        <span className="muted">none recorded</span>
                      ) : (
                        <ol className="answer-steps">
                          {a.steps.map((step) => (
                            <li key={step.at} className={step.withdrawnAt === null ? '' : 'withdrawn'}>
                              {clockTime(step.at, timeZone)} {ANSWER_LOOK[step.answer].word}
                              {step.note && ` “${step.note}”`}
                              {step.withdrawnAt !== null &&
                                ` (taken back at ${clockTime(step.withdrawnAt, timeZone)})`}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                    <td>
                      {a.givenMs === null ? (
                        <span className="muted">not run</span>
                      ) : (
                        <>
                          {minutesAndSeconds(a.usedMs)} of {minutesAndSeconds(a.givenMs)}
                          {clockOver && <strong> (over by {minutesAndSeconds(a.usedMs - a.givenMs)})</strong>}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
