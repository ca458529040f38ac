import { createAssembly, expect, test } from './fixtures';

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 },
    { id: 'ask-homes', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes', responseSeconds: 30 },
  ],
  powerHolders: [
    { id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'City Council' },
    { id: 'ceo', name: 'Dr Patel', role: 'Chief Executive', organisation: 'Riverside Hospital' },
  ],
  asks: [
    {
      id: 'homes',
      title: 'Homes',
      wording: 'Will you build 500 genuinely affordable homes by 2028?',
      targets: ['mayor', 'ceo'],
      commitment: {
        action: 'Build 500 homes',
        deadline: '2028',
        owner: 'Housing department',
        measure: 'Homes built',
      },
    },
  ],
};

test('the chair records YES and NO; the screen’s board, a phone and the record after the close all show them', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const chair = await openPage({ width: 1280, height: 1000 });
  await chair.goto(assembly.paths.chair);
  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);

  // Each press names the item it moves on from, so wait for the first to land before the second.
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('The housing ask');
  // The ask item puts the wording on the screen by itself.
  await expect(screen.getByTestId('scene-ask')).toContainText(
    'Will you build 500 genuinely affordable homes',
  );

  const mayor = chair.locator('[data-testid="holder-card"][data-holder="mayor"]');
  const ceo = chair.locator('[data-testid="holder-card"][data-holder="ceo"]');
  await mayor.getByRole('button', { name: 'Start answer clock' }).click();
  await expect(
    screen.locator('[data-testid="ask-answer"][data-holder="mayor"] [data-testid="timer"]'),
  ).toBeVisible();
  await mayor.getByLabel('Note (a quote or condition)').fill('within 60 days');
  await mayor.getByRole('button', { name: 'YES for Mayor Jones' }).click();
  await ceo.getByRole('button', { name: 'WAFFLE for Dr Patel' }).click();
  // The waffle is pressed into a no; the history keeps both.
  await ceo.getByRole('button', { name: 'NO for Dr Patel' }).click();
  await expect(ceo).toContainText('Before: WAFFLE');

  await expect(screen.locator('[data-testid="ask-answer"][data-holder="mayor"]')).toContainText('YES');
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="mayor"]')).toContainText(
    'within 60 days',
  );
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="ceo"]')).toContainText('NO');

  // Undo takes back the last answer; pressing again restores it.
  await chair.getByTestId('undo').click();
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="ceo"]')).toContainText('WAFFLE');
  await ceo.getByRole('button', { name: 'NO for Dr Patel' }).click();
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="ceo"]')).toContainText('NO');

  // The commitments board, on the screen and on the phone: each answer in its cell.
  await chair.getByRole('button', { name: 'Commitments' }).click();
  const cell = (page: typeof screen, holder: string) =>
    page.locator(`[data-testid="board-cell"][data-ask="homes"][data-holder="${holder}"]`);
  await expect(cell(screen, 'mayor')).toHaveAttribute('data-answer', 'yes');
  await expect(cell(screen, 'mayor')).toContainText('YES');
  await expect(cell(screen, 'ceo')).toHaveAttribute('data-answer', 'no');
  await expect(cell(screen, 'ceo')).toContainText('NO');
  await expect(cell(phone, 'mayor')).toContainText('YES');
  await expect(cell(phone, 'ceo')).toContainText('NO');

  chair.once('dialog', (dialog) => void dialog.accept());
  await chair.getByRole('button', { name: 'Close assembly…' }).click();
  await expect(chair.getByTestId('closed-banner')).toBeVisible();

  const record = await openPage({ width: 1000, height: 900 });
  await record.goto(`/r/${assembly.code}`);
  const homes = record.locator('[data-testid="ask-record"][data-ask="homes"]');
  await expect(homes).toContainText('Will you build 500 genuinely affordable homes by 2028?');
  await expect(homes.locator('[data-testid="answer-record"][data-holder="mayor"]')).toContainText('YES');
  await expect(homes.locator('[data-testid="answer-record"][data-holder="mayor"]')).toContainText(
    'within 60 days',
  );
  await expect(homes.locator('[data-testid="answer-record"][data-holder="ceo"]')).toContainText('NO');
  await expect(homes.locator('[data-testid="answer-record"][data-holder="ceo"]')).toContainText(
    'Earlier: WAFFLE',
  );
  await expect(homes).toContainText('Housing department');
});

test('the organiser adds a follow-up after the night and the record shows it', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const chairKey = assembly.paths.chair.split('#key=')[1]!;
  const command = (data: object) =>
    request.post(`/api/assemblies/${assembly.code}/commands`, {
      data,
      headers: { authorization: `Bearer ${chairKey}` },
    });
  await command({ type: 'recordResponse', askId: 'homes', powerHolderId: 'mayor', answer: 'yes', note: '' });
  await command({ type: 'closeAssembly' });

  const admin = await openPage();
  await admin.goto(assembly.paths.admin);
  await admin.getByLabel('Commitment', { exact: true }).selectOption({ label: 'Homes: Mayor Jones (YES)' });
  await admin.getByLabel('Status', { exact: true }).selectOption({ label: 'PROGRESS' });
  await admin.getByLabel('As of').fill('2027-02-01');
  await admin.getByLabel('Note', { exact: true }).fill('Site for 200 homes agreed');
  await admin.getByLabel('Evidence link (optional)').fill('javascript:alert(1)');
  await admin.getByRole('button', { name: 'Add update' }).click();
  // The browser refuses the link before it is sent; nothing typed is lost.
  await expect(admin.getByLabel('Note', { exact: true })).toHaveValue('Site for 200 homes agreed');
  await admin.getByLabel('Evidence link (optional)').fill('https://council.example/minutes/12');
  await admin.getByRole('button', { name: 'Add update' }).click();
  await expect(admin.getByTestId('follow-up-result')).toContainText('Saved');

  const record = await openPage();
  await record.goto(`/r/${assembly.code}`);
  const mayor = record.locator('[data-testid="answer-record"][data-holder="mayor"]');
  await expect(mayor).toContainText('PROGRESS');
  await expect(mayor).toContainText('Site for 200 homes agreed');
  await expect(mayor.getByRole('link', { name: 'evidence' })).toHaveAttribute(
    'href',
    'https://council.example/minutes/12',
  );
});

test('a note belongs to the answer it was typed for: WAFFLE with a note, then YES, quotes no one wrongly', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const chair = await openPage({ width: 1366, height: 768 });
  await chair.goto(assembly.paths.chair);
  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('The housing ask');

  const mayor = chair.locator('[data-testid="holder-card"][data-holder="mayor"]');
  const note = mayor.getByLabel('Note (a quote or condition)');
  await note.fill('I’ll look into it');
  await mayor.getByRole('button', { name: 'WAFFLE for Mayor Jones' }).click();
  const onScreen = screen.locator('[data-testid="ask-answer"][data-holder="mayor"]');
  await expect(onScreen).toContainText('WAFFLE');
  await expect(onScreen).toContainText('I’ll look into it');
  // The field is empty for the next answer; the waffle's note shows beside the answer.
  await expect(note).toHaveValue('');
  await expect(mayor).toContainText('“I’ll look into it”');

  // Pushed, the mayor says yes: pressed at once, with nothing typed.
  await mayor.getByRole('button', { name: 'YES for Mayor Jones' }).click();
  await expect(onScreen).toContainText('YES');
  await expect(onScreen).not.toContainText('I’ll look into it');
  await expect(mayor).toContainText('Before: WAFFLE (“I’ll look into it”)');
  await expect(note).toHaveValue('');

  // The record has each answer with its own note.
  const key = assembly.paths.chair.split('#key=')[1]!;
  const response = await request.get(`/api/assemblies/${assembly.code}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const fetched = (await response.json()) as {
    state: { responses: Record<string, Record<string, { answer: string; note: string }[]>> };
  };
  const { state } = fetched;
  expect(state.responses.homes!.mayor!.map(({ answer, note }) => ({ answer, note }))).toEqual([
    { answer: 'waffle', note: 'I’ll look into it' },
    { answer: 'yes', note: '' },
  ]);

  // A double tap with a note is one answer with its note, not a second one without it.
  const ceo = chair.locator('[data-testid="holder-card"][data-holder="ceo"]');
  await ceo.getByLabel('Note (a quote or condition)').fill('within 90 days');
  await ceo.getByRole('button', { name: 'YES for Dr Patel' }).dblclick();
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="ceo"]')).toContainText(
    'within 90 days',
  );
  await expect(ceo).not.toContainText('Before:');
  const again = (await (
    await request.get(`/api/assemblies/${assembly.code}`, { headers: { authorization: `Bearer ${key}` } })
  ).json()) as typeof fetched;
  expect(again.state.responses.homes!.ceo!.map(({ answer, note }) => ({ answer, note }))).toEqual([
    { answer: 'yes', note: 'within 90 days' },
  ]);
});
