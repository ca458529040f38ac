import type { CardsSummary } from '../../../../shared/domain/evaluation/cardsSummary';
import { optionDetail } from '../../components/cards/CardChoices';
import { linearScale } from './chartGeometry';
import { fillOf, Patterns } from './Patterns';

const W = 720;
const ROW = 26;
const LABEL = 280;
const TOP = 6;

/** The commitment cards of the night: each option's count as a bar, then who committed, by institution. */
export function CardsEvaluation({ cards }: { cards: CardsSummary }) {
  if (cards.options.length === 0)
    return (
      <section aria-labelledby="ev-cards-h" data-testid="evaluation-cards">
        <h2 id="ev-cards-h">Commitment cards</h2>
        <p className="muted">This assembly had no commitment card.</p>
      </section>
    );
  const counted = (o: CardsSummary['options'][number]) => o.number ?? o.people;
  const most = Math.max(1, ...cards.options.map(counted));
  const x = linearScale(0, most, LABEL, W - 110);
  const height = TOP + cards.options.length * ROW + 6;
  const short = (text: string) => (text.length > 38 ? `${text.slice(0, 37)}…` : text);
  return (
    <section aria-labelledby="ev-cards-h" data-testid="evaluation-cards">
      <h2 id="ev-cards-h">Commitment cards</h2>
      <p>
        <strong>{cards.cards}</strong> {cards.cards === 1 ? 'card' : 'cards'} ({cards.fromPhones} on phones,{' '}
        {cards.onPaper} on paper at the door).
      </p>
      <figure className="chart">
        <svg
          viewBox={`0 0 ${W} ${height}`}
          role="img"
          aria-label={cards.options
            .map(
              (o) =>
                `${o.text}: ${o.people} ${o.people === 1 ? 'card' : 'cards'}${o.number === null ? '' : `, ${o.number} promised`}`,
            )
            .join('; ')}
          data-testid="cards-chart"
        >
          <Patterns prefix="cc" />
          {cards.options.map((option, index) => {
            const y = TOP + index * ROW;
            return (
              <g key={option.id}>
                <text x={LABEL - 6} y={y + 17} textAnchor="end" className="row-label">
                  {short(option.text)}
                </text>
                <rect
                  x={LABEL}
                  y={y + 4}
                  width={Math.max(0, x(counted(option)) - LABEL)}
                  height={ROW - 8}
                  fill={fillOf('cc', option.asksNumber ? 'hatch' : 'solid')}
                  stroke="#000"
                />
                <text x={x(counted(option)) + 6} y={y + 17} className="tick">
                  {option.number === null
                    ? `${option.people}`
                    : `${option.number} promised on ${option.people} ${option.people === 1 ? 'card' : 'cards'}`}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      <table data-testid="cards-by-institution">
        <caption>By institution (a number promised where the card asks how many)</caption>
        <thead>
          <tr>
            <th scope="col">Institution</th>
            <th scope="col">Cards</th>
            {cards.options.map((o) => (
              <th key={o.id} scope="col">
                {o.text}
                {optionDetail(o) && <span className="muted small"> ({optionDetail(o)})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cards.byInstitution.map((row) => (
            <tr key={row.institutionId ?? 'guests'}>
              <th scope="row">{row.name}</th>
              <td>{row.cards}</td>
              {cards.options.map((o) => (
                <td key={o.id}>{Object.hasOwn(row.byOption, o.id) ? row.byOption[o.id] : 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
