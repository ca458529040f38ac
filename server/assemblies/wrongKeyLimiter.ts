/**
 * Slows down guessing: after `limit` wrong keys from one address within `windowMs`, every
 * key from it is refused until the window ends, right or wrong.
 */
export class WrongKeyLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(address: string): boolean {
    const entry = this.failures.get(address);
    if (!entry) return false;
    if (this.now() - entry.since >= this.windowMs) {
      this.failures.delete(address);
      return false;
    }
    return entry.count >= this.limit;
  }

  recordFailure(address: string): void {
    const now = this.now();
    const entry = this.failures.get(address);
    if (!entry || now - entry.since >= this.windowMs) {
      if (this.failures.size > 50_000) this.prune(now);
      this.failures.set(address, { count: 1, since: now });
    } else {
      entry.count++;
    }
  }

  private prune(now: number): void {
    for (const [address, entry] of this.failures) {
      if (now - entry.since >= this.windowMs) this.failures.delete(address);
    }
  }
}
