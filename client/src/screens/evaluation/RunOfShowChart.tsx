import type { RunOfShow } from '../../../../shared/domain/evaluation/runOfShow';
import { linearScale, niceStep, steps } from './chartGeometry';
import { overOrUnder } from './nightTime';
import { fillOf, Patterns, Swatch } from './Patterns';

const W = 720;
const ROW = 22;
const LABEL = 250;
const TOP = 22;

/** Each item's planned time (an outlined box) against the time it took (a dark bar; past the plan, hatched). */
export function RunOfShowChart({ run }: { run: RunOfShow }) {
  const reached = run.items;
  const longest = Math.max(1, ...reached.map((i) => Math.max(i.plannedMs, i.actualMs)));
  const stepMs = niceStep(longest / 60_000, 5) * 60_000;
  const maxMs = Math.ceil(longest / stepMs) * stepMs;
  const x = linearScale(0, maxMs, LABEL, W - 70);
  const height = TOP + reached.length * ROW + 6;
  const overs = reached.filter((i) => i.overMs >= 15_000).length;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`Planned against actual time for ${reached.length} items: ${overs} ran over. The table below gives every figure.`}
        data-testid="run-of-show-chart"
      >
        <Patterns prefix="ros" />
        {steps(0, maxMs, stepMs).map((ms) => (
          <g key={ms}>
            <line x1={x(ms)} x2={x(ms)} y1={TOP - 4} y2={height - 4} className="grid" />
            <text x={x(ms)} y={TOP - 8} textAnchor="middle" className="tick">
              {Math.round(ms / 60_000)} min
            </text>
          </g>
        ))}
        {reached.map((item, index) => {
          const y = TOP + index * ROW;
          const plannedEnd = x(item.plannedMs);
          const actualEnd = x(item.actualMs);
          return (
            <g key={item.itemId}>
              <text x={LABEL - 6} y={y + 15} textAnchor="end" className="row-label">
                {item.title.length > 36 ? `${item.title.slice(0, 35)}…` : item.title}
              </text>
              <rect
                x={LABEL}
                y={y + 3}
                width={plannedEnd - LABEL}
                height={ROW - 6}
                fill="#fff"
                stroke="#000"
                strokeWidth="1.5"
              />
              {item.startedAt !== null && (
                <>
                  <rect
                    x={LABEL}
                    y={y + 7}
                    width={Math.min(actualEnd, plannedEnd) - LABEL}
                    height={ROW - 14}
                    fill={fillOf('ros', 'solid')}
                  />
                  {actualEnd > plannedEnd && (
                    <rect
                      x={plannedEnd}
                      y={y + 5}
                      width={actualEnd - plannedEnd}
                      height={ROW - 10}
                      fill={fillOf('ros', 'hatch')}
                      stroke="#000"
                    />
                  )}
                </>
              )}
              <text x={Math.max(actualEnd, plannedEnd) + 4} y={y + 15} className="tick">
                {item.startedAt === null
                  ? 'not reached'
                  : overOrUnder(item.overMs).replace(' min', 'm').replace(' s', 's')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span>
          <Swatch prefix="ros-p" fill="blank" /> Planned
        </span>
        <span>
          <Swatch prefix="ros-a" fill="solid" /> Taken
        </span>
        <span>
          <Swatch prefix="ros-o" fill="hatch" /> Over the plan
        </span>
      </figcaption>
    </figure>
  );
}
