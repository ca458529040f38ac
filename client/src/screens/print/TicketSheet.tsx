import type { AssemblyState } from '../../../../shared/domain/assembly';
import { ticketPath } from '../../../../shared/domain/tickets';
import { GUEST_WORDS } from '../../../../shared/domain/turnout';
import { JoinQr } from '../../components/JoinQr';
import type { WhenAndWhere } from '../../whenAndWhere';
import { WhenAndWhereLines } from './WhenAndWhereLines';

const PER_PAGE = 8;

/** Registrants' tickets, eight to an A4 page: name, institution, when and where, and the QR the door scans. */
export function TicketSheet({
  state,
  publicUrl,
  when,
}: {
  state: AssemblyState;
  publicUrl: string;
  when: WhenAndWhere;
}) {
  const { registrants } = state.attendance;
  if (registrants.length === 0)
    return (
      <p className="notice">
        No registrants with tickets yet (or this link cannot see them: tickets need the organiser link).
        Import registrants on the organiser page first.
      </p>
    );
  const names = new Map(state.institutions.map((i) => [i.id, i.name]));
  const pages: (typeof registrants)[] = [];
  for (let i = 0; i < registrants.length; i += PER_PAGE) pages.push(registrants.slice(i, i + PER_PAGE));
  return (
    <>
      {pages.map((page, n) => (
        <section
          key={page[0]!.id}
          className="print-page ticket-sheet"
          aria-label={`Tickets, page ${n + 1} of ${pages.length}`}
        >
          {page.map((registrant) => (
            <article key={registrant.id} className="ticket-stub" data-testid="ticket-stub">
              <JoinQr url={`${publicUrl}${ticketPath(registrant.ticket)}`} className="ticket-stub-qr" />
              <div>
                <p className="ticket-stub-title">{state.title}</p>
                <p className="ticket-stub-name">{registrant.name}</p>
                <p>{registrant.institutionId ? names.get(registrant.institutionId) : GUEST_WORDS.one}</p>
                <WhenAndWhereLines when={when} className="ticket-stub-when" />
                <p className="ticket-stub-hint">Show this at the door.</p>
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
