import { LinkBaseWarning } from '../../links/LinkBaseWarning';
import type { WhenAndWhere } from '../../whenAndWhere';

/** What to fix before printing, on screen only: a local link base, a missing date or venue. */
export function PrintChecks({
  base,
  when,
  adminPath,
}: {
  base: string;
  when: WhenAndWhere;
  adminPath: string | null;
}) {
  return (
    <>
      <LinkBaseWarning base={base} subject="The links on these sheets" />
      {when.missing.length > 0 && (
        <div className="print-missing" role="note" data-testid="print-missing">
          <p>
            <strong>This assembly has no {when.missing.join(' or ')} yet.</strong> The sheets print without{' '}
            {when.missing.length > 1 ? 'them' : 'it'}, so people will not know from the paper{' '}
            {when.missing.length > 1 ? 'when or where to come' : when.date ? 'where to come' : 'when to come'}
            .
          </p>
          <p>
            Add {when.missing.length > 1 ? 'them' : 'it'} under Details on the{' '}
            {adminPath ? <a href={adminPath}>organiser page</a> : 'organiser page'}, then print.
          </p>
        </div>
      )}
    </>
  );
}
