import type { WhenAndWhere } from '../../whenAndWhere';

/** The date, time and venue as printed on a sheet: only what the organiser has given. */
export function WhenAndWhereLines({ when, className }: { when: WhenAndWhere; className: string }) {
  if (!when.date && !when.venue) return null;
  return (
    <div className={className} data-testid="when-and-where">
      {when.date && (
        <p>
          <strong>{when.date}</strong>
          {when.time && `, ${when.time}`}
        </p>
      )}
      {when.venue && <p>{when.venue}</p>}
    </div>
  );
}
