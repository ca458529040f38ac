import type { TurnoutAgainstCommitment } from '../../../../shared/domain/evaluation/turnoutAgainstCommitment';
import { linearScale } from './chartGeometry';
import { fillOf, Patterns, Swatch } from './Patterns';

const W = 720;
const ROW = 22;
const LABEL = 230;
const TOP = 6;

export const metWords = (difference: number): string =>
  difference >= 0 ? `met${difference > 0 ? `, ${difference} over` : ''}` : `short by ${-difference}`;

/** Each institution's turnout (a bar: dark when it met its commitment, hatched when short) against its commitment (a tall mark). */
export function TurnoutChart({ turnout }: { turnout: TurnoutAgainstCommitment }) {
  const rows = turnout.institutions;
  const most = Math.max(1, ...rows.map((r) => Math.max(r.counted, r.committed)));
  const x = linearScale(0, most, LABEL, W - 130);
  const height = TOP + rows.length * ROW + 6;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`${turnout.met} of ${rows.length} institutions met their commitment; ${turnout.short} were short. The table below gives every figure.`}
        data-testid="turnout-chart"
      >
        <Patterns prefix="tc" />
        {rows.map((row, index) => {
          const y = TOP + index * ROW;
          return (
            <g key={row.institutionId}>
              <text x={LABEL - 6} y={y + 15} textAnchor="end" className="row-label">
                {row.name.length > 32 ? `${row.name.slice(0, 31)}…` : row.name}
              </text>
              <rect
                x={LABEL}
                y={y + 4}
                width={Math.max(0, x(row.counted) - LABEL)}
                height={ROW - 8}
                fill={fillOf('tc', row.met ? 'solid' : 'hatch')}
                stroke="#000"
              />
              <line
                x1={x(row.committed)}
                x2={x(row.committed)}
                y1={y + 1}
                y2={y + ROW - 1}
                stroke="#000"
                strokeWidth="3"
              />
              <text x={Math.max(x(row.counted), x(row.committed)) + 6} y={y + 15} className="tick">
                {row.counted} / {row.committed} {row.met ? '✓' : '✕'} {metWords(row.difference)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span>
          <Swatch prefix="tc-m" fill="solid" /> Met (✓)
        </span>
        <span>
          <Swatch prefix="tc-s" fill="hatch" /> Short (✕)
        </span>
        <span>▮ tall mark: the commitment</span>
      </figcaption>
    </figure>
  );
}
