import type { CDPSession, Page, WebSocketRoute } from 'playwright-core';

// A phone on a venue's crowded wifi, as issue 13 states it: 400 ms round trip, 400 kbit/s
// each way, a CPU four times slower than this machine's. Chromium's own emulation (CDP)
// slows the page's HTTP and its CPU, but not its WebSocket frames, so the socket is
// proxied here (page.routeWebSocket) and each frame held as such a link would hold it.
// The bench's venue phase uses it; a Playwright test may import it as well.

export interface PhoneLink {
  /** Round trip, ms: half of it each way. */
  roundTripMs: number;
  /** Bits per second, each way. */
  bitsPerSecond: number;
  /** How many times slower the CPU is than this machine's (Emulation.setCPUThrottlingRate). */
  cpuSlowdown: number;
}

export const SLOW_PHONE: PhoneLink = { roundTripMs: 400, bitsPerSecond: 400_000, cpuSlowdown: 4 };

/**
 * One direction of the link: a frame waits for the frames before it to be sent (the link
 * carries one at a time at `bitsPerSecond`), then takes half the round trip to arrive. So
 * frames arrive in the order sent, each no sooner than its size allows.
 */
export class OneWay {
  private freeAt = 0;

  constructor(
    private readonly link: PhoneLink,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** When a frame of `bytes` handed to the link now arrives at the other end (ms, `now`'s clock). */
  arrivalOf(bytes: number): number {
    const start = Math.max(this.now(), this.freeAt);
    this.freeAt = start + (bytes * 8 * 1000) / this.link.bitsPerSecond;
    return this.freeAt + this.link.roundTripMs / 2;
  }

  /** Delivers `deliver` when a frame of `bytes` sent now would arrive. */
  carry(bytes: number, deliver: () => void): void {
    setTimeout(deliver, Math.max(0, this.arrivalOf(bytes) - this.now()));
  }
}

const frameBytes = (message: string | Buffer) =>
  typeof message === 'string' ? Buffer.byteLength(message) : message.length;

/** Frames carried each way on a routed socket, for the record. */
export interface SocketCarried {
  sockets: number;
  framesToServer: number;
  framesToPage: number;
  bytesToServer: number;
  bytesToPage: number;
}

/**
 * Slows one page down to `link`: its HTTP through CDP's network emulation, its CPU through
 * CDP's throttling, its WebSockets through a proxy that holds each frame (and the opening
 * handshake, one round trip) as the link would. Call before the page navigates.
 */
export async function slowDown(
  page: Page,
  link: PhoneLink = SLOW_PHONE,
): Promise<{ cdp: CDPSession; carried: SocketCarried }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.roundTripMs,
    downloadThroughput: link.bitsPerSecond / 8,
    uploadThroughput: link.bitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: link.cpuSlowdown });
  const carried: SocketCarried = {
    sockets: 0,
    framesToServer: 0,
    framesToPage: 0,
    bytesToServer: 0,
    bytesToPage: 0,
  };
  await page.routeWebSocket(/.*/, (ws) => throttleSocket(ws, link, carried));
  return { cdp, carried };
}

async function throttleSocket(ws: WebSocketRoute, link: PhoneLink, carried: SocketCarried) {
  carried.sockets++;
  // The upgrade request and its answer: one round trip before the socket opens (CDP adds the
  // same to each HTTP request).
  await new Promise((resolve) => setTimeout(resolve, link.roundTripMs));
  const server = ws.connectToServer();
  const up = new OneWay(link);
  const down = new OneWay(link);
  ws.onMessage((message) => {
    const bytes = frameBytes(message);
    carried.framesToServer++;
    carried.bytesToServer += bytes;
    up.carry(bytes, () => server.send(message));
  });
  server.onMessage((message) => {
    const bytes = frameBytes(message);
    carried.framesToPage++;
    carried.bytesToPage += bytes;
    down.carry(bytes, () => ws.send(message));
  });
}
