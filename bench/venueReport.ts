import type { BenchOptions } from './options';
import { type BenchResults, printRows, type TargetVerdict } from './report';
import type { VenueResult } from './venue';

// The venue phase's record and its targets (issue 13, "Venue-proof: the first visit works on
// slow wifi"), judged and printed as the rest of the bench's are.

export interface VenueBenchResults {
  date: string;
  quick: boolean;
  machine: BenchResults['machine'];
  options: BenchOptions;
  venue: VenueResult;
  targets: TargetVerdict[];
}

/** 100 KB as 100,000 bytes. */
export const JOIN_PAGE_BUDGET_BYTES = 100_000;
export const FORM_USABLE_TARGET_MS = 5_000;
export const CONFIRMATION_TARGET_MS = 3_000;
export const CHAIR_ACK_P99_TARGET_MS = 100;
/** One frame at 60 Hz. */
export const ONE_FRAME_MS = 17;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function judgeVenue(v: VenueResult): TargetVerdict[] {
  const t = v.transfer;
  const r = v.rush;
  const spread = (s: { medianMs: number; minMs: number; maxMs: number }) =>
    `median ${seconds(s.medianMs)} (${seconds(s.minMs)} to ${seconds(s.maxMs)})`;
  const fullVisits = v.firstVisit.runs >= 5;
  const errors = Object.values(r.httpErrors).reduce((a, b) => a + b, 0);
  return [
    {
      name: 'join page transfer, first visit',
      target: `<= ${kb(JOIN_PAGE_BUDGET_BYTES)}`,
      actual: `${kb(t.totalBytes)} (HTTP ${kb(t.httpBytes)}, socket ${kb(t.socketBytes)}; ${t.compressedFiles} of ${t.files.length} files compressed)`,
      pass: t.totalBytes <= JOIN_PAGE_BUDGET_BYTES,
      atTargetScale: true,
    },
    {
      name: 'slow phone: join link to a usable check-in form',
      target: `<= ${seconds(FORM_USABLE_TARGET_MS)}`,
      actual: spread(v.firstVisit.formUsable),
      pass: v.firstVisit.formUsable.medianMs <= FORM_USABLE_TARGET_MS,
      atTargetScale: fullVisits,
    },
    {
      name: 'slow phone: Check in to "You’re checked in"',
      target: `<= ${seconds(CONFIRMATION_TARGET_MS)}`,
      actual: spread(v.firstVisit.confirmation),
      pass: v.firstVisit.confirmation.medianMs <= CONFIRMATION_TARGET_MS,
      atTargetScale: fullVisits,
    },
    {
      name: `join rush: chair ack p99 (${r.chair.perSecond}/s)`,
      target: `< ${CHAIR_ACK_P99_TARGET_MS} ms`,
      actual: `${r.chair.p99Ms} ms (p50 ${r.chair.p50Ms} ms, ${r.chair.acked} of ${r.chair.sent} acked)`,
      pass: r.chair.p99Ms < CHAIR_ACK_P99_TARGET_MS && r.chair.acked === r.chair.sent,
      atTargetScale: r.phones >= 2000 && r.seconds <= 120,
    },
    {
      name: 'join rush: every phone gets the page and its socket',
      target: 'all, 0 HTTP errors',
      actual: `${r.loaded} loaded, ${r.synced} synced of ${r.phones}; ${errors} HTTP errors`,
      pass: errors === 0 && r.synced === r.phones,
      atTargetScale: r.phones >= 2000 && r.seconds <= 120,
    },
    {
      name: 'two projectors: the same timer digit changes together',
      target: `<= ${ONE_FRAME_MS} ms apart`,
      actual: `max ${v.clocks.maxMs} ms, p50 ${v.clocks.p50Ms} ms over ${v.clocks.flips} changes`,
      pass: v.clocks.flips > 0 && v.clocks.maxMs <= ONE_FRAME_MS,
      atTargetScale: v.clocks.flips >= 20,
    },
  ];
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ') || 'none';

export function printVenue(r: VenueBenchResults): void {
  const v = r.venue;
  const t = v.transfer;
  const f = v.firstVisit;
  const rush = v.rush;
  const files = [...t.files]
    .sort((a, b) => b.bytes - a.bytes)
    .map((file): [string, string] => [
      `  ${file.path}`,
      `${kb(file.bytes)} (${file.encoding ?? 'uncompressed'}, headers ${file.headerBytes} B, ${file.status})`,
    ]);
  const samples = (s: { samplesMs: number[] }) => s.samplesMs.map((ms) => seconds(ms)).join(', ');
  printRows(
    [
      [
        'machine',
        `${r.machine.cores} cores, ${r.machine.cpu}, node ${r.machine.node}, load ${r.machine.loadAverage.join(' ')}`,
      ],
      [
        'client build',
        `${v.build.builtAt}${v.build.sourcesNewer ? ' (OLDER than client/ sources: run npm run build)' : ''}`,
      ],
      [
        'join page transfer',
        `${kb(t.totalBytes)}: HTTP ${kb(t.httpBytes)} in ${t.files.length} files, socket ${kb(t.socketBytes)} (${t.socketFrames.sent} frames sent, ${t.socketFrames.received} received); usable after ${seconds(t.usableMs)} unthrottled`,
      ],
      ...files,
      [
        'service worker',
        `${t.serviceWorker.requests} fetches of its own, ${kb(t.serviceWorker.bytesByUsable)} by the form usable, ${kb(t.serviceWorker.bytes)} ${t.serviceWorker.settleMs / 1000} s later (not in the total)`,
      ],
      [
        'slow phone',
        `${f.link.roundTripMs} ms round trip, ${f.link.bitsPerSecond / 1000} kbit/s each way, CPU ${f.link.cpuSlowdown}x slower; ${f.runs} fresh visits`,
      ],
      ['slow phone: form usable', samples(f.formUsable)],
      ['slow phone: confirmed', samples(f.confirmation)],
      [
        'join rush',
        `${rush.phones} phones in ${rush.seconds} s, ${rush.files} files each (${rush.kibPerPhone} KiB as sent, ${rush.compressedResponses} of ${rush.requests} responses compressed)`,
      ],
      [
        'join rush HTTP',
        `each request p50 ${rush.http.p50Ms} / p99 ${rush.http.p99Ms} / max ${rush.http.maxMs} ms; whole page p50 ${rush.page.p50Ms} / p99 ${rush.page.p99Ms} ms; errors: ${counts(rush.httpErrors)}`,
      ],
      [
        'join rush socket',
        `${rush.synced} synced, p50 ${rush.sync.p50Ms} / p99 ${rush.sync.p99Ms} ms after the page`,
      ],
      [
        'join rush check-ins',
        `${rush.checkIns.acked} acked of ${rush.checkIns.sent} (ack p50 ${rush.checkInAck.p50Ms} / p99 ${rush.checkInAck.p99Ms} ms), ${rush.checkIns.lost} lost, refused: ${counts(rush.checkIns.refusals)}, ${rush.checkIns.retries} resent`,
      ],
      [
        'join rush chair',
        `ack p50 ${rush.chair.p50Ms} / p99 ${rush.chair.p99Ms} / max ${rush.chair.maxMs} ms, ${rush.chair.acked} of ${rush.chair.sent}`,
      ],
      [
        'join rush server loop',
        `p99 ${rush.loop.p99Ms} / max ${rush.loop.maxMs} ms, CPU ${Math.round((100 * rush.loop.cpuMs) / rush.loop.elapsedMs)}%; generators at most ${rush.generatorLateMsMax} ms behind schedule`,
      ],
      [
        'projector clocks',
        `${v.clocks.flips} changes (projector B opened ${v.clocks.openings} times): p50 ${v.clocks.p50Ms} / p95 ${v.clocks.p95Ms} / max ${v.clocks.maxMs} ms apart`,
      ],
    ],
    r.targets,
  );
}
