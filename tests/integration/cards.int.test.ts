import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBatch } from '../../shared/protocol/socket';
import { type Created, checkIn, MirrorClient, startAssembly, waitFor } from './harness';

// Commitment cards through a real server: from phones, the door and a queue sent again,
// each counted once; the public hears tallies only; the exports hold consented contacts only.

describe('commitment cards', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const exportOf = async (file: string) => {
    const response = await fetch(`${url}/api/assemblies/${created.code}/export/${file}`, {
      headers: { authorization: `Bearer ${created.keys.admin}` },
    });
    expect(response.status).toBe(200);
    return Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, '').trim()).data;
  };

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Cards Assembly' });
    created = assembly.created;
    url = assembly.server.url;
  });
  afterEach(() => assembly.close());

  it('counts each card once from phones, the door and a resend, and tells the public only the tally', async () => {
    const [admin, chair, door, phone, screen] = await Promise.all([
      assembly.open(created.keys.admin),
      assembly.open(created.keys.chair),
      assembly.open(created.keys.door),
      assembly.open(),
      assembly.open(),
    ]);
    expect(
      await admin.command({
        type: 'setCardOptions',
        options: [
          { text: 'Join the housing team', owner: 'Housing team' },
          { text: 'Bring people next time', asksNumber: true },
        ],
      }),
    ).toMatchObject({ ok: true });
    // Phones may not send a card before the chair opens it.
    const early = { type: 'submitCard', cardId: randomUUID(), name: 'Early', choices: [{ optionId: 'c1' }] };
    expect(await phone.command(early)).toMatchObject({ ok: false, code: 'cards_closed' });
    expect(await chair.command({ type: 'openCards', open: true })).toMatchObject({ ok: true });
    await waitFor(() => screen.state.cards.open, 5_000, 'the card to open');

    // A phone checks in with a contact and consent, then fills its card relying on that consent.
    const mine = checkIn('Amara Okafor', { contact: 'amara@example.org', consent: true });
    expect(await phone.command(mine)).toMatchObject({ ok: true });
    const card = {
      type: 'submitCard',
      cardId: randomUUID(),
      checkInId: mine.checkInId,
      consent: true,
      choices: [{ optionId: 'c1' }, { optionId: 'c2', number: 4 }],
    };
    expect(await phone.command(card)).toMatchObject({ ok: true });
    // Its queue sends it again after a reconnect, on another connection: counted once.
    const again = await new MirrorClient(url, { code: created.code }).ready();
    expect(await again.command(card)).toMatchObject({ ok: true });
    again.close();
    // Another phone, not checked in, no consent: its contact is not kept.
    expect(
      await phone.command({
        type: 'submitCard',
        cardId: randomUUID(),
        name: 'Private Person',
        institutionId: 'mosque',
        contact: 'private@example.org',
        choices: [{ optionId: 'c1' }],
      }),
    ).toMatchObject({ ok: true });
    // A paper card at the door, with consent.
    const paper = {
      type: 'submitCard',
      cardId: randomUUID(),
      name: 'Paper Pat',
      institutionId: 'stmarys',
      contact: 'pat@example.org',
      consent: true,
      choices: [{ optionId: 'c2', number: 2 }],
    };
    expect(await door.command(paper)).toMatchObject({ ok: true });
    expect(await door.command(paper)).toMatchObject({ ok: true });

    await waitFor(() => screen.state.cards.tally.people.c2 === 2, 5_000, 'the tally');
    expect(screen.state.cards.tally).toEqual({ people: { c1: 2, c2: 2 }, numbers: { c2: 6 } });
    expect(admin.state.cards.byId.size).toBe(3);
    // The public and the door never hold a card, nor hear one.
    for (const client of [screen, door]) {
      expect(client.state.cards.byId.size).toBe(0);
      const heard = JSON.stringify(client.received);
      expect(heard).not.toContain('Paper Pat');
      expect(heard).not.toContain('pat@example.org');
      const types = (client.received as Partial<EventBatch>[]).flatMap((b) =>
        (b.entries ?? []).map((e) => e.event.type),
      );
      expect(types).toContain('cardsTallied');
      expect(types).not.toContain('cardSubmitted');
    }
    // A phone cannot take anyone's card back.
    expect(await phone.command({ type: 'withdrawCard', cardId: paper.cardId })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    // The exports: one row per commitment ticked, contacts only where consented.
    const rows = await exportOf('cards.csv');
    expect(rows[0]).toEqual(
      expect.arrayContaining(['commitment', 'how_many', 'name', 'institution', 'contact']),
    );
    const byName = rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6]]);
    expect(byName).toEqual(
      expect.arrayContaining([
        ['Join the housing team', '', 'Amara Okafor', "St Mary's", 'amara@example.org'],
        ['Join the housing team', '', 'Private Person', 'East London Mosque', ''],
        ['Bring people next time', '4', 'Amara Okafor', "St Mary's", 'amara@example.org'],
        ['Bring people next time', '2', 'Paper Pat', "St Mary's", 'pat@example.org'],
      ]),
    );
    expect(rows).toHaveLength(5);
    expect(JSON.stringify(rows)).not.toContain('private@example.org');
    const summary = await exportOf('cards-by-institution.csv');
    expect(summary).toEqual([
      ['institution', 'cards', 'Join the housing team', 'Bring people next time'],
      ["St Mary's", '2', '1', '6'],
      ['East London Mosque', '1', '1', '0'],
    ]);
  });
});
