import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '../../server/app';
import { createLogger } from '../../server/logger';
import { PgStore } from '../../server/store/pgStore';
import { SqliteStore } from '../../server/store/sqliteStore';
import type { Store } from '../../server/store/store';
import { nightRecordOf } from '../../shared/domain/rehearsal';
import { canonicalJson, withoutUndo } from '../fuzz/invariants';
import { DATABASE_URL, freshSchema, HOW_TO_RUN_SHARED } from '../postgres';
import {
  checkIn,
  createAssembly,
  importSetup,
  MirrorClient,
  post,
  SMALL_SETUP,
  tempDir,
  waitFor,
} from './harness';

// A rehearsal through a real server, then the real night: the record, the exports and the
// turnout hold only the night; record.json keeps the rehearsal in its journal, marked.

const quiet = { warn: () => {}, error: () => {} };
let pgUrl: string | undefined;
let dropSchema = async () => {};
beforeAll(async () => {
  if (!DATABASE_URL) return;
  const schema = await freshSchema(DATABASE_URL);
  pgUrl = schema.url;
  dropSchema = schema.drop;
});
afterAll(() => dropSchema());
if (!DATABASE_URL) console.warn(`PostgreSQL rehearsal suite ${HOW_TO_RUN_SHARED}`);

const SETUP = {
  ...SMALL_SETUP,
  agenda: [
    ...SMALL_SETUP.agenda,
    { id: 'ask-homes', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes' },
  ],
  powerHolders: [{ id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'City Council' }],
  asks: [{ id: 'homes', title: 'Homes', wording: 'Will you build 500 homes?', targets: ['mayor'] }],
};

const stores: [string, (dir: string) => Promise<Store>, boolean][] = [
  ['SQLite', async (dir) => new SqliteStore(path.join(dir, 'assembly-live.sqlite')), true],
  ['PostgreSQL', () => PgStore.open(pgUrl!, quiet), DATABASE_URL !== undefined],
];

describe.each(stores)('%s: a rehearsal, then the real night', (_name, open, available) => {
  it.skipIf(!available)('the night holds only itself, and a restart changes nothing', async () => {
    const dir = tempDir();
    const clients: MirrorClient[] = [];
    const serve = async () => {
      const app = createApplication({
        store: await open(dir),
        logger: createLogger('silent'),
        publicUrl: 'http://phones.example',
      });
      const port = await app.listen(0, '127.0.0.1');
      return { app, url: `http://127.0.0.1:${port}` };
    };
    let server = await serve();
    try {
      const { url } = server;
      const created = await createAssembly(url, { title: 'Rehearsed Assembly' });
      await importSetup(url, created, SETUP);
      const imported = await post(
        `${url}/api/assemblies/${created.code}/registrants`,
        { registrants: [{ name: 'Grace Obi', institution: "St Mary's", email: 'grace@example.org' }] },
        created.keys.admin,
      );
      const ticket = (imported.json!.tickets as { url: string }[])[0]!.url;
      const connect = async (key?: string) => {
        const client = await new MirrorClient(url, { code: created.code, key }).ready();
        clients.push(client);
        return client;
      };
      const [chair, door, phone, screen] = await Promise.all([
        connect(created.keys.chair),
        connect(created.keys.door),
        connect(),
        connect(),
      ]);
      const before = await stateOf(url, created.code, created.keys.admin);

      // The rehearsal: every way in, a headcount, a timed testimony, an answer, the boards.
      expect(await chair.command({ type: 'startRehearsal' })).toMatchObject({ ok: true });
      expect(await phone.command(checkIn('Rehearsal Phone'))).toMatchObject({ ok: true });
      expect(
        await door.command({
          type: 'scanTicket',
          checkInId: crypto.randomUUID(),
          ticket,
          device: 'North door',
        }),
      ).toMatchObject({ ok: true });
      expect(await door.command(checkIn('Rehearsal Walk-in', { device: 'North door' }))).toMatchObject({
        ok: true,
      });
      const clicker = crypto.randomUUID();
      await door.command({ type: 'setHeadcount', section: 'Stalls', deviceId: clicker, count: 40 });
      for (const command of [
        { type: 'goToItem', itemId: 'story' },
        { type: 'startTimer' },
        { type: 'setScene', scene: 'rollCall' },
        { type: 'markCalled', institutionId: 'stmarys', called: true },
        { type: 'goToItem', itemId: 'ask-homes' },
        { type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'yes', note: 'rehearsed' },
      ])
        expect(await chair.command(command)).toMatchObject({ ok: true });
      await waitFor(() => screen.state.turnout.byInstitution.stmarys === 3, 5_000, 'the rehearsal turnout');
      expect(screen.state.rehearsal?.number).toBe(1);
      // The exports during the rehearsal are of the real night already.
      const during = JSON.parse(await exportOf(url, created, 'record.json'));
      expect(during.assembly.turnout.byInstitution).toEqual({});
      expect(during.rehearsalUnderWay).toBe(1);
      expect(await exportOf(url, created, 'attendees.csv')).not.toContain('Rehearsal');

      expect(await chair.command({ type: 'endRehearsal' })).toMatchObject({ ok: true });
      await waitFor(
        () => screen.state.rehearsal === null && phone.state.rehearsal === null,
        5_000,
        'the end',
      );
      const after = await stateOf(url, created.code, created.keys.admin);
      expect(canonicalJson(nightRecordOf(after))).toBe(canonicalJson(nightRecordOf(before)));
      expect(after.status).toBe(before.status);
      // Every client's mirror agrees with the server's view for it.
      for (const [client, key] of [
        [screen, undefined],
        [door, created.keys.door],
        [chair, created.keys.chair],
      ] as const)
        expect(canonicalJson(withoutUndo(client.state))).toBe(
          canonicalJson(withoutUndo(await stateOf(url, created.code, key))),
        );

      // The real night: Grace, whose ticket was scanned in the rehearsal, comes in again.
      expect(
        await door.command({
          type: 'scanTicket',
          checkInId: crypto.randomUUID(),
          ticket,
          device: 'North door',
        }),
      ).toMatchObject({ ok: true });
      expect(await phone.command(checkIn('Real Phone'))).toMatchObject({ ok: true });
      await door.command({ type: 'setHeadcount', section: 'Stalls', deviceId: clicker, count: 3 });
      await chair.command({ type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'no' });

      const attendees = await exportOf(url, created, 'attendees.csv');
      expect(attendees).toContain('Grace Obi');
      expect(attendees).toContain('Real Phone');
      expect(attendees).not.toContain('Rehearsal');
      expect(await exportOf(url, created, 'responses.csv')).not.toContain('rehearsed');
      const record = JSON.parse(await exportOf(url, created, 'record.json'));
      expect(record.assembly.turnout.byInstitution).toEqual({ stmarys: 2 });
      expect(record.assembly.rehearsal).toBeNull();
      expect(record.rehearsalUnderWay).toBeNull();
      const rehearsed = record.journal.filter((e: { rehearsal?: number }) => e.rehearsal === 1);
      expect(rehearsed.map((e: { event: { type: string } }) => e.event.type)).toEqual(
        expect.arrayContaining(['rehearsalStarted', 'checkedIn', 'responseRecorded', 'rehearsalEnded']),
      );
      expect(rehearsed.filter((e: { event: { type: string } }) => e.event.type === 'checkedIn')).toHaveLength(
        3,
      );
      // The public hears the night's counts.
      await waitFor(() => screen.state.turnout.byInstitution.stmarys === 2, 5_000, 'the night turnout');
      expect(screen.state.turnout.headcounts).toEqual({ Stalls: { [clicker]: 3 } });

      // A restart reads the same assembly back from the store.
      const held = await stateOf(url, created.code, created.keys.admin);
      for (const client of clients) client.close();
      await server.app.close();
      server = await serve();
      expect(canonicalJson(await stateOf(server.url, created.code, created.keys.admin))).toBe(
        canonicalJson(held),
      );
    } finally {
      for (const client of clients) client.close();
      await server.app.close();
    }
  });
});

async function stateOf(url: string, code: string, key?: string) {
  const response = await fetch(`${url}/api/assemblies/${code}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return ((await response.json()) as { state: import('../../shared/domain/assembly').AssemblyState }).state;
}

async function exportOf(url: string, created: { code: string; keys: { admin: string } }, file: string) {
  const response = await fetch(`${url}/api/assemblies/${created.code}/export/${file}`, {
    headers: { authorization: `Bearer ${created.keys.admin}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}
