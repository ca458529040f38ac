import fs from 'node:fs';
import path from 'node:path';
import { perTag, type Receipts, TAGS, type Tag } from './generatorProtocol';
import type { Generator } from './processes';
import { round, wallNow } from './stats';

// The phases the bench runs against any server: its assembly, its phones, timed fan-out
// rounds. Shared by the single-node run (run.ts) and the several-node one (nodes.ts).

const ROOT = path.resolve(import.meta.dirname, '..');
const DEMO_SETUP = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/demo-assembly.json'), 'utf8'));
export const WARM_UP_ROUNDS = 3;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Splits n as evenly as possible over k. */
export const shares = (n: number, k: number) => Array.from({ length: k }, (_, i) => Math.floor((n + i) / k));

async function api(url: string, body: unknown, key?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** An assembly set up as the demo one, with its first item current so the chair can time it. */
export async function createBenchAssembly(base: string) {
  const now = Date.now();
  const created = (await api(`${base}/api/assemblies`, {
    title: 'Benchmark Assembly',
    venue: 'The bench',
    startsAt: now,
    endsAt: now + 75 * 60_000,
  })) as { code: string; links: Record<string, string> };
  const keyOf = (link: string | undefined) => new URL(link!).hash.replace('#key=', '');
  const keys = {
    admin: keyOf(created.links.admin),
    chair: keyOf(created.links.chair),
    door: keyOf(created.links.door),
  };
  await api(`${base}/api/assemblies/${created.code}/import`, DEMO_SETUP, keys.admin);
  await staffCommand(base, created.code, keys.chair, { type: 'nextItem', fromItemId: null });
  return { code: created.code, keys };
}

/** One command over HTTP with a staff key (the chair's, the door's), as the API takes it. */
export const staffCommand = (base: string, code: string, key: string, command: object) =>
  api(`${base}/api/assemblies/${code}/commands`, command, key);

export async function untilAll(
  gens: Generator[],
  count: (g: Generator) => Promise<number>,
  total: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(gens.map(count));
    const sum = counts.reduce((a, b) => a + b, 0);
    if (sum >= total) return true;
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
}

export interface FanOut {
  lastByRound: number[];
  /** Each timed round: when the chair sent it and when its last phone had it (ms after). */
  rounds: { sentAt: number; lastMs: number }[];
  perClient: number[];
  chairAckMs: number[];
  payloadBytes: number;
}

/**
 * Rounds of one chair action on each server, interleaved (project, bare, bare, project, ...)
 * so that whatever else this shared machine is doing weighs on both alike. Per round: when
 * the chair sent it, when its ack came, and when each phone got the update.
 */
export async function fanOut(
  gens: Generator[],
  tags: Tag[],
  clients: number,
  rounds: number,
  warmUp: number,
) {
  const chairGen = gens[0]!;
  const sent = new Map<string, { tag: Tag; sentAt: number }>();
  const chairAckMs: Record<Tag, number[]> = perTag(() => []);
  const press = async (tag: Tag, round: number, timed: boolean) => {
    const { sentAt, seq, ackMs } = await chairGen.ask<{ sentAt: number; seq: number; ackMs: number }>({
      op: 'chairPress',
      tag,
      round,
    });
    const all = await untilAll(
      gens,
      (g) => g.ask<number>({ op: 'receivedCount', tag, seq }),
      clients,
      30_000,
    );
    if (!all) throw new Error(`${tag} round ${round}: not every phone got the update`);
    if (timed) {
      sent.set(`${tag}:${seq}`, { tag, sentAt });
      chairAckMs[tag].push(ackMs);
    }
    await sleep(50);
  };
  await Promise.all(gens.map((g) => g.ask({ op: 'recordReceipts' })));
  for (let r = 1; r <= warmUp + rounds; r++) {
    const order = r % 2 === 0 ? tags : [...tags].reverse();
    for (const tag of order) await press(tag, r, r > warmUp);
  }
  const receipts = await Promise.all(gens.map((g) => g.ask<Receipts>({ op: 'receipts' })));
  const results: Record<Tag, FanOut> = perTag(() => ({
    lastByRound: [],
    rounds: [],
    perClient: [],
    chairAckMs: [],
    payloadBytes: 0,
  }));
  for (const tag of TAGS) results[tag].chairAckMs = chairAckMs[tag];
  const byKey = new Map<string, number[]>();
  for (const receipt of receipts) {
    for (const [key, times] of receipt.byKey) byKey.set(key, [...(byKey.get(key) ?? []), ...times]);
    for (const tag of tags) results[tag].payloadBytes ||= receipt.payloadBytes[tag];
  }
  for (const [key, { tag, sentAt }] of sent) {
    let last = 0;
    for (const at of byKey.get(key) ?? []) {
      results[tag].perClient.push(at - sentAt);
      last = Math.max(last, at - sentAt);
    }
    results[tag].lastByRound.push(last);
    results[tag].rounds.push({ sentAt, lastMs: last });
  }
  return results;
}

export async function connectPhones(
  gens: Generator[],
  url: string,
  code: string,
  bare: boolean,
  clients: number,
  tag?: Tag,
) {
  const counts = shares(clients, gens.length);
  const started = wallNow();
  await Promise.all(
    gens.map((g, i) => g.ask({ op: 'connectPhones', url, code, bare, tag, count: counts[i]! })),
  );
  log(`${clients} clients connected in ${round((wallNow() - started) / 1000, 1)} s`);
}
