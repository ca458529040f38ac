import { create } from 'zustand';
import { storedText, storeText } from '../../connection/deviceStorage';
import { type ScanOutcome, SIGNALS } from './signalPatterns';

// The door's outcome as a tone (Web Audio, made here: no sound file to download) and a
// vibration. Only the door's code imports this: the join page's budget stays for check-in.

const KEY = 'assembly-live:door-signal';
const LOUDNESS = 0.3;
const EDGE_S = 0.008;

/** Sound and vibration on or off, kept on the device (a quiet moment, a steward's own phone). */
export const useDoorSignal = create<{ on: boolean }>(() => ({ on: storedText(KEY) !== 'off' }));

export function setDoorSignal(on: boolean): void {
  useDoorSignal.setState({ on });
  storeText(KEY, on ? 'on' : 'off');
}

type AudioContextClass = typeof AudioContext;
let audio: AudioContext | null = null;

/**
 * Browsers only let a page make sound after a tap on it: the first tap on the door page
 * makes the audio context, so a ticket the camera reads later is heard.
 */
export function primeDoorSignal(): void {
  if (!useDoorSignal.getState().on) return;
  try {
    if (!audio) {
      const Context: AudioContextClass | undefined =
        window.AudioContext ??
        (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
      if (!Context) return;
      audio = new Context();
    }
    if (audio.state === 'suspended') void audio.resume().catch(() => {});
  } catch {
    // No sound on this device: the vibration and the screen still say it.
  }
}

function sound(outcome: ScanOutcome): void {
  primeDoorSignal();
  if (!audio) return;
  const { wave, notes, gapMs } = SIGNALS[outcome];
  let at = audio.currentTime + 0.01;
  for (const { hz, ms } of notes) {
    const end = at + ms / 1000;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = wave;
    oscillator.frequency.setValueAtTime(hz, at);
    // A short ramp in and out: a hard edge clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(LOUDNESS, at + EDGE_S);
    gain.gain.setValueAtTime(LOUDNESS, end - EDGE_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(end);
    at = end + gapMs / 1000;
  }
}

/** Says a check-in's outcome by ear and by hand, unless switched off on this device. */
export function signalOutcome(outcome: ScanOutcome): void {
  if (!useDoorSignal.getState().on) return;
  try {
    navigator.vibrate?.([...SIGNALS[outcome].vibration]);
  } catch {
    // Vibration refused (no tap yet, or none on this device): the tone and the screen remain.
  }
  try {
    sound(outcome);
  } catch {
    // As above.
  }
}
