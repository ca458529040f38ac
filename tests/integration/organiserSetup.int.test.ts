import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupFileOf } from '../../shared/protocol/setup';
import { type Created, startAssembly } from './harness';

async function postCsv(url: string, csv: string, key?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: csv,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('organiser setup: editing and spreadsheets', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const csvUrl = (kind: string, query = '') => `${url}/api/assemblies/${created.code}/csv/${kind}${query}`;

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Setup Assembly' });
    created = assembly.created;
    url = assembly.server.url;
  });
  afterEach(() => assembly.close());

  it('imports institutions from CSV only when clean, or only the valid rows when asked; a bad file changes nothing', async () => {
    const admin = await assembly.open(created.keys.admin);
    const before = admin.state;
    const check = async () => {
      const { state } = await (
        await fetch(`${url}/api/assemblies/${created.code}`, {
          headers: { authorization: `Bearer ${created.keys.admin}` },
        })
      ).json();
      return state;
    };
    const csv = 'name,section,committed\nUnite,Stalls,12\nBakers Union,Balcony,lots\n';
    const refused = await postCsv(csvUrl('institutions'), csv, created.keys.admin);
    expect(refused.status).toBe(400);
    expect(refused.json.problems).toEqual([
      'row 3: committed: must be a whole number (people), or empty for none',
    ]);
    // Two whole-file problems in one message, each ending its own sentence once.
    const twoProblems = await postCsv(csvUrl('institutions'), 'who,instituton\nx,y\n', created.keys.admin);
    expect(twoProblems.json.message).toMatch(/committed\. Unknown columns/);
    expect(twoProblems.json.message).not.toContain('.;');
    for (const bad of ['who,what\nx,y\n', '', 'name,section,committed,phone\nA,,,1\n']) {
      expect((await postCsv(csvUrl('institutions', '?rows=valid'), bad, created.keys.admin)).status).toBe(
        400,
      );
    }
    expect((await postCsv(csvUrl('institutions'), csv)).status).toBe(401);
    expect((await postCsv(csvUrl('institutions'), csv, created.keys.chair)).status).toBe(403);
    expect((await postCsv(csvUrl('nonsense'), csv, created.keys.admin)).status).toBe(404);
    // JSON where CSV belongs is refused too.
    const json = await fetch(csvUrl('institutions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.keys.admin}` },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(json.status).toBe(400);
    const unchanged = await check();
    expect(setupFileOf(unchanged)).toEqual(setupFileOf(before));
    expect(unchanged.setupRevision).toBe(before.setupRevision);

    const partial = await postCsv(csvUrl('institutions', '?rows=valid'), csv, created.keys.admin);
    expect(partial.json).toMatchObject({ ok: true, added: 1, skipped: 1 });
    const after = await check();
    expect(after.institutions.map((i: { name: string }) => i.name)).toEqual([
      "St Mary's",
      'East London Mosque',
      'Unite',
    ]);
    // The existing rows keep their ids.
    expect(after.institutions.slice(0, 2).map((i: { id: string }) => i.id)).toEqual(['stmarys', 'mosque']);
  });

  it('refuses a file saved in a Windows code page, on both import routes, asking for CSV UTF-8', async () => {
    const admin = await assembly.open(created.keys.admin);
    const before = admin.state;
    // "Siobhán's Café" as Excel on Windows saves it: á and é are single bytes, not UTF-8.
    const windows1252 = Uint8Array.from([
      ...new TextEncoder().encode('name,institution,email\nSiobh'),
      0xe1,
      ...new TextEncoder().encode("n's Caf"),
      0xe9,
      ...new TextEncoder().encode(',,\n'),
    ]);
    for (const path of ['csv/institutions', 'registrants']) {
      const response = await fetch(`${url}/api/assemblies/${created.code}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${created.keys.admin}` },
        body: windows1252,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('"CSV UTF-8"');
    }
    const { state } = await (
      await fetch(`${url}/api/assemblies/${created.code}`, {
        headers: { authorization: `Bearer ${created.keys.admin}` },
      })
    ).json();
    expect(state.attendance.registrants).toEqual(before.attendance.registrants);
    expect(state.institutions).toEqual(before.institutions);
  });

  it('imports power-holders, then asks that name them', async () => {
    const holders = await postCsv(
      csvUrl('powerHolders'),
      'name,role,organisation,attending\nCllr Jo Bloggs,Leader,Council,yes\nSam Smith,CEO,Housing,no\n',
      created.keys.admin,
    );
    expect(holders.json).toMatchObject({ added: 2 });
    const typo = await postCsv(
      csvUrl('asks'),
      'title,wording,targets\nHomes,Will you build homes?,Cllr Jo Blogs\n',
      created.keys.admin,
    );
    expect(typo.json.problems).toEqual([
      "row 2: power-holder 'Cllr Jo Blogs' not found; did you mean Cllr Jo Bloggs?",
    ]);
    const asks = await postCsv(
      csvUrl('asks'),
      'title,wording,targets\nHomes,Will you build homes?,Cllr Jo Bloggs; Sam Smith\n',
      created.keys.admin,
    );
    expect(asks.json).toMatchObject({ added: 1 });
    const admin = await assembly.open(created.keys.admin);
    expect(admin.state.asks[0]!.targetIds).toEqual(admin.state.powerHolders.map((p) => p.id));
  });

  it('saves an edited setup only over the revision it was made from', async () => {
    const admin = await assembly.open(created.keys.admin);
    const other = await assembly.open(created.keys.admin);
    const draft = setupFileOf(admin.state);
    const revision = admin.state.setupRevision;
    const first = await other.command({
      type: 'editSetup',
      setup: { ...draft, agenda: draft.agenda.slice(0, 2) },
      revision,
    });
    expect(first).toMatchObject({ ok: true });
    const second = await admin.command({
      type: 'editSetup',
      setup: { ...draft, institutions: [] },
      revision,
    });
    expect(second).toMatchObject({ ok: false, code: 'setup_changed' });
    const chair = await assembly.open(created.keys.chair);
    expect(await chair.command({ type: 'editSetup', setup: draft, revision: revision + 1 })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(chair.state.agenda).toHaveLength(2);
    expect(chair.state.institutions).toHaveLength(2);

    // Malformed drafts are refused with a clear error and change nothing.
    const now = admin.state.setupRevision;
    const fresh = setupFileOf(chair.state);
    for (const bad of [
      { type: 'editSetup', setup: fresh },
      { type: 'editSetup', setup: fresh, revision: -1 },
      { type: 'editSetup', setup: fresh, revision: 'latest' },
      {
        type: 'editSetup',
        setup: { ...fresh, agenda: [{ ...fresh.agenda[0], minutes: -5 }] },
        revision: now,
      },
      { type: 'editSetup', setup: { ...fresh, institutions: [{ name: '' }] }, revision: now },
      { type: 'editSetup', setup: { ...fresh, surprise: true }, revision: now },
    ]) {
      expect(await admin.command(bad)).toMatchObject({ ok: false, code: 'invalid_command' });
    }
    const duplicateIds = await admin.command({
      type: 'editSetup',
      setup: { ...fresh, agenda: [fresh.agenda[0]!, fresh.agenda[0]!] },
      revision: now,
    });
    expect(duplicateIds).toMatchObject({ ok: false, code: 'invalid_setup' });
    const check = await assembly.open(created.keys.admin);
    expect(check.state.setupRevision).toBe(now);
    expect(setupFileOf(check.state)).toEqual(fresh);
  });

  it('exports the setup as a file that imports back to the same setup', async () => {
    const exported = await fetch(`${url}/api/assemblies/${created.code}/export/setup.json`, {
      headers: { authorization: `Bearer ${created.keys.admin}` },
    });
    expect(exported.status).toBe(200);
    const file = await exported.json();
    expect(file.assembly.title).toBe('Setup Assembly');
    const admin = await assembly.open(created.keys.admin);
    const before = setupFileOf(admin.state);
    expect(file).toMatchObject(before);
    const reimported = await fetch(`${url}/api/assemblies/${created.code}/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.keys.admin}` },
      body: JSON.stringify(file),
    });
    expect(reimported.status).toBe(200);
    const again = await assembly.open(created.keys.admin);
    expect(setupFileOf(again.state)).toEqual(before);
    expect(
      (
        await fetch(`${url}/api/assemblies/${created.code}/export/setup.json`, {
          headers: { authorization: `Bearer ${created.keys.chair}` },
        })
      ).status,
    ).toBe(403);
  });
});
