import type { AssemblyState } from '../../../../shared/domain/assembly';
import { JoinQr, joinUrl, shortJoinUrl } from '../../components/JoinQr';

const PER_PAGE = 2;

/** A card per institution (two to an A4 page, cut in half): its name for the table, and the join QR. */
export function TableCards({ state, publicUrl }: { state: AssemblyState; publicUrl: string }) {
  const cards = state.institutions.length > 0 ? state.institutions : [null];
  const pages: (typeof cards)[] = [];
  for (let i = 0; i < cards.length; i += PER_PAGE) pages.push(cards.slice(i, i + PER_PAGE));
  const url = joinUrl(publicUrl, state.code);
  return (
    <>
      {state.institutions.length === 0 && (
        <p className="no-print notice">No institutions yet: this is a card for any table.</p>
      )}
      {pages.map((page) => (
        <section
          key={page.map((c) => c?.id ?? 'any').join()}
          className="print-page table-cards"
          aria-label="Table cards"
        >
          {page.map((institution) => (
            <article key={institution?.id ?? 'any'} className="table-card" data-testid="table-card">
              <h2 className="table-card-name">{institution?.name ?? state.title}</h2>
              {institution?.section && <p className="table-card-section">{institution.section}</p>}
              <div className="table-card-join">
                <JoinQr url={url} className="table-card-qr" />
                <div>
                  <p className="table-card-call">Check in: scan the code with your phone</p>
                  <p>
                    or open <strong>{shortJoinUrl(publicUrl, state.code)}</strong>
                  </p>
                  {institution && <p>and choose {institution.name}.</p>}
                </div>
              </div>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
