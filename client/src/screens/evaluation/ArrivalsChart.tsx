import {
  ARRIVAL_WAY_LABELS,
  ARRIVAL_WAYS,
  type Arrivals,
  type ArrivalWay,
} from '../../../../shared/domain/evaluation/arrivals';
import { niceStep, stackedColumns, steps } from './chartGeometry';
import { clockTime } from './nightTime';
import { type Fill, fillOf, Patterns, Swatch } from './Patterns';

export const WAY_FILLS: Record<ArrivalWay, Fill> = {
  phone: 'solid',
  ticket: 'hatch',
  doorSearch: 'dots',
  walkIn: 'blank',
};

const W = 720;
const H = 220;
const LEFT = 36;
const BOTTOM = 24;

/** Check-ins per five minutes, stacked by the way people came in, with a table beside it. */
export function ArrivalsChart({ arrivals, timeZone }: { arrivals: Arrivals; timeZone: string }) {
  const { bins, binMs } = arrivals;
  const plot = { x: LEFT, y: 8, width: W - LEFT - 8, height: H - BOTTOM - 8 };
  const tallest = Math.max(1, ...bins.map((b) => b.total));
  const step = niceStep(tallest, 4);
  const max = Math.ceil(tallest / step) * step;
  const columns = stackedColumns(
    bins.map((b) => b.byWay),
    ARRIVAL_WAYS,
    { ...plot, gap: 3, max },
  );
  const minutes = Math.round(binMs / 60_000);
  const peak = bins.reduce((best, b) => (b.total > (best?.total ?? -1) ? b : best), bins[0]);
  const labelEvery = Math.max(1, Math.ceil(bins.length / 12));
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Check-ins per ${minutes} minutes${peak ? `, busiest at ${clockTime(peak.from, timeZone)} with ${peak.total}` : ''}. The table below gives every figure.`}
        data-testid="arrivals-chart"
      >
        <Patterns prefix="arr" />
        {steps(0, max, step).map((v) => {
          const y = plot.y + plot.height - (v / max) * plot.height;
          return (
            <g key={v}>
              <line x1={LEFT} x2={W - 8} y1={y} y2={y} className="grid" />
              <text x={LEFT - 4} y={y + 4} textAnchor="end" className="tick">
                {v}
              </text>
            </g>
          );
        })}
        {columns.flatMap((rects, index) =>
          rects.map((r) => (
            <rect
              key={`${bins[index]!.from}-${r.key}`}
              x={r.x}
              y={r.y}
              width={r.width}
              height={r.height}
              fill={fillOf('arr', WAY_FILLS[r.key])}
              stroke="#000"
              strokeWidth="0.8"
            />
          )),
        )}
        {bins.map((bin, index) =>
          index % labelEvery === 0 ? (
            <text
              key={bin.from}
              x={plot.x + (index + 0.5) * (plot.width / bins.length)}
              y={H - 6}
              textAnchor="middle"
              className="tick"
            >
              {clockTime(bin.from, timeZone)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="legend">
        {ARRIVAL_WAYS.map((way) => (
          <span key={way}>
            <Swatch prefix={`arr-${way}`} fill={WAY_FILLS[way]} /> {ARRIVAL_WAY_LABELS[way]} (
            {arrivals.byWay[way]})
          </span>
        ))}
      </figcaption>
      <details className="chart-table">
        <summary>Check-ins per {minutes} minutes, by way and by door, as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              {ARRIVAL_WAYS.map((way) => (
                <th key={way} scope="col">
                  {ARRIVAL_WAY_LABELS[way]}
                </th>
              ))}
              {arrivals.byDoor.map(({ door }) => (
                <th key={`door-${door}`} scope="col">
                  {door}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.from}>
                <th scope="row">{clockTime(bin.from, timeZone)}</th>
                {ARRIVAL_WAYS.map((way) => (
                  <td key={way}>{bin.byWay[way]}</td>
                ))}
                {arrivals.byDoor.map(({ door }, index) => (
                  <td key={`door-${door}`}>{bin.byDoor[index]}</td>
                ))}
                <td>{bin.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
