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
