// Who is asked what: the power-holders, the asks put to them, and the clocks they answer on.

export interface PowerHolder {
  id: string;
  name: string;
  role: string;
  organisation: string;
  attending: boolean;
}

export interface Commitment {
  action: string;
  deadline: string;
  owner: string;
  measure: string;
}

export interface Ask {
  id: string;
  title: string;
  wording: string;
  targetIds: string[];
  commitment: Commitment;
}

/** Timers are state, not ticks: everyone computes the remaining time from server time. */
export interface Timer {
  durationMs: number;
  startedAt: number | null;
  accumulatedMs: number;
}
