import { useAssembly } from '../connection/assemblyStore';

/**
 * Unmissable while a rehearsal is under way, on every screen: "REHEARSAL" on black and yellow.
 * On the projector and speaker monitor (`screen`), a strip above the stage, which shrinks to
 * make room so nothing on it is covered; on a page, a bar across its top saying what it
 * means for whoever holds it.
 */
export function RehearsalMark({
  screen = false,
  note,
  rehearsal,
}: {
  screen?: boolean;
  note?: string;
  /** The rehearsal's number, where the page has no live assembly (a ticket); else the assembly's. */
  rehearsal?: number | null;
}) {
  const live = useAssembly((s) => s.state?.rehearsal?.number ?? null);
  const number = rehearsal === undefined ? live : rehearsal;
  if (number === null) return null;
  const name = number > 1 ? `Rehearsal ${number}` : 'Rehearsal';
  return (
    <div
      className={`rehearsal-mark ${screen ? 'strip' : 'bar'}`}
      role="status"
      data-testid="rehearsal-mark"
      aria-label={`${name}: not the real night`}
    >
      <strong className="rehearsal-word">REHEARSAL</strong>
      {!screen && (
        <span className="rehearsal-note">
          {note ?? 'Practice only: everything here is cleared when the rehearsal ends.'}
        </span>
      )}
    </div>
  );
}
