import type { AssemblyState } from '../../../../shared/domain/assembly';
import { JoinQr, joinUrl, shortJoinUrl } from '../../components/JoinQr';

/** One A4 page for the doors and walls: scan to check in. */
export function JoinPoster({ state, publicUrl }: { state: AssemblyState; publicUrl: string }) {
  return (
    <section className="print-page poster" aria-label="Join poster">
      <p className="poster-title">{state.title}</p>
      <h2 className="poster-call">Check in on your phone</h2>
      <JoinQr url={joinUrl(publicUrl, state.code)} className="poster-qr" />
      <p className="poster-url">{shortJoinUrl(publicUrl, state.code)}</p>
      <p className="poster-code">
        or go to {publicUrl.replace(/^https?:\/\//, '')} and enter the code <strong>{state.code}</strong>
      </p>
    </section>
  );
}
