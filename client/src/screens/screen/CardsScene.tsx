import type { AssemblyState } from '../../../../shared/domain/assembly';
import { tallyLine } from '../../../../shared/domain/cards';
import { formatCount } from '../../format';
import './cards.css';

/**
 * The room's commitments on the projector as the cards come in: "212 · Come to the follow-up".
 * Counts only, never a name: the public state holds no cards.
 */
export function CardsScene({ state }: { state: AssemblyState }) {
  const { options, tally, open } = state.cards;
  return (
    <div className="scene scene-cards" data-testid="scene-cards">
      <p className="kind">Our commitments tonight</p>
      {options.length === 0 ? (
        <p className="cards-empty muted">The card has no commitments yet.</p>
      ) : (
        <ol className="cards-tally" style={{ '--rows': options.length } as Record<string, number>}>
          {options.map((option) => {
            const line = tallyLine(option, tally);
            return (
              <li key={option.id} data-testid="cards-tally-row" data-option={option.id}>
                <strong className="cards-count">{formatCount(line.number ?? line.people)}</strong>{' '}
                <span className="cards-what">
                  {line.number === null ? (
                    <>{line.people === 1 ? 'person will' : 'people will'} </>
                  ) : (
                    <>
                      promised on {formatCount(line.people)} {line.people === 1 ? 'card' : 'cards'}:{' '}
                    </>
                  )}
                  <span className="cards-option">{lowerFirst(option.text)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {open && <p className="cards-open">Fill in your card on your phone now</p>}
    </div>
  );
}

/** "Join the housing team" reads on after "212 people will": "join the housing team". */
const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;
