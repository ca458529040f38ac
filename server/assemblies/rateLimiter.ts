/**
 * Counts events per address in a fixed window: once `limit` is reached, the address is
 * blocked until its window ends.
 */
export class RateLimiter {
  private readonly counts = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(address: string): boolean {
    const entry = this.counts.get(address);
    if (!entry) return false;
    if (this.now() - entry.since >= this.windowMs) {
      this.counts.delete(address);
      return false;
    }
    return entry.count >= this.limit;
  }

  record(address: string): void {
    const now = this.now();
    const entry = this.counts.get(address);
    if (!entry || now - entry.since >= this.windowMs) {
      if (this.counts.size > 50_000) this.prune(now);
      this.counts.set(address, { count: 1, since: now });
    } else {
      entry.count++;
    }
  }

  private prune(now: number): void {
    for (const [address, entry] of this.counts) {
      if (now - entry.since >= this.windowMs) this.counts.delete(address);
    }
  }
}
