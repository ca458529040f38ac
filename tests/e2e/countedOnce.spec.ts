import { createAssembly, expect, test } from './fixtures';

// One person, one count, in real pages: a phone, a ticket page and a door side by side.

const SETUP = {
  agenda: [{ id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 }],
  institutions: [
    { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
  ],
};

const keyOf = (p: string) => p.split('#key=')[1]!;

test('the door says "already in (phone)" and asks "same person?" for a close spelling', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const imported = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: {
      registrants: [
        { name: 'Yusef Hasan', institution: 'East London Mosque' },
        { name: 'Grace Obi', institution: "St Mary's Church" },
      ],
    },
    headers: { authorization: `Bearer ${keyOf(assembly.paths.admin)}` },
  });
  expect(imported.status()).toBe(200);

  // Yusef checks in on his phone, spelling his name as the registration does.
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await phone.getByLabel('Your name').fill('Yusef Hasan');
  await phone.getByLabel('East London Mosque').check();
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('You’re checked in');

  const door = await openPage({ width: 360, height: 740 });
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('1');
  // The search shows him in, by phone: no Check in button to count him again.
  await door.getByLabel(/^Name \(/).fill('yusef');
  const row = door.getByTestId('registrant').filter({ hasText: 'Yusef Hasan' });
  await expect(row).toContainText(/In at \d{1,2}:\d\d(?: [AP]M)? \(phone\)/);
  await expect(row.getByRole('button', { name: /Check in/ })).toHaveCount(0);

  // A walk-in typed by name is him again: "already in at 19:45 (phone)", nothing counted.
  await door.getByRole('tab', { name: 'Walk-in' }).click();
  await door.getByLabel('Name', { exact: true }).fill('Yusef Hasan');
  await door.getByLabel('Institution').selectOption({ label: 'East London Mosque' });
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(door.getByTestId('door-report')).toContainText(
    /Yusef Hasan: already in at \d{1,2}:\d\d(?: [AP]M)? \(phone\)/,
  );
  await expect(door.getByTestId('door-total')).toHaveText('1');

  // A close spelling: the door sees the likely match before anything counts.
  await door.getByLabel('Name', { exact: true }).fill('Yusef Hassan');
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  const report = door.getByTestId('door-report');
  await expect(report).toContainText(
    /Yusef Hasan \(East London Mosque\) checked in by phone at \d{1,2}:\d\d(?: [AP]M)?: same person\?/,
  );
  await expect(door.getByTestId('door-total')).toHaveText('1');
  await report.getByRole('button', { name: 'Same person: count nothing' }).click();
  await expect(report).toContainText('already in');
  await expect(door.getByTestId('door-total')).toHaveText('1');

  // Someone else with a near name: the steward says so, and they count.
  await door.getByLabel('Name', { exact: true }).fill('Yusuf Hasan');
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await report.getByRole('button', { name: 'Different person: check in' }).click();
  await expect(report).toContainText('Yusuf Hasan is checked in.');
  await expect(door.getByTestId('door-total')).toHaveText('2');

  // Who registered and is not in yet, per institution.
  const waiting = door.getByTestId('not-arrived');
  await expect(waiting).toContainText('1 of 2 registrants not in yet.');
  await waiting.getByText("St Mary's Church: 1 not in").click();
  await expect(waiting).toContainText('Grace Obi');
  await door.screenshot({ path: 'test-results/door-counted-once.png', fullPage: true });
});

test('a registrant checks in from their own ticket with "I’m here"', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const imported = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: { registrants: [{ name: 'Grace Obi', institution: "St Mary's Church" }] },
    headers: { authorization: `Bearer ${keyOf(assembly.paths.admin)}` },
  });
  const [ticket] = (await imported.json()).tickets as { url: string }[];
  const door = await openPage({ width: 360, height: 740 });
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('0');

  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(new URL(ticket!.url).pathname);
  await expect(phone.getByTestId('ticket')).toContainText('Grace Obi');
  await phone.getByRole('button', { name: 'I’m here' }).click();
  await expect(phone.getByTestId('ticket-checked-in')).toContainText(
    /You’re checked in: since \d{1,2}:\d\d(?: [AP]M)? \(own ticket on phone\)/,
  );
  await expect(door.getByTestId('door-total')).toHaveText('1');
  // A reload still says so, and offers no second check-in.
  await phone.reload();
  await expect(phone.getByTestId('ticket-checked-in')).toBeVisible();
  await expect(phone.getByRole('button', { name: 'I’m here' })).toHaveCount(0);

  // Her ticket scanned at the door afterwards: already in, counted once.
  await door.getByRole('tab', { name: 'Ticket' }).click();
  await door.getByLabel('Ticket code or link').fill(ticket!.url);
  await door.getByLabel('Ticket code or link').press('Enter');
  await expect(door.getByTestId('door-report')).toContainText(
    /already in at \d{1,2}:\d\d(?: [AP]M)? \(own ticket on phone\)/,
  );
  await expect(door.getByTestId('door-total')).toHaveText('1');
});

test('a walk-in queued offline that turns out to be a likely match asks when it syncs', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('0');

  await door.context().setOffline(true);
  await door.getByRole('tab', { name: 'Walk-in' }).click();
  await door.getByLabel('Name', { exact: true }).fill('Grace Obie');
  await door.getByLabel('Institution').selectOption({ label: "St Mary's Church" });
  await door.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(door.getByTestId('door-report')).toContainText('saved on this device');

  // Meanwhile Grace checks in on her phone.
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await phone.getByLabel('Your name').fill('Grace Obi');
  await phone.getByLabel("St Mary's Church").check();
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('You’re checked in');

  await door.context().setOffline(false);
  const refused = door.getByRole('alert').filter({ hasText: 'Refused when they synced' });
  await expect(refused).toContainText('Grace Obi is already checked in: is this the same person?', {
    timeout: 20_000,
  });
  await expect(door.getByTestId('door-total')).toHaveText('1');
  await refused.getByRole('button', { name: 'Same person' }).click();
  await expect(door.getByTestId('door-report')).toContainText(/Grace Obi: already in at .* \(phone\)/);
  await expect(door.getByTestId('door-total')).toHaveText('1');
});

test('the chair closes phone check-in from the roll call, a phone is told, the door reopens it; a flood is undone', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const chair = await openPage({ width: 1366, height: 768 });
  await chair.goto(assembly.paths.chair);
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await expect(phone.getByRole('button', { name: 'Check in' })).toBeVisible();
  const door = await openPage({ width: 360, height: 740 });
  await door.goto(assembly.paths.door);
  const doorSwitch = door.getByTestId('phone-check-in');
  await expect(doorSwitch).toContainText('Phone check-in: open');

  // A flood of fake names from one phone.
  for (const name of ['Fake Aa', 'Fake Bb', 'Fake Cc']) {
    await phone.getByLabel('Your name').fill(name);
    await phone.getByLabel('East London Mosque').check();
    await phone.getByRole('button', { name: 'Check in' }).click();
    await expect(phone.getByTestId('checked-in')).toBeVisible();
    await phone.getByRole('button', { name: 'Check in someone else on this phone' }).click();
  }
  await expect(door.getByTestId('door-total')).toHaveText('3');

  const chairSwitch = chair.getByTestId('phone-check-in');
  chair.once('dialog', (dialog) => void dialog.accept());
  await chairSwitch.getByRole('button', { name: 'Close phone check-in' }).click();
  await expect(chairSwitch).toContainText('Phone check-in: closed');
  await expect(phone.getByRole('status')).toContainText(
    'Check-in on phones is closed. Please check in with a steward at the door.',
  );
  await expect(phone.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await expect(doorSwitch).toContainText('Phone check-in: closed');
  await chair.screenshot({ path: 'test-results/chair-phone-check-in.png' });

  // The door reopens it: the phone has its form again.
  await doorSwitch.getByRole('button', { name: 'Reopen phone check-in' }).click();
  await expect(chairSwitch).toContainText('Phone check-in: open');
  await expect(phone.getByRole('button', { name: 'Check in' })).toBeVisible();

  // The chair undoes the phone check-ins since the flood began, and closes phone check-in again.
  await chairSwitch.getByRole('button', { name: 'Remove a flood of fake phone check-ins…' }).click();
  await chairSwitch.getByLabel('Made since').fill('00:00');
  await expect(chairSwitch).toContainText('3 phone check-ins since then.');
  chair.once('dialog', (dialog) => void dialog.accept());
  await chairSwitch.getByRole('button', { name: 'Close phone check-in and remove them' }).click();
  await expect(chairSwitch).toContainText('Phone check-in: closed');
  await expect(door.getByTestId('door-total')).toHaveText('0');
  await expect(chair.getByTestId('chair-turnout')).toContainText('0 checked in');
});
