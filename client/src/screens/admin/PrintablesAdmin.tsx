/** Links to the A4 sheets: each opens in its own tab, ready to print. */
export function PrintablesAdmin({
  code,
  staffKey,
  registrants,
}: {
  code: string;
  staffKey: string;
  registrants: number;
}) {
  const sheet = (name: string) => `/a/${code}/print/${name}#key=${staffKey}`;
  return (
    <section aria-labelledby="printables-h">
      <h2 id="printables-h">Print</h2>
      <ul>
        <li>
          <a href={sheet('poster')} target="_blank" rel="noreferrer">
            Join poster
          </a>{' '}
          — A4: a big QR, the join address and the code, for doors and walls.
        </li>
        <li>
          <a href={sheet('cards')} target="_blank" rel="noreferrer">
            Table cards
          </a>{' '}
          — one per institution, two to an A4 page, each with the join QR.
        </li>
        <li>
          <a href={sheet('tickets')} target="_blank" rel="noreferrer">
            Tickets for registrants
          </a>{' '}
          — {registrants} ticket{registrants === 1 ? '' : 's'}, eight to an A4 page, each with the QR the door
          scans.
        </li>
      </ul>
    </section>
  );
}
