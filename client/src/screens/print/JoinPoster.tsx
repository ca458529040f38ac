import type { AssemblyState } from '../../../../shared/domain/assembly';
import { JoinQr } from '../../components/JoinQr';
import { joinUrl, shortBase, shortJoinUrl } from '../../links/joinLinks';
import type { WhenAndWhere } from '../../whenAndWhere';
import { WhenAndWhereLines } from './WhenAndWhereLines';

/** One A4 page for the doors and walls: when and where, and scan to check in. */
export function JoinPoster({
  state,
  publicUrl,
  when,
}: {
  state: AssemblyState;
  publicUrl: string;
  when: WhenAndWhere;
}) {
  return (
    <section className="print-page poster" aria-label="Join poster">
      <p className="poster-title">{state.title}</p>
      <WhenAndWhereLines when={when} className="poster-when" />
      <h2 className="poster-call">Check in on your phone</h2>
      <JoinQr url={joinUrl(publicUrl, state.code)} className="poster-qr" />
      <p className="poster-url">{shortJoinUrl(publicUrl, state.code)}</p>
      <p className="poster-code">
        or go to {shortBase(publicUrl)} and enter the code <strong>{state.code}</strong>
      </p>
    </section>
  );
}
