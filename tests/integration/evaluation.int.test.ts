import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoNight, nightClock, playDemoNight } from '../../server/demoNight';
import type { NightEvaluation } from '../../shared/domain/evaluation/nightEvaluation';
import { namedTotal } from '../../shared/domain/turnout';
import { MirrorClient, post, startServer, waitFor } from './harness';

// The evaluation of the demo night through a real server: for the organiser alone, the real
// night only, and the core team's words kept in the record but never heard by the door or room.

const clock = nightClock();
let server: Awaited<ReturnType<typeof startServer>>;
let night: DemoNight;
beforeAll(async () => {
  server = await startServer({ now: clock.now });
  night = await playDemoNight(server.app.host, clock);
});
afterAll(() => server.close());

const get = async (path: string, key?: string) => {
  const response = await fetch(`${server.url}${path}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe('the evaluation data endpoint', () => {
  it('needs the organiser key', async () => {
    const path = `/api/assemblies/${night.code}/evaluation`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, night.keys.chair)).status).toBe(403);
    expect((await get(path, night.keys.door)).status).toBe(403);
    expect((await get(path, 'not-a-key-at-all-not-a-key')).status).toBe(403);
    const { status, json } = await get(path, night.keys.admin);
    expect(status).toBe(200);
    expect((json.evaluation as NightEvaluation).runOfShow.items).toHaveLength(11);
  });

  it('leaves the rehearsal out: its check-ins, its answer and its items', async () => {
    const record = (await get(`/api/assemblies/${night.code}/export/record.json`, night.keys.admin)).json;
    const journal = record.journal as { rehearsal?: number; event: { type: string } }[];
    // The journal keeps the rehearsal, marked: six practice check-ins and a practice answer.
    const rehearsed = journal.filter((e) => e.rehearsal === 1);
    expect(rehearsed.filter((e) => e.event.type === 'checkedIn')).toHaveLength(6);
    expect(rehearsed.filter((e) => e.event.type === 'responseRecorded')).toHaveLength(1);

    const evaluation = (await get(`/api/assemblies/${night.code}/evaluation`, night.keys.admin)).json
      .evaluation as NightEvaluation;
    const night_ = record.assembly as { turnout: Parameters<typeof namedTotal>[0] };
    expect(evaluation.arrivals.named).toBe(namedTotal(night_.turnout));
    expect(evaluation.arrivals.bins.reduce((sum, b) => sum + b.total, 0)).toBe(evaluation.arrivals.named);
    // Nobody arrived before the doors opened half an hour before the start.
    expect(evaluation.arrivals.bins[0]!.from).toBeGreaterThanOrEqual(night.startsAt - 30 * 60_000);
    const mayor = evaluation.asks
      .find((a) => a.askId === 'living-wage')!
      .answers.find((a) => a.powerHolderId === 'mayor')!;
    expect(mayor.steps.map((s) => s.answer)).toEqual(['yes']);
    expect(evaluation.runOfShow.items[0]!.startedAt).toBe(night.startsAt + 4 * 60_000);
    expect(evaluation.runOfShow.finish[0]!.at).toBeGreaterThanOrEqual(night.startsAt);
  });

  it('keeps the evaluations submitted in record.json, and the door and the public never see them', async () => {
    const door = await new MirrorClient(server.url, { code: night.code, key: night.keys.door }).ready();
    const room = await new MirrorClient(server.url, { code: night.code }).ready();
    const chair = await new MirrorClient(server.url, { code: night.code, key: night.keys.chair }).ready();
    try {
      const words = 'The door team were magnificent at seven';
      const sent = await post(
        `${server.url}/api/assemblies/${night.code}/commands`,
        {
          type: 'submitEvaluation',
          evaluationId: '11111111-2222-4333-8444-555555555555',
          name: 'Rosa Quinn-Evaluator',
          worked: words,
          change: '',
          ratings: { turnout: 5, testimonies: 4, ask: null, chairing: 4 },
        },
        night.keys.admin,
      );
      expect(sent.status).toBe(200);
      // The chair may not submit one: the form is the organiser's.
      const refused = await chair.command({
        type: 'submitEvaluation',
        evaluationId: '11111111-2222-4333-8444-555555555556',
        name: 'Chair',
        ratings: {},
      });
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
      await waitFor(() => chair.state.evaluations.length === 4);
      await waitFor(() => door.seq === chair.seq && room.seq === chair.seq);

      const record = (await get(`/api/assemblies/${night.code}/export/record.json`, night.keys.admin)).json;
      const kept = (record.assembly as { evaluations: { name: string }[] }).evaluations.map((e) => e.name);
      expect(kept).toEqual(['Amina Hassan', 'Revd Tom Price', 'Yusuf Ali', 'Rosa Quinn-Evaluator']);
      expect(JSON.stringify(record.journal)).toContain(words);

      for (const mirror of [door, room]) {
        expect(mirror.state.evaluations).toEqual([]);
        expect(JSON.stringify(mirror.received)).not.toContain(words);
        expect(JSON.stringify(mirror.received)).not.toContain('Rosa Quinn-Evaluator');
      }
      // A fresh snapshot says nothing of them either.
      const late = await new MirrorClient(server.url, { code: night.code, key: night.keys.door }).ready();
      expect(JSON.stringify(late.received)).not.toContain('the welcome ran long');
      expect(JSON.stringify(late.received)).not.toContain(words);
      late.close();
    } finally {
      for (const client of [door, room, chair]) client.close();
    }
  });
});
