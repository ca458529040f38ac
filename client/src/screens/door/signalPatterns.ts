// What a check-in's outcome sounds and feels like at the door. The steward is looking at
// the person, not the phone: "in" and "stop, look" must be told apart by ear and by hand.

/** What happened to a check-in or a scan, as the steward needs to know it. */
export type ScanOutcome = 'accepted' | 'duplicate' | 'refused' | 'question';

/** The door's report tones (doorReport.ts), as outcomes. */
export type ReportTone = 'ok' | 'warn' | 'error' | 'queued' | 'ask';

export interface Note {
  hz: number;
  ms: number;
}

export interface Signal {
  wave: 'sine' | 'triangle' | 'square';
  notes: readonly Note[];
  /** Silence between notes. */
  gapMs: number;
  /** For navigator.vibrate: on, off, on... in milliseconds. */
  vibration: readonly number[];
}

export const SIGNALS: Readonly<Record<ScanOutcome, Signal>> = {
  // In (or saved to sync): one short rising chirp, one short buzz. Heard hundreds of times a night.
  accepted: {
    wave: 'sine',
    notes: [
      { hz: 880, ms: 70 },
      { hz: 1320, ms: 110 },
    ],
    gapMs: 15,
    vibration: [70],
  },
  // Already in: counted once; two level mid notes, three quick taps. Look before waving them on.
  duplicate: {
    wave: 'triangle',
    notes: [
      { hz: 660, ms: 120 },
      { hz: 660, ms: 120 },
    ],
    gapMs: 80,
    vibration: [60, 60, 60, 60, 60],
  },
  // Not a ticket, unknown, refused: a low falling buzz, two long pulses. Stop and look.
  refused: {
    wave: 'square',
    notes: [
      { hz: 330, ms: 160 },
      { hz: 196, ms: 300 },
    ],
    gapMs: 20,
    vibration: [250, 120, 250],
  },
  // "Same person?": the steward must answer on the screen before anything is counted.
  question: {
    wave: 'sine',
    notes: [
      { hz: 660, ms: 90 },
      { hz: 990, ms: 90 },
      { hz: 660, ms: 90 },
    ],
    gapMs: 40,
    vibration: [40, 80, 40, 80, 200],
  },
};

const OUTCOMES: Readonly<Record<ReportTone, ScanOutcome>> = {
  ok: 'accepted',
  queued: 'accepted',
  warn: 'duplicate',
  error: 'refused',
  ask: 'question',
};

export const outcomeOf = (tone: ReportTone): ScanOutcome => OUTCOMES[tone];

/** How long a signal sounds, start to end. */
export const signalLengthMs = (signal: Signal): number =>
  signal.notes.reduce((total, note) => total + note.ms, 0) + signal.gapMs * (signal.notes.length - 1);
