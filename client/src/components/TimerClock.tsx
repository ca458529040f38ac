import type { Timer } from '../../../shared/domain/assembly';
import {
  formatClock,
  isRunning,
  nextClockChangeAt,
  remainingMs,
  timerTone,
} from '../../../shared/domain/timer';
import { useServerNow } from './useServerNow';

interface Props {
  timer: Timer;
  warningMs: number;
  className?: string;
}

/**
 * Counts down in server time; amber at the warning, red at zero, then counts overtime up.
 * It redraws only when its digits or tone change, at the server-time instant they do, so
 * screens side by side change their second together.
 */
export function TimerClock({ timer, warningMs, className = '' }: Props) {
  const now = useServerNow((at) => nextClockChangeAt(timer, warningMs, at));
  const left = remainingMs(timer, now);
  const tone = timerTone(timer, warningMs, now);
  const running = isRunning(timer);
  return (
    <div
      className={`timer tone-${tone} ${running ? 'running' : 'paused'} ${className}`}
      data-testid="timer"
      data-tone={tone}
      data-running={running}
      role="timer"
      aria-live="off"
    >
      <span className="timer-digits">{formatClock(left)}</span>
      {tone === 'overtime' && <span className="timer-label">TIME UP</span>}
      {!running && timer.accumulatedMs > 0 && tone !== 'overtime' && (
        <span className="timer-label">paused</span>
      )}
    </div>
  );
}
