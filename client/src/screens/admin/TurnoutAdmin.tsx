import { namedTotal } from '../../../../shared/domain/turnout';
import type { OrganiserSection } from './organiserSection';

/** Turnout so far, and the way to the exports. (Registrants come in through the spreadsheet import.) */
export function TurnoutAdmin({ code, staffKey, state }: OrganiserSection) {
  return (
    <section aria-labelledby="turnout-admin-h">
      <h2 id="turnout-admin-h">Turnout and exports</h2>
      <p>
        {namedTotal(state.turnout)} checked in · {state.attendance.registrants.length} registrants.
      </p>
      <p>
        <a href={`/a/${code}/exports#key=${staffKey}`}>All exports</a>: turnout, attendees, registrants with
        their tickets, responses, the setup and the whole record.
      </p>
    </section>
  );
}
