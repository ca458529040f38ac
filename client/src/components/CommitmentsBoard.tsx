import type { AssemblyState } from '../../../shared/domain/assembly';
import { ANSWER_LOOK, commitmentsBoard, shownAnswer } from '../../../shared/domain/responses';
import { AnswerChip } from './AnswerChip';
import { askColumnShare, commitmentsFit } from './commitmentsFit';
import { fitted } from './fitted';

/**
 * Asks against power-holders: YES, NO, WAFFLE, ABSENT (the empty chair) and pending, each
 * with a colour, a symbol and a word. On the projector a grid that fills the stage, its type
 * as large as its size allows (commitmentsFit.ts: a 3 x 3 board large, a 10 x 12 one still whole);
 * on a phone a list, ask by ask.
 */
export function CommitmentsBoard({ state, compact = false }: { state: AssemblyState; compact?: boolean }) {
  const board = commitmentsBoard(state.asks, state.powerHolders, state.responses);
  if (board.asks.length === 0 || board.powerHolders.length === 0) {
    return <p className="muted">No asks yet.</p>;
  }
  if (compact) {
    return (
      <ul className="commitments-list" data-testid="commitments-board">
        {board.asks.map((ask, row) => (
          <li key={ask.id}>
            <h3>{ask.title}</h3>
            <ul>
              {board.cells[row]!.map((cell, col) => {
                const holder = board.powerHolders[col]!;
                if (!cell.asked) return null;
                const answer = shownAnswer(holder, cell.response);
                return (
                  <li
                    key={holder.id}
                    data-testid="board-cell"
                    data-ask={ask.id}
                    data-holder={holder.id}
                    data-answer={answer}
                  >
                    <span className="commitments-holder">{holder.name}</span> <AnswerChip answer={answer} />
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    );
  }
  const titles = board.asks.map((ask) => ask.title);
  const size = fitted((width) => commitmentsFit(titles, board.powerHolders.length, width).sizeCqh);
  return (
    <div className="commitments">
      <table className="commitments-table fitted" data-testid="commitments-board" style={size}>
        <colgroup>
          <col style={{ width: `${Math.round(askColumnShare(board.powerHolders.length) * 100)}%` }} />
          {board.powerHolders.map((holder) => (
            <col key={holder.id} />
          ))}
        </colgroup>
        <caption className="visually-hidden">Commitments: each ask against each power-holder</caption>
        <thead>
          <tr>
            <th scope="col">Ask</th>
            {board.powerHolders.map((holder) => (
              <th scope="col" key={holder.id}>
                <span className="holder-name">{holder.name}</span>
                {holder.role && <span className="holder-role">{holder.role}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.asks.map((ask, row) => (
            <tr key={ask.id}>
              <th scope="row">{ask.title}</th>
              {board.cells[row]!.map((cell, col) => {
                const holder = board.powerHolders[col]!;
                if (!cell.asked)
                  return (
                    <td key={holder.id} className="not-asked" data-testid="board-not-asked">
                      not asked
                    </td>
                  );
                const answer = shownAnswer(holder, cell.response);
                const look = ANSWER_LOOK[answer];
                return (
                  <td
                    key={holder.id}
                    className={`answer answer-${answer}`}
                    data-testid="board-cell"
                    data-ask={ask.id}
                    data-holder={holder.id}
                    data-answer={answer}
                  >
                    <span className="answer-symbol" aria-hidden="true">
                      {look.symbol}
                    </span>{' '}
                    <span className="answer-word">{look.word}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
