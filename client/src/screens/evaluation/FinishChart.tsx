import type { RunOfShow } from '../../../../shared/domain/evaluation/runOfShow';
import { linearScale, pathThrough, steps, timeStep } from './chartGeometry';
import { clockTime } from './nightTime';

const W = 720;
const H = 200;
const LEFT = 52;
const BOTTOM = 24;

/** The projected finish as it moved through the night (solid), against the planned finish (dashed). */
export function FinishChart({ run, timeZone }: { run: RunOfShow; timeZone: string }) {
  const points = run.finish;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return <p className="muted">The agenda never ran, so there is no finish to follow.</p>;
  const ys = [
    ...points.map((p) => p.projectedEndsAt),
    ...(run.plannedFinishAt === null ? [] : [run.plannedFinishAt]),
  ];
  const yStep = timeStep(Math.max(...ys) - Math.min(...ys), 4);
  const y0 = Math.floor(Math.min(...ys) / yStep) * yStep;
  const y1 = Math.ceil(Math.max(...ys) / yStep) * yStep;
  const xStep = timeStep(last.at - first.at, 7);
  const x = linearScale(first.at, last.at, LEFT, W - 12);
  const y = linearScale(y0, y1 === y0 ? y0 + yStep : y1, H - BOTTOM, 10);
  const latest = points.reduce((a, b) => (b.projectedEndsAt > a.projectedEndsAt ? b : a), first);
  const planned = run.plannedFinishAt;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`The projected finish moved from ${clockTime(first.projectedEndsAt, timeZone)} at ${clockTime(first.at, timeZone)} to ${clockTime(last.projectedEndsAt, timeZone)}, latest ${clockTime(latest.projectedEndsAt, timeZone)}${planned === null ? '' : `, against a planned finish of ${clockTime(planned, timeZone)}`}.`}
        data-testid="finish-chart"
      >
        {steps(y0, y1, yStep).map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={W - 12} y1={y(v)} y2={y(v)} className="grid" />
            <text x={LEFT - 4} y={y(v) + 4} textAnchor="end" className="tick">
              {clockTime(v, timeZone)}
            </text>
          </g>
        ))}
        {steps(first.at, last.at, xStep).map((v) => (
          <text key={v} x={x(v)} y={H - 6} textAnchor="middle" className="tick">
            {clockTime(v, timeZone)}
          </text>
        ))}
        {planned !== null && (
          <>
            <line
              x1={LEFT}
              x2={W - 12}
              y1={y(planned)}
              y2={y(planned)}
              stroke="#000"
              strokeWidth="1.5"
              strokeDasharray="6 4"
            />
            <text x={W - 14} y={y(planned) - 4} textAnchor="end" className="tick">
              planned finish {clockTime(planned, timeZone)}
            </text>
          </>
        )}
        <path
          d={pathThrough(points.map((p) => [x(p.at), y(p.projectedEndsAt)]))}
          fill="none"
          stroke="#000"
          strokeWidth="2.5"
        />
      </svg>
      <figcaption className="legend">
        <span>── projected finish as the night went</span>
        {planned !== null && <span>- - - planned finish</span>}
      </figcaption>
    </figure>
  );
}
