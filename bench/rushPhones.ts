import http from 'node:http';
import type { Socket } from 'socket.io-client';
import type { DoorResult, RushResult, RushRun, Target } from './generatorProtocol';
import { wallNow } from './stats';

// One load generator's share of the join rush (venue phase): each phone, at its moment,
// fetches the join page's files over HTTP as a browser would (the page, then the scripts and
// styles, six connections at most, asking for br or gzip), then opens its socket and syncs
// as the page does, and some check their person in. The phones stay connected afterwards,
// following the assembly, as on the night.

export interface RushPhone {
  readonly ready: boolean;
  readonly socket: Socket;
  close(): void;
}

export interface RushDeps {
  newPhone(target: Target): RushPhone;
  /** A check-in as the phone's outbox sends it (resent while refused for now). */
  checkIn(socket: Socket, command: unknown, result: DoorResult): Promise<boolean>;
  checkInFor(label: string, n: number, device: string): unknown;
  emptyResult(): DoorResult;
}

const REQUEST_TIMEOUT_MS = 30_000;
const SYNC_TIMEOUT_MS = 30_000;
/** A browser's connections to one host (HTTP/1.1). */
const CONNECTIONS_PER_PHONE = 6;

interface Fetched {
  status: number;
  bytes: number;
  compressed: boolean;
}

function fetchFile(agent: http.Agent, url: string, html: boolean): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      {
        agent,
        headers: {
          accept: html ? 'text/html,application/xhtml+xml,*/*;q=0.8' : '*/*',
          'accept-encoding': 'br, gzip',
          'user-agent': 'assembly-live-bench (join rush)',
        },
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            bytes,
            compressed: response.headers['content-encoding'] !== undefined,
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - wallNow())));

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = wallNow() + timeoutMs;
  while (!check()) {
    if (wallNow() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

export async function joinRush(run: RushRun, deps: RushDeps): Promise<RushResult> {
  const result: RushResult = {
    phones: 0,
    loaded: 0,
    synced: 0,
    requests: 0,
    httpErrors: {},
    requestMs: [],
    pageMs: [],
    bodyBytes: 0,
    compressed: 0,
    syncMs: [],
    checkIns: deps.emptyResult(),
    lateMsMax: 0,
  };
  const phones: RushPhone[] = [];
  const failed = (why: string) => {
    result.httpErrors[why] = (result.httpErrors[why] ?? 0) + 1;
  };

  const timedFetch = async (agent: http.Agent, path: string, html: boolean): Promise<boolean> => {
    const started = wallNow();
    result.requests++;
    try {
      const fetched = await fetchFile(agent, new URL(path, run.url).href, html);
      result.requestMs.push(wallNow() - started);
      result.bodyBytes += fetched.bytes;
      if (fetched.compressed) result.compressed++;
      if (fetched.status === 200) return true;
      failed(String(fetched.status));
    } catch (error) {
      failed(error instanceof Error ? error.message : String(error));
    }
    return false;
  };

  const onePhone = async (n: number) => {
    const dueAt = run.startAt + (run.durationMs * n) / run.total;
    await sleepUntil(dueAt);
    result.lateMsMax = Math.max(result.lateMsMax, wallNow() - dueAt);
    result.phones++;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_PHONE });
    const started = wallNow();
    let ok = false;
    try {
      const [page, ...rest] = run.paths;
      ok = page !== undefined && (await timedFetch(agent, page, true));
      if (ok) ok = (await Promise.all(rest.map((path) => timedFetch(agent, path, false)))).every(Boolean);
    } finally {
      agent.destroy();
    }
    if (!ok) return;
    result.loaded++;
    result.pageMs.push(wallNow() - started);
    const loadedAt = wallNow();
    const phone = deps.newPhone({ url: run.url, code: run.code, bare: false });
    phones.push(phone);
    if (!(await until(() => phone.ready, SYNC_TIMEOUT_MS))) return;
    result.synced++;
    result.syncMs.push(wallNow() - loadedAt);
    if (run.checkInEvery > 0 && n % run.checkInEvery === 0)
      await deps.checkIn(phone.socket, deps.checkInFor('Rush', n, ''), result.checkIns);
  };

  const mine: number[] = [];
  for (let n = run.index; n < run.total; n += run.of) mine.push(n);
  await Promise.all(mine.map(onePhone));
  await sleepUntil(run.holdUntil);
  for (const phone of phones) phone.close();
  return result;
}
