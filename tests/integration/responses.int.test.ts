import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyOf } from '../../shared/domain/responses';
import { type Created, importSetup, post, startAssembly, waitFor } from './harness';

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 },
    { id: 'ask-homes', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes', responseSeconds: 30 },
  ],
  powerHolders: [
    { id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'City Council' },
    {
      id: 'ceo',
      name: 'Dr Patel',
      role: 'Chief Executive',
      organisation: 'Riverside Hospital',
      attending: false,
    },
    { id: 'bishop', name: 'Bishop Grey', role: 'Bishop', organisation: 'Diocese' },
  ],
  asks: [
    { id: 'homes', title: 'Homes', wording: 'Will you build 500 homes by 2028?', targets: ['mayor', 'ceo'] },
    {
      id: 'wage',
      title: 'Living wage',
      wording: 'Will you pay the living wage?',
      targets: ['ceo', 'bishop'],
    },
  ],
};

const answer = (powerHolderId: string, value: string, note = '', askId = 'homes') => ({
  type: 'recordResponse',
  askId,
  powerHolderId,
  answer: value,
  note,
});

describe('asks and answers', () => {
  let assembly: Awaited<ReturnType<typeof startAssembly>>;
  let created: Created;
  let url: string;
  const commandsUrl = () => `${url}/api/assemblies/${created.code}/commands`;
  const exportOf = async (file: string, key = created.keys.admin) =>
    fetch(`${url}/api/assemblies/${created.code}/export/${file}`, {
      headers: { authorization: `Bearer ${key}` },
    });

  beforeEach(async () => {
    assembly = await startAssembly({ title: 'Accountability Assembly' });
    created = assembly.created;
    url = assembly.server.url;
    await importSetup(url, created, SETUP);
  });
  afterEach(() => assembly.close());

  it('only the chair and the organiser can record answers, over the socket and over HTTP', async () => {
    const [phone, door, chair, admin] = await Promise.all([
      assembly.open(),
      assembly.open(created.keys.door),
      assembly.open(created.keys.chair),
      assembly.open(created.keys.admin),
    ]);
    expect(await phone.command(answer('mayor', 'yes'))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await door.command(answer('mayor', 'yes'))).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await post(commandsUrl(), answer('mayor', 'yes'))).status).toBe(401);
    expect((await post(commandsUrl(), answer('mayor', 'yes'), created.keys.door)).status).toBe(403);
    expect((await post(commandsUrl(), answer('mayor', 'yes'), 'forged-key-forged-key')).status).toBe(403);
    expect(phone.state.responses).toEqual({});

    expect(await chair.command(answer('mayor', 'waffle'))).toMatchObject({ ok: true });
    const byHttp = await post(commandsUrl(), answer('ceo', 'absent'), created.keys.admin);
    expect(byHttp.status).toBe(200);
    expect(await admin.command(answer('bishop', 'no', '', 'wage'))).toMatchObject({ ok: true });
    const last = byHttp.json!.seq as number;
    await waitFor(() => phone.seq >= last + 1, 5_000, 'phone to see the answers');
    expect(historyOf(phone.state.responses, 'homes', 'mayor').map((e) => e.answer)).toEqual(['waffle']);
    expect(historyOf(phone.state.responses, 'homes', 'ceo').map((e) => e.answer)).toEqual(['absent']);
  });

  it('keeps the event log append-only: a changed answer shows both entries, with times and roles', async () => {
    const chair = await assembly.open(created.keys.chair);
    await chair.command(answer('mayor', 'waffle', 'we will look at it'));
    await chair.command(answer('mayor', 'yes', 'within 60 days'));
    await chair.command({ type: 'undo' });
    await chair.command(answer('mayor', 'yes', 'within 90 days'));

    const record = await (await exportOf('record.json')).json();
    const responseEvents = record.journal.filter((e: { event: { type: string } }) =>
      ['responseRecorded', 'responseWithdrawn'].includes(e.event.type),
    );
    expect(
      responseEvents.map((e: { actor: string; event: { type: string; answer?: string; note?: string } }) => [
        e.actor,
        e.event.type,
        e.event.answer ?? null,
        e.event.note ?? null,
      ]),
    ).toEqual([
      ['chair', 'responseRecorded', 'waffle', 'we will look at it'],
      ['chair', 'responseRecorded', 'yes', 'within 60 days'],
      ['chair', 'responseWithdrawn', null, null],
      ['chair', 'responseRecorded', 'yes', 'within 90 days'],
    ]);
    for (const entry of responseEvents) expect(new Date(entry.time).getTime()).toBe(entry.at);
    // The journal's seqs run without a gap from the assembly's creation.
    expect(record.journal.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: record.seq }, (_, i) => i + 1),
    );
    expect(historyOf(record.assembly.responses, 'homes', 'mayor').map((e) => e.note)).toEqual([
      'we will look at it',
      'within 90 days',
    ]);

    const csv = await (await exportOf('responses.csv')).text();
    expect(csv).toContain('homes,Homes,Mayor Jones,Mayor,City Council,waffle,we will look at it,');
    expect(csv).toMatch(/homes,Homes,Mayor Jones,Mayor,City Council,yes,within 90 days,[^,]+,yes/);
    expect(csv.split('\r\n')[0]).toMatch(/,answer,note,recorded_at \(.+\),is_current_answer$/);
    expect(csv).toContain('wage,Living wage,Bishop Grey,Bishop,Diocese,no answer yet,,,\r\n');
    expect(csv).toContain(
      'wage,Living wage,Dr Patel,Chief Executive,Riverside Hospital,absent (empty chair),,,\r\n',
    );
    expect((await exportOf('record.json', created.keys.chair)).status).toBe(403);
  });

  it.each([
    {
      case: 'an answer for a power-holder the ask is not put to',
      command: answer('bishop', 'yes'),
      code: 'not_asked',
    },
    { case: 'an unknown ask', command: answer('mayor', 'yes', '', 'nothing'), code: 'unknown_ask' },
    {
      case: 'a note of 50 KB',
      command: answer('mayor', 'yes', 'x'.repeat(50_000)),
      code: 'invalid_command',
    },
    {
      case: 'an answer that is not one of the four',
      command: answer('mayor', 'maybe'),
      code: 'invalid_command',
    },
    {
      case: 'an answer clock for someone not asked',
      command: { type: 'startResponseTimer', askId: 'homes', powerHolderId: 'bishop' },
      code: 'not_asked',
    },
  ])('refuses $case with a clear error and changes nothing', async ({ command, code }) => {
    const chair = await assembly.open(created.keys.chair);
    const seq = chair.seq;
    const reply = await chair.command(command);
    expect(reply).toMatchObject({ ok: false, code });
    if (!reply.ok) expect(reply.message.length).toBeGreaterThan(5);
    const state = await (await fetch(`${url}/api/assemblies/${created.code}`)).json();
    expect(state.seq).toBe(seq);
    expect(state.state.responses).toEqual({});
  });

  it('records follow-ups after the close, for the organiser only, and shows them publicly', async () => {
    const chair = await assembly.open(created.keys.chair);
    await chair.command(answer('mayor', 'yes'));
    await chair.command({ type: 'closeAssembly' });
    expect(await chair.command(answer('ceo', 'no'))).toMatchObject({ ok: false, code: 'assembly_closed' });
    const followUp = {
      type: 'addFollowUp',
      askId: 'homes',
      powerHolderId: 'mayor',
      status: 'progress',
      note: 'Planning application lodged',
      link: 'https://council.example/planning/123',
      date: '2027-01-15',
    };
    expect((await post(commandsUrl(), followUp, created.keys.chair)).status).toBe(403);
    expect(
      (await post(commandsUrl(), { ...followUp, link: 'javascript:alert(1)' }, created.keys.admin)).status,
    ).toBe(400);
    expect((await post(commandsUrl(), followUp, created.keys.admin)).status).toBe(200);
    const publicView = await (await fetch(`${url}/api/assemblies/${created.code}`)).json();
    expect(publicView.state.followUps).toEqual([
      expect.objectContaining({
        status: 'progress',
        note: 'Planning application lodged',
        date: Date.parse('2027-01-15'),
      }),
    ]);
  });
});
