import { useAssembly } from '../../connection/assemblyStore';
import { LinkBaseWarning } from '../../links/LinkBaseWarning';
import { whenAndWhere } from '../../whenAndWhere';

/** Links to the A4 sheets: each opens in its own tab, ready to print, after what to fix first. */
export function PrintablesAdmin({
  code,
  staffKey,
  registrants,
}: {
  code: string;
  staffKey: string;
  registrants: number;
}) {
  const base = useAssembly((s) => s.publicUrl);
  const state = useAssembly((s) => s.state);
  const missing = state ? whenAndWhere(state).missing : [];
  const sheet = (name: string) => `/a/${code}/print/${name}#key=${staffKey}`;
  return (
    <section aria-labelledby="printables-h">
      <h2 id="printables-h">Print</h2>
      {base && <LinkBaseWarning level={3} base={base} subject="The printed sheets’ QR codes" />}
      {missing.length > 0 && (
        <p className="warning" role="note" data-testid="printables-missing">
          This assembly has no {missing.join(' or ')} yet: the sheets print without{' '}
          {missing.length > 1 ? 'them' : 'it'}. Add {missing.length > 1 ? 'them' : 'it'} under Details first.
        </p>
      )}
      <ul>
        <li>
          <a href={sheet('poster')} target="_blank" rel="noreferrer">
            Join poster
          </a>{' '}
          — A4: when and where, a big QR, the join address and the code, for doors and walls.
        </li>
        <li>
          <a href={sheet('cards')} target="_blank" rel="noreferrer">
            Table cards
          </a>{' '}
          — one per institution, two to an A4 page, each with a QR that opens the join page with that
          institution already chosen.
        </li>
        <li>
          <a href={sheet('tickets')} target="_blank" rel="noreferrer">
            Tickets for registrants
          </a>{' '}
          — {registrants} ticket{registrants === 1 ? '' : 's'}, eight to an A4 page, each with when and where
          and the QR the door scans.
        </li>
      </ul>
    </section>
  );
}
