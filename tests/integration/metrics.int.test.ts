import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../server/app';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import { checkIn, createAssembly, importSetup, MirrorClient, tempDir } from './harness';

// /metrics in Prometheus's text format: sockets by role, commands and refusals by type and
// code, ack and journal commit times, the event loop; behind METRICS_TOKEN when it is set.

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function serve(metricsToken?: string) {
  const app = createApplication({
    store: new SqliteStore(path.join(tempDir(), 'assembly-live.sqlite')),
    logger: createLogger('silent'),
    publicUrl: 'http://phones.example',
    metricsToken,
  });
  const port = await app.listen(0, '127.0.0.1');
  closers.push(() => app.close());
  return `http://127.0.0.1:${port}`;
}

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

/** The value of one series in a scrape, or undefined. */
const seriesValue = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('/metrics', () => {
  it('counts sockets, commands, refusals, acks and journal commits, with labels from fixed sets only', async () => {
    const url = await serve();
    const created = await createAssembly(url);
    await importSetup(url, created);
    const phone = await new MirrorClient(url, { code: created.code }).ready();
    const chair = await new MirrorClient(url, { code: created.code, key: created.keys.chair }).ready();
    closers.push(
      () => phone.close(),
      () => chair.close(),
    );
    expect(await phone.command(checkIn('Amara Okafor'))).toMatchObject({ ok: true });
    expect(await chair.command({ type: 'nextItem', fromItemId: 'close' })).toMatchObject({ ok: true });
    expect(await phone.command({ type: 'nextItem', fromItemId: null })).toMatchObject({ code: 'forbidden' });
    expect(await phone.command({ type: 'made-up-<script>' })).toMatchObject({ code: 'unknown_command' });

    const { status, type, text } = await scrape(url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(seriesValue(text, 'assembly_live_sockets{role="public"}')).toBe(1);
    expect(seriesValue(text, 'assembly_live_sockets{role="chair"}')).toBe(1);
    expect(seriesValue(text, 'assembly_live_assemblies_connected')).toBe(1);
    expect(seriesValue(text, 'assembly_live_commands_total{type="checkIn",result="ok"}')).toBe(1);
    expect(seriesValue(text, 'assembly_live_commands_total{type="nextItem",result="ok"}')).toBe(1);
    expect(seriesValue(text, 'assembly_live_commands_total{type="nextItem",result="forbidden"}')).toBe(1);
    expect(seriesValue(text, 'assembly_live_commands_total{type="unknown",result="unknown_command"}')).toBe(
      1,
    );
    expect(text).not.toContain('made-up');
    expect(seriesValue(text, 'assembly_live_ack_seconds_count{type="checkIn"}')).toBe(1);
    // The check-in and the press at least: each a commit.
    expect(seriesValue(text, 'assembly_live_journal_commit_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, 'assembly_live_journal_batch_entries_sum')).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, 'assembly_live_turnout_interval_seconds')).toBe(0.3);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);

    phone.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seriesValue((await scrape(url)).text, 'assembly_live_sockets{role="public"}')).toBe(0);
  });

  it('needs METRICS_TOKEN as a Bearer token when it is set', async () => {
    const token = 'a-long-random-metrics-token';
    const url = await serve(token);
    expect((await scrape(url)).status).toBe(401);
    expect((await scrape(url, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await scrape(url, { authorization: `Bearer ${token}x` })).status).toBe(401);
    const allowed = await scrape(url, { authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('assembly_live_commands_total');
  });
});
