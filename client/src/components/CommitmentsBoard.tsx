import type { AssemblyState } from '../../../shared/domain/assembly';
import { ANSWER_LOOK, type Answer, commitmentsBoard } from '../../../shared/domain/responses';

/**
 * Asks against power-holders: YES, NO, WAFFLE, ABSENT (the empty chair) and pending, each
 * with a colour, a symbol and a word. Type scales with the grid so 3 x 5 and 10 x 12 both fit.
 */
export function CommitmentsBoard({ state, compact = false }: { state: AssemblyState; compact?: boolean }) {
  const board = commitmentsBoard(state.asks, state.powerHolders, state.responses);
  if (board.asks.length === 0 || board.powerHolders.length === 0) {
    return <p className="muted">No asks yet.</p>;
  }
  const size = Math.max(board.asks.length, board.powerHolders.length);
  return (
    <div className={`commitments ${compact ? 'compact' : ''}`} data-size={size > 8 ? 'large' : 'small'}>
      <table className="commitments-table" data-testid="commitments-board">
        <caption className="visually-hidden">Commitments: each ask against each power-holder</caption>
        <thead>
          <tr>
            <th scope="col">Ask</th>
            {board.powerHolders.map((holder) => (
              <th scope="col" key={holder.id}>
                <span className="holder-name">{holder.name}</span>
                {!compact && holder.role && <span className="holder-role">{holder.role}</span>}
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
                    <td key={holder.id} className="not-asked">
                      <span className="visually-hidden">not asked</span>
                    </td>
                  );
                const answer: Answer | 'pending' = cell.response?.answer ?? 'pending';
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
