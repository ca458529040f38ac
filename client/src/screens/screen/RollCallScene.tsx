import { useMemo } from 'react';
import type { AssemblyState } from '../../../../shared/domain/assembly';
import { currentItem } from '../../../../shared/domain/assembly';
import { layOutBoard, pageToShow, type RollCallRow, rollCallBoard } from '../../../../shared/domain/rollCall';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { fitted } from '../../components/fitted';
import { nextPageTurnAt } from '../../components/nextChange';
import { TimerClock } from '../../components/TimerClock';
import { useServerNow } from '../../components/useServerNow';
import { formatCount } from '../../format';
import { rollCallFit } from './rollCallFit';

/** Seconds each page of a long roll call stays up; every screen turns pages together (server time). */
const PAGE_SECONDS = 12;
/** How long the page with the institution just called stays up (pageToShow's hold). */
const CALLED_HOLD_MS = 30_000;

/**
 * The roll call board: each institution's turnout against its commitment, live, in
 * balanced columns whose type fills the stage; the institution the chair is calling now
 * is lit, and its page stays up while it is called.
 */
export function RollCallScene({ state }: { state: AssemblyState }) {
  const { institutions, turnout } = state;
  const order = state.live.rollCallOrder;
  const callingNow = state.live.rollCallNow;
  // Laid out when the counts change; the clock below only turns the page.
  const { board, pages, fit } = useMemo(() => {
    const board = rollCallBoard(institutions, turnout, order);
    const sections = new Set(board.rows.map((row) => row.institution.section).filter((s) => s !== ''));
    const longestName = Math.max(0, ...board.rows.map((row) => row.institution.name.length));
    const longestCount = Math.max(
      1,
      ...board.rows.map(
        (row) =>
          String(row.checkedIn).length +
          (row.institution.committed > 0 ? 3 + String(row.institution.committed).length : 0),
      ),
    );
    const bySection = order === 'section';
    const fitFor = (width: number) =>
      rollCallFit(board.rows.length, sections.size, bySection, longestName, longestCount, width);
    const fit = { ...fitFor(0), size: fitted((width) => fitFor(width).sizeCqh) };
    return { board, fit, pages: layOutBoard(board.rows, bySection, fit.perColumn, fit.columns) };
  }, [institutions, turnout, order]);
  const { columns, perColumn } = fit;
  const called = state.turnout.called;
  const callingPage =
    callingNow === null
      ? -1
      : pages.findIndex((page) =>
          page.some((column) =>
            column.some((line) => line.kind === 'row' && line.row.institution.id === callingNow),
          ),
        );
  // Redrawn only when the page turns, on every screen at the same instant; the page of
  // the institution being called stays up while it is.
  const now = useServerNow((at) =>
    callingPage >= 0 ? null : nextPageTurnAt(pages.length, called, at, PAGE_SECONDS * 1000, CALLED_HOLD_MS),
  );
  const item = currentItem(state);
  const pageIndex =
    callingPage >= 0 ? callingPage : pageToShow(pages, called, now, PAGE_SECONDS * 1000, CALLED_HOLD_MS);
  const page = pages[pageIndex]!;
  const gap = board.headcount - board.total;
  return (
    <div className="scene scene-roll-call" data-testid="scene-roll-call">
      <header className="roll-call-head">
        <div>
          <p className="kind">{item?.kind === 'rollCall' ? item.title : 'Roll call'}</p>
          <p className="roll-call-total">
            <strong data-testid="turnout-total">{formatCount(board.total)}</strong>
            {board.committed > 0 && <span> of {formatCount(board.committed)} committed</span>}
          </p>
          {board.headcount > 0 && (
            <p className="roll-call-headcount">
              Headcount {formatCount(board.headcount)}
              {gap > 0 && <span> · {formatCount(gap)} not signed in</span>}
            </p>
          )}
        </div>
        {item?.kind === 'rollCall' && item.durationMs > 0 && (
          <TimerClock timer={state.live.timer} warningMs={item.warningMs} className="timer-corner" />
        )}
      </header>
      {board.rows.length === 0 ? (
        <p className="roll-call-empty">Institutions appear here once the organiser adds them.</p>
      ) : (
        <div
          className="roll-call-columns fitted"
          style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, ...fit.size }}
        >
          {page.map((column, c) => (
            <ol
              // Columns are positions on the stage, not records: their index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={c}
              className="roll-call-column"
              style={{ gridTemplateRows: `repeat(${perColumn}, 1fr)` }}
            >
              {column.map((line) =>
                line.kind === 'section' ? (
                  <li key={`section-${line.name}`} className="roll-call-section">
                    {line.name}
                    {line.continued && <span className="muted"> (continued)</span>}
                  </li>
                ) : (
                  <RollCallLine
                    key={line.row.institution.id}
                    row={line.row}
                    now={line.row.institution.id === callingNow}
                  />
                ),
              )}
            </ol>
          ))}
        </div>
      )}
      <footer className="roll-call-foot">
        {board.guests > 0 && (
          <span>
            {GUEST_WORDS.many} {formatCount(board.guests)}
          </span>
        )}
        {pages.length > 1 && (
          <span data-testid="roll-call-page">
            Page {pageIndex + 1} of {pages.length}
          </span>
        )}
      </footer>
    </div>
  );
}

function RollCallLine({ row, now }: { row: RollCallRow; now: boolean }) {
  const { institution, checkedIn, share, called } = row;
  const met = institution.committed > 0 && checkedIn >= institution.committed;
  return (
    <li
      className={`roll-call-row ${called ? 'called' : ''} ${met ? 'met' : ''} ${now ? 'calling-now' : ''}`}
      data-testid="roll-call-row"
      data-institution={institution.id}
      aria-current={now ? 'true' : undefined}
    >
      <span className="roll-call-name">
        {now && <span className="visually-hidden">Calling now: </span>}
        {called && !now && <span className="visually-hidden">Called: </span>}
        {called && <span aria-hidden="true">✓ </span>}
        {institution.name}
      </span>
      <span className="roll-call-count" data-testid="roll-call-count">
        {checkedIn}
        {institution.committed > 0 && <span className="muted"> / {institution.committed}</span>}
      </span>
      <span className="roll-call-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </li>
  );
}
