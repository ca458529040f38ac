export interface ClockSample {
  offsetMs: number;
  roundTripMs: number;
}

/** One ping: the server's time is taken to be halfway through the round trip. */
export function sampleFrom(sentAt: number, serverNow: number, receivedAt: number): ClockSample {
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + roundTripMs / 2), roundTripMs };
}

/** The sample with the smallest round trip has the least doubt about when the server spoke. */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const sample of samples) if (!best || sample.roundTripMs < best.roundTripMs) best = sample;
  return best;
}

/** Whole-millisecond clocks (ours twice, the server's once) blur each sample a little more. */
const ROUNDING_MS = 2;
/** Enough to span three rounds of pings. */
const KEEP = 10;

/**
 * Adds a sample to the recent ones. The true offset lies within half a round trip of each
 * sample's, so an older sample that no interval of the new one's can reconcile was taken
 * before a clock moved (the device's corrected after sleep, say, or drifting): it goes,
 * or its small round trip would keep the stale offset chosen for minutes.
 */
export function withSample(samples: readonly ClockSample[], sample: ClockSample): ClockSample[] {
  const agrees = (old: ClockSample) =>
    Math.abs(old.offsetMs - sample.offsetMs) <= (old.roundTripMs + sample.roundTripMs) / 2 + ROUNDING_MS;
  return [...samples.filter(agrees), sample].slice(-KEEP);
}
