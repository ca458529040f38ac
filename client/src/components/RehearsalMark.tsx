import { useAssembly } from '../connection/assemblyStore';

/**
 * Unmissable while a rehearsal is under way, on every screen: "REHEARSAL" on black and yellow.
 * A corner of the projector and speaker monitor; a bar across the top of a page elsewhere,
 * saying what it means for whoever holds it.
 */
export function RehearsalMark({
  corner = false,
  note,
  rehearsal,
}: {
  corner?: boolean;
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
      className={`rehearsal-mark ${corner ? 'corner' : 'bar'}`}
      role="status"
      data-testid="rehearsal-mark"
      aria-label={`${name}: not the real night`}
    >
      <strong className="rehearsal-word">REHEARSAL</strong>
      {!corner && (
        <span className="rehearsal-note">
          {note ?? 'Practice only: everything here is cleared when the rehearsal ends.'}
        </span>
      )}
    </div>
  );
}
