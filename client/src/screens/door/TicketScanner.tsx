import { type FormEvent, useEffect, useRef, useState } from 'react';
import { emptyRegister, lookup } from '../../../../shared/domain/register';
import { ticketFromScan } from '../../../../shared/domain/tickets';
import type { CheckIn } from '../../../../shared/domain/turnout';
import { useAssembly } from '../../connection/assemblyStore';
import { newUuid } from '../../connection/deviceId';
import { checkInAtDoor, report, reportOutcome } from './doorReport';
import { createQrDetector } from './qrDetector';

/** The same ticket held in front of the camera is read many times a second: act once. */
const SAME_TICKET_MS = 5_000;
const SCAN_EVERY_MS = 200;

async function nameOf(checkInId: string): Promise<string | null> {
  for (let i = 0; i < 20; i++) {
    const found = lookup(
      useAssembly.getState().state?.attendance.checkIns ?? emptyRegister<CheckIn>(),
      checkInId,
    );
    if (found) return found.name;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/** Scans tickets with the camera, or takes them from a handheld scanner or the keyboard. */
export function TicketScanner({ device, active }: { device: string; active: boolean }) {
  const [scanning, setScanning] = useState(false);
  // Another mode chosen: the camera stops (the battery has a whole night to last).
  useEffect(() => {
    if (!active) setScanning(false);
  }, [active]);
  const [problem, setProblem] = useState('');
  const [typed, setTyped] = useState('');
  const videoRef = useRef<HTMLVideoElement>(null);
  const last = useRef({ text: '', at: 0 });
  const cameraPossible = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  async function admitTicket(scanned: string) {
    const now = Date.now();
    if (scanned === last.current.text && now - last.current.at < SAME_TICKET_MS) return;
    last.current = { text: scanned, at: now };
    const ticket = ticketFromScan(scanned);
    if (!ticket) {
      reportOutcome({ tone: 'error', text: 'That is not a ticket for this assembly.' });
      return;
    }
    const checkInId = newUuid();
    const ok = await checkInAtDoor({ type: 'scanTicket', checkInId, ticket, device }, 'Ticket');
    if (!ok) return;
    const name = await nameOf(checkInId);
    if (name && useAssembly.getState().state)
      report({ tone: 'ok', text: `${name} is checked in.`, checkInId });
  }

  // The camera loop outlives renders: it calls the newest admitTicket (the door may be renamed).
  const admitRef = useRef(admitTicket);
  admitRef.current = admitTicket;

  useEffect(() => {
    if (!scanning) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped) return;
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        const detector = await createQrDetector();
        const tick = async () => {
          if (stopped) return;
          try {
            if (video.readyState >= 2) {
              for (const code of await detector.detect(video)) await admitRef.current(code.rawValue);
            }
          } catch {
            // A frame that cannot be read: try the next.
          }
          timer = setTimeout(tick, SCAN_EVERY_MS);
        };
        void tick();
      } catch (error) {
        const denied = (error as Error).name === 'NotAllowedError';
        setProblem(
          denied
            ? 'The camera was not allowed. Allow it in the browser, or type the ticket code above.'
            : 'No camera could be started here. Type the ticket code above, or use a handheld scanner.',
        );
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning]);

  function submitTyped(event: FormEvent) {
    event.preventDefault();
    if (!typed.trim()) return;
    last.current = { text: '', at: 0 };
    void admitTicket(typed.trim());
    setTyped('');
  }

  return (
    <section className="door-card" aria-labelledby="scan-h">
      <h2 id="scan-h">Scan tickets</h2>
      <form onSubmit={submitTyped} className="door-row">
        <div className="field">
          <label htmlFor="ticket-code">Ticket code or link</label>
          <input
            id="ticket-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit">Check ticket</button>
      </form>
      {cameraPossible ? (
        <button
          type="button"
          className="scanner-toggle"
          onClick={() => setScanning((on) => !on)}
          aria-pressed={scanning}
        >
          {scanning ? 'Stop the camera' : 'Scan with the camera'}
        </button>
      ) : (
        <p className="hint">
          The camera needs a secure (https) link. Type ticket codes above, or plug in a handheld scanner.
        </p>
      )}
      {scanning && (
        <video ref={videoRef} className="scanner-video" muted playsInline aria-label="Camera view" />
      )}
      {problem && <p className="field-error">{problem}</p>}
    </section>
  );
}
