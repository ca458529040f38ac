import type { AssemblyState, Institution } from '../../../../shared/domain/assembly';
import { JoinQr } from '../../components/JoinQr';
import { institutionJoinUrl, joinUrl, shortJoinUrl } from '../../links/joinLinks';
import { type WhenAndWhere, whenAndWhereLine } from '../../whenAndWhere';

const PER_PAGE = 2;

/**
 * A card per institution (two to an A4 page, cut in half): its name for the table, and a QR
 * that opens the join page with that institution already chosen, the slowest step on a phone.
 */
export function TableCards({
  state,
  publicUrl,
  when,
}: {
  state: AssemblyState;
  publicUrl: string;
  when: WhenAndWhere;
}) {
  const cards: (Institution | null)[] = state.institutions.length > 0 ? state.institutions : [null];
  const pages: (typeof cards)[] = [];
  for (let i = 0; i < cards.length; i += PER_PAGE) pages.push(cards.slice(i, i + PER_PAGE));
  const line = whenAndWhereLine(when);
  return (
    <>
      {state.institutions.length === 0 && (
        <p className="no-print notice">No institutions yet: this is a card for any table.</p>
      )}
      {pages.map((page, n) => (
        <section
          key={page.map((c) => c?.id ?? 'any').join()}
          className="print-page table-cards"
          aria-label={`Table cards, page ${n + 1} of ${pages.length}`}
        >
          {page.map((institution) => (
            <article key={institution?.id ?? 'any'} className="table-card" data-testid="table-card">
              <div className="table-card-assembly">
                <p>{state.title}</p>
                {line && <p data-testid="when-and-where">{line}</p>}
              </div>
              <h2 className="table-card-name">{institution?.name ?? state.title}</h2>
              {institution?.section && <p className="table-card-section">{institution.section}</p>}
              <div className="table-card-join">
                <JoinQr
                  url={
                    institution
                      ? institutionJoinUrl(publicUrl, state.code, institution.id)
                      : joinUrl(publicUrl, state.code)
                  }
                  className="table-card-qr"
                />
                <div>
                  <p className="table-card-call">Check in: scan the code with your phone</p>
                  {institution && <p>{institution.name} is already chosen for you.</p>}
                  <p className="table-card-typed">
                    No camera? Open <strong>{shortJoinUrl(publicUrl, state.code)}</strong>
                    {institution && ` and choose ${institution.name}`}.
                  </p>
                </div>
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
