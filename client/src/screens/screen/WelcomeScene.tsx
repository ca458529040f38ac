import type { AssemblyState } from '../../../../shared/domain/assembly';
import { namedTotal } from '../../../../shared/domain/turnout';
import { fitted } from '../../components/fitted';
import { JoinQr, joinUrl } from '../../components/JoinQr';
import { useServerNow } from '../../components/useServerNow';
import { formatCount, formatTimeOfDay } from '../../format';
import { JoinLink } from './JoinScene';
import { welcomeTitleType } from './stageFit';
import { countdownText, nextCountdownChangeAt } from './startCountdown';
import './welcome.css';

/**
 * Before the first item: the countdown to the planned start, the number checked in so far
 * and a QR to scan from the middle of the hall (55% of the stage's height). After the
 * close: thanks and the night's turnout, and no more invitation to check in.
 */
export function WelcomeScene({
  state,
  code,
  publicUrl,
}: {
  state: AssemblyState;
  code: string;
  publicUrl: string;
}) {
  const closed = state.status === 'closed';
  const checkedIn = namedTotal(state.turnout);
  return (
    <div className={`scene scene-welcome ${closed ? 'closed' : ''}`} data-testid="scene-welcome">
      <div className="welcome-text">
        <p className="kind">{closed ? 'Thank you' : 'Welcome'}</p>
        <h1 className="title fitted" style={fitted((width) => welcomeTitleType(state.title, width))}>
          {state.title}
        </h1>
        {state.venue && <p className="welcome-venue">{state.venue}</p>}
        {!closed && state.startsAt !== null && <StartCountdown startsAt={state.startsAt} />}
        <p className="welcome-turnout">
          <strong data-testid="welcome-turnout">{formatCount(checkedIn)}</strong>{' '}
          {closed ? 'checked in tonight' : 'checked in so far'}
        </p>
      </div>
      {!closed && (
        <div className="welcome-join">
          <JoinQr url={joinUrl(publicUrl, code)} className="qr-welcome" />
          <p>
            Scan to check in, or go to{' '}
            <strong>
              <JoinLink publicUrl={publicUrl} code={code} />
            </strong>
          </p>
        </div>
      )}
    </div>
  );
}

function StartCountdown({ startsAt }: { startsAt: number }) {
  // Redrawn once a second, on the server's second, like the timers.
  const now = useServerNow((at) => nextCountdownChangeAt(startsAt, at));
  return (
    <div className="welcome-starts">
      <p className="welcome-label">Starting at {formatTimeOfDay(startsAt)}</p>
      <p className="welcome-countdown" data-testid="start-countdown" role="timer" aria-live="off">
        {countdownText(startsAt, now)}
      </p>
    </div>
  );
}
