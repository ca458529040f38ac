import type { Browser } from 'playwright-core';
import { untilFormUsable } from './joinPage';
import { round } from './stats';

// What a phone downloads on its first visit to the join link, counted by Chromium itself
// (CDP's Network domain): every response's bytes on the wire (Network.loadingFinished's
// encodedDataLength: headers and the body as sent, compressed or not) and every WebSocket
// frame's payload, from the navigation until the check-in form is usable (which needs the
// assembly's first state). Fresh browser context: nothing cached, no service worker yet.

export interface FileTransfer {
  path: string;
  status: number;
  mimeType: string;
  /** The response's Content-Encoding (br, gzip), or null when it came uncompressed. */
  encoding: string | null;
  /** On the wire: response headers and body. */
  bytes: number;
  /** Of which the response headers (from the raw headers text, when Chromium gives it). */
  headerBytes: number;
}

export interface JoinTransfer {
  totalBytes: number;
  /** Every HTTP response (the page, its scripts and styles, any API call). */
  httpBytes: number;
  /** WebSocket frames' payloads both ways, plus any Socket.IO long-polling responses. */
  socketBytes: number;
  socketFrames: { sent: number; received: number };
  files: FileTransfer[];
  /** Files (not the socket) that came with a Content-Encoding. */
  compressedFiles: number;
  uncompressedFiles: number;
  /** The page's own clock: navigation start to the form usable, unthrottled. */
  usableMs: number;
  /** Same-origin GETs the page made, in order: the join rush fetches these. */
  staticPaths: string[];
  /**
   * What the service worker fetched for itself (its script, any precache), which the page's
   * CDP session does not see: by the time the form was usable, and SETTLE_MS later. Not in
   * the totals above, but on a slow link it shares the phone's bandwidth with them.
   */
  serviceWorker: { requests: number; bytesByUsable: number; bytes: number; settleMs: number };
}

/** How long after the form is usable the service worker's own fetches are still counted. */
const SETTLE_MS = 3_000;

interface Pending {
  /** In the order the page asked for them. */
  order: number;
  url: string;
  method: string;
  status?: number;
  mimeType?: string;
  encoding?: string | null;
  /** Without the raw text: the headers as parsed, each as `name: value` and CRLF. */
  parsedHeaderBytes?: number;
}

const headerOf = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

const isSocketIo = (url: URL) => url.pathname.startsWith('/socket.io/');

export async function measureJoinTransfer(
  browser: Browser,
  base: string,
  code: string,
): Promise<JoinTransfer> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const pending = new Map<string, Pending>();
    // The raw headers come in their own event, before or after the response's.
    const rawHeaderBytes = new Map<string, number>();
    const finished: (Pending & { id: string; bytes: number })[] = [];
    const frames = { sent: 0, received: 0, bytes: 0 };
    cdp.on('Network.requestWillBeSent', (e) =>
      pending.set(e.requestId, { order: pending.size, url: e.request.url, method: e.request.method }),
    );
    cdp.on('Network.responseReceived', (e) => {
      const p = pending.get(e.requestId);
      if (!p) return;
      p.status = e.response.status;
      p.mimeType = e.response.mimeType;
      p.encoding = headerOf(e.response.headers, 'content-encoding');
      p.parsedHeaderBytes = Object.entries(e.response.headers).reduce(
        (n, [name, value]) => n + Buffer.byteLength(`${name}: ${value}\r\n`),
        Buffer.byteLength(`HTTP/1.1 ${e.response.status} ${e.response.statusText}\r\n\r\n`),
      );
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      if (e.headersText) rawHeaderBytes.set(e.requestId, Buffer.byteLength(e.headersText));
    });
    cdp.on('Network.loadingFinished', (e) => {
      const p = pending.get(e.requestId);
      if (p) finished.push({ ...p, id: e.requestId, bytes: e.encodedDataLength });
    });
    const frameBytes = (opcode: number, payload: string) =>
      opcode === 1 ? Buffer.byteLength(payload) : Buffer.from(payload, 'base64').length;
    cdp.on('Network.webSocketFrameSent', (e) => {
      frames.sent++;
      frames.bytes += frameBytes(e.response.opcode, e.response.payloadData);
    });
    cdp.on('Network.webSocketFrameReceived', (e) => {
      frames.received++;
      frames.bytes += frameBytes(e.response.opcode, e.response.payloadData);
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const worker = { requests: 0, bytes: 0 };
    context.on('requestfinished', (request) => {
      if (!request.serviceWorker() && !request.url().endsWith('/sw.js')) return;
      void request.sizes().then((sizes) => {
        worker.requests++;
        worker.bytes += sizes.responseHeadersSize + sizes.responseBodySize;
      });
    });

    await page.goto(`${base}/j/${code}`, { waitUntil: 'commit' });
    const usableMs = await untilFormUsable(page);
    // What had arrived by then; anything later (clock pings, a service worker) is not the first visit's.
    const done = [...finished].sort((a, b) => a.order - b.order);
    const socketFrames = { sent: frames.sent, received: frames.received };
    const socketFrameBytes = frames.bytes;
    const workerBytesByUsable = worker.bytes;
    await cdp.detach();
    await page.waitForTimeout(SETTLE_MS);

    const files: FileTransfer[] = [];
    let pollingBytes = 0;
    const staticPaths: string[] = [];
    for (const f of done) {
      const url = new URL(f.url);
      if (url.protocol === 'data:') continue;
      if (isSocketIo(url)) {
        pollingBytes += f.bytes;
        continue;
      }
      if (f.method === 'GET' && url.origin === new URL(base).origin)
        staticPaths.push(url.pathname + url.search);
      files.push({
        path: url.origin === new URL(base).origin ? url.pathname + url.search : f.url,
        status: f.status ?? 0,
        mimeType: f.mimeType ?? '',
        encoding: f.encoding ?? null,
        bytes: f.bytes,
        headerBytes: rawHeaderBytes.get(f.id) ?? f.parsedHeaderBytes ?? 0,
      });
    }
    const httpBytes = files.reduce((n, f) => n + f.bytes, 0);
    const socketBytes = socketFrameBytes + pollingBytes;
    return {
      totalBytes: httpBytes + socketBytes,
      httpBytes,
      socketBytes,
      socketFrames,
      files,
      compressedFiles: files.filter((f) => f.encoding !== null).length,
      uncompressedFiles: files.filter((f) => f.encoding === null).length,
      usableMs: round(usableMs, 1),
      staticPaths,
      serviceWorker: {
        requests: worker.requests,
        bytesByUsable: workerBytesByUsable,
        bytes: worker.bytes,
        settleMs: SETTLE_MS,
      },
    };
  } finally {
    await context.close();
  }
}
