import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { writeQrVideo } from './fakeCamera';
import { type Assembly, createAssembly, expect, queueTwoWalkInsAndAHeadcount, test } from './fixtures';

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2 },
    { id: 'roll', kind: 'rollCall', title: 'Roll call of institutions', minutes: 5 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
    { id: 'school', name: 'Riverside School', section: 'Stalls', committed: 10 },
  ],
};

const keyOf = (p: string) => p.split('#key=')[1]!;

async function addRegistrants(
  request: import('@playwright/test').APIRequestContext,
  assembly: Assembly,
  registrants: object[],
): Promise<{ name: string; url: string }[]> {
  const response = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: { registrants },
    headers: { authorization: `Bearer ${keyOf(assembly.paths.admin)}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).tickets;
}

test('a phone checks in through the form and the screen’s roll call count rises', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  const chair = await openPage();
  await chair.goto(assembly.paths.chair);
  // The chair runs the roll call item: the screen shows the board by itself.
  // Each press names the item it moves on from, so wait for the first to land before the second.
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(screen.getByTestId('scene-roll-call')).toBeVisible();
  const stMarys = screen.locator('[data-institution="stmarys"] [data-testid="roll-call-count"]');
  await expect(stMarys).toHaveText('0 / 20');

  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await phone.getByLabel('Your name').fill('<b>Amara</b> Okafor');
  await phone.getByLabel("St Mary's Church").check();
  await phone.getByLabel('Email or phone (optional)').fill('amara@example.org');
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText("You’re checked in with St Mary's Church");
  // Markup typed as a name is shown as the text it is.
  await expect(phone.getByTestId('checked-in')).toContainText('<b>Amara</b> Okafor');

  await expect(stMarys).toHaveText('1 / 20');
  await expect(screen.getByTestId('turnout-total')).toHaveText('1');

  // A refresh shows the status, not the form; the count does not move.
  await phone.reload();
  await expect(phone.getByTestId('checked-in')).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await expect(stMarys).toHaveText('1 / 20');

  // The chair marks St Mary's called: the board shows it.
  // The box follows the server's state: it ticks once the mark is recorded.
  await chair.getByRole('checkbox', { name: "St Mary's Church" }).click();
  await expect(chair.getByRole('checkbox', { name: "St Mary's Church" })).toBeChecked();
  await expect(screen.locator('[data-institution="stmarys"]')).toHaveClass(/called/);
  await expect(chair.getByTestId('chair-turnout')).toContainText('1 checked in');
});

test('the phone form says what is missing, beside the field', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByText('Please type your name.')).toBeVisible();
  await expect(
    phone.getByText('Please choose your institution, or Guest (not a member institution).'),
  ).toBeVisible();
  await phone.getByLabel('Your name').fill('Guest Gwen');
  await phone.getByLabel('Guest (not a member institution)').check();
  await phone.getByLabel('Organisation (optional)').fill('The Gazette');
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('The Gazette');
});

test('a door steward checks a registrant in by search, and can undo it', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  await addRegistrants(request, assembly, [
    { name: 'Ada Lovelace', institution: "St Mary's Church" },
    { name: 'Adam Smith', institution: 'Riverside School' },
    { name: 'Bea Cole', institution: 'East London Mosque' },
  ]);
  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  await door.getByLabel(/^Name \(3 registered\)/).fill('ada lov');
  const results = door.getByTestId('registrant');
  await expect(results).toHaveCount(1);
  await results.getByRole('button', { name: /Check in/ }).click();
  await expect(door.getByTestId('door-report')).toContainText('Ada Lovelace is checked in.');
  await expect(door.getByTestId('door-total')).toHaveText('1');

  // Searching again shows when she came in.
  await door.getByLabel(/^Name \(3 registered\)/).fill('Ada L');
  await expect(door.getByTestId('registrant')).toContainText('In at');

  await door.getByTestId('door-report').getByRole('button', { name: 'Undo' }).click();
  await expect(door.getByTestId('door-total')).toHaveText('0');

  // A walk-in, typed in: name, institution, Enter.
  await door.getByRole('tab', { name: 'Walk-in' }).click();
  await door.getByLabel('Name', { exact: true }).fill('Walk-in Wanda');
  await door.getByLabel('Institution').selectOption({ label: 'East London Mosque' });
  await door.getByLabel('Name', { exact: true }).press('Enter');
  await expect(door.getByTestId('door-report')).toContainText('Walk-in Wanda is checked in.');
  await expect(door.getByTestId('door-total')).toHaveText('1');
});

test('check-ins made while offline wait on the door device and sync once', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const chair = await openPage();
  await chair.goto(assembly.paths.chair);
  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('door-total')).toHaveText('0');

  await door.context().setOffline(true);
  await queueTwoWalkInsAndAHeadcount(door);

  // A reload while offline keeps the queue (it lives in the browser's storage).
  await door.reload().catch(() => {});
  await door.context().setOffline(false);
  await door.goto(assembly.paths.door);
  await expect(door.getByTestId('outbox-waiting')).toHaveCount(0, { timeout: 20_000 });
  await expect(door.getByTestId('door-total')).toHaveText('2');
  await expect(chair.getByTestId('chair-turnout')).toContainText('2 checked in');
  await expect(chair.getByTestId('chair-turnout')).toContainText('headcount 1');
});

test('a ticket QR held up to the door’s camera checks its holder in', async ({ request }) => {
  const assembly = await createAssembly(request, SETUP);
  const [ticket] = await addRegistrants(request, assembly, [
    { name: 'Ada Lovelace', institution: "St Mary's Church" },
  ]);
  const video = path.join(os.tmpdir(), `ticket-${assembly.code}.y4m`);
  writeQrVideo(ticket!.url, video);

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await context.grantPermissions(['camera']);
    const door = await context.newPage();
    const errors: string[] = [];
    door.on('pageerror', (error) => errors.push(error.message));
    await door.goto(assembly.paths.door);
    await door.getByRole('tab', { name: 'Ticket' }).click();
    await door.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(door.getByTestId('door-report')).toContainText('Ada Lovelace is checked in.', {
      timeout: 20_000,
    });
    await expect(door.getByTestId('door-total')).toHaveText('1');
    // The ticket stays in front of the camera: it is not counted again.
    await door.waitForTimeout(1_500);
    await expect(door.getByTestId('door-total')).toHaveText('1');

    // The same ticket typed in (a handheld scanner types like a keyboard): already in, with the time.
    await door.getByRole('button', { name: 'Stop the camera' }).click();
    await door.getByLabel('Ticket code or link').fill(ticket!.url);
    await door.getByLabel('Ticket code or link').press('Enter');
    await expect(door.getByTestId('door-report')).toContainText(/already in at \d\d:\d\d/);
    // A forged one is refused.
    await door.getByLabel('Ticket code or link').fill(`${assembly.code}.AAAAAAAAAAAAAAAAAAAAAA`);
    await door.getByLabel('Ticket code or link').press('Enter');
    await expect(door.getByTestId('door-report')).toContainText('Unknown ticket');
    expect(errors).toEqual([]);

    // The ticket's own page shows the holder is in.
    const page = await context.newPage();
    await page.goto(new URL(ticket!.url).pathname);
    await expect(page.getByTestId('ticket')).toContainText('Ada Lovelace');
    await expect(page.getByRole('status')).toContainText(/You’re checked in: since .* \(ticket scan\)/);
    await expect(page.getByRole('button', { name: 'I’m here' })).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('the organiser imports registrants from a CSV file, row errors first', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const admin = await openPage();
  await admin.goto(assembly.paths.admin);
  const file = (text: string) => ({
    name: 'registrants.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await admin.getByLabel('The file holds').selectOption('registrants');
  await admin
    .getByTestId('csv-file')
    .setInputFiles(
      file('name,institution,email\nAda Lovelace,St Marys Church,\nBea Cole,Riverside School,\n'),
    );
  await expect(admin.getByTestId('csv-problems')).toContainText(
    "row 2: institution 'St Marys Church' not found; did you mean St Mary's Church?",
  );
  await expect(admin.getByRole('button', { name: 'Import only the 1 valid row' })).toBeVisible();
  await admin.getByRole('button', { name: 'Cancel' }).click();
  await admin
    .getByTestId('csv-file')
    .setInputFiles(
      file("name,institution,email\nAda Lovelace,St Mary's Church,\nBea Cole,Riverside School,\n"),
    );
  await admin.getByRole('button', { name: 'Import 2 registrants' }).click();
  await expect(admin.getByTestId('csv-result')).toContainText('Imported 2 registrants');
  // Saved by Excel on Windows (windows-1252: é is the single byte E9): read as Excel meant it.
  await admin.getByTestId('csv-file').setInputFiles({
    name: 'windows.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,institution,email\nZo\xe9 Caf\xe9,,\n', 'latin1'),
  });
  await expect(admin.getByTestId('csv-preview')).toContainText('Zoé Café');
  await admin.getByRole('button', { name: 'Import 1 registrant' }).click();
  await expect(admin.getByTestId('csv-result')).toContainText('Imported 1 registrant from windows.csv');
  // Already garbled by another program (U+FFFD in the file): refused before it is sent.
  await admin.getByTestId('csv-file').setInputFiles(file('name,institution,email\nSiobh\uFFFDn,,\n'));
  await expect(admin.getByTestId('csv-result')).toContainText('"CSV UTF-8"');
  await expect(admin.getByTestId('csv-preview')).toHaveCount(0);
  await admin.getByRole('link', { name: 'All exports' }).click();
  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Download turnout.csv' }).click();
  expect((await download).suggestedFilename()).toBe(`${assembly.code}-turnout.csv`);
  // Registrants with their ticket links, before anyone has checked in.
  const registrants = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Download registrants.csv' }).click();
  const saved = await (await registrants).path();
  expect(fs.readFileSync(saved, 'utf8')).toMatch(
    /Ada Lovelace,St Mary's Church,,http:\/\/[^,]+\/t\/[^,]+,,\r\n/,
  );
});

test('fast headcount clicks all count, and a refused queued check-in is never shown as checked in', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  await door.getByRole('tab', { name: 'Count' }).click();
  const more = door.getByRole('button', { name: 'One more in Stalls' });
  for (let i = 0; i < 10; i++) await more.click({ delay: 0 });
  await expect(door.getByRole('status', { name: 'My count for Stalls' })).toHaveText('10');
  await expect(door.getByTestId('headcount-section').filter({ hasText: 'Stalls' })).toContainText(
    'all doors 10',
  );

  // A phone checks in offline; meanwhile the chair closes phone check-in.
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await expect(phone.getByLabel('Your name')).toBeVisible();
  await phone.context().setOffline(true);
  await phone.getByLabel('Your name').fill('Late Larry');
  await phone.getByLabel('Riverside School').check();
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('Saved on this phone');
  const chairKey = assembly.paths.chair.split('#key=')[1]!;
  await request.post(`/api/assemblies/${assembly.code}/commands`, {
    data: { type: 'setPhoneCheckIn', open: false },
    headers: { authorization: `Bearer ${chairKey}` },
  });
  await phone.context().setOffline(false);
  await expect(phone.getByRole('alert')).toContainText('Your check-in was not recorded');
  await expect(phone.getByTestId('checked-in')).toHaveCount(0);
  await expect(phone.getByRole('status').filter({ hasText: 'Check-in on phones is closed' })).toBeVisible();
});

test('a steward’s phone that opened the join page first still gets the full door view, and clears it after the night', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  await addRegistrants(request, assembly, [{ name: 'Ada Lovelace', institution: "St Mary's Church" }]);
  const phone = await openPage({ width: 412, height: 900 });
  await phone.goto(assembly.paths.join);
  await expect(phone.getByLabel('Your name')).toBeVisible();
  // The same browser, now with the door link: it must not start from the phone's counts-only view.
  await phone.goto(assembly.paths.door);
  await phone.getByLabel(/^Name \(1 registered\)/).fill('Ada');
  await expect(phone.getByTestId('registrant')).toHaveCount(1);

  phone.once('dialog', (dialog) => void dialog.accept());
  await phone.getByRole('button', { name: 'Clear this device after the night' }).click();
  await expect(phone).toHaveURL(/\/$/);
  // Nor the door link: the home page no longer lists it (wherever it keeps its list: on the
  // server's own machine that is the server's localhost, so the page may move there).
  await expect(phone.getByRole('heading', { name: 'Create an assembly' })).toBeVisible();
  await expect(phone.getByTestId('held-assembly')).toHaveCount(0);
  // And the door's own address keeps nothing of the staff view.
  await phone.goto(assembly.paths.join);
  await expect(phone.getByLabel('Your name')).toBeVisible();
  const kept = await phone.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.includes('mirror') && key.includes('staff')),
  );
  expect(kept).toEqual([]);
});

test('the organiser finds, corrects and removes registrants one at a time; the door sees the correction and a removed ticket is withdrawn', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  // More than the 200 the list shows: the search still finds the last of them.
  const crowd = Array.from({ length: 230 }, (_, i) => ({
    name: `Member ${String(i + 1).padStart(3, '0')}`,
    institution: 'Riverside School',
  }));
  const tickets = await addRegistrants(request, assembly, [
    ...crowd,
    { name: 'Grace Obi', institution: "St Mary's Church", email: 'grace@example.org' },
    { name: 'Yusuf Ali', institution: 'East London Mosque' },
    { name: 'Ade Bello', institution: 'Riverside School' },
  ]);
  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  const doorSearch = door.getByLabel(/^Name \(\d+ registered\)/);
  // Yusuf comes in early.
  await doorSearch.fill('Yusuf');
  await door
    .getByTestId('registrant')
    .getByRole('button', { name: /Check in/ })
    .click();
  await expect(door.getByTestId('door-report')).toContainText('Yusuf Ali is checked in.');

  const admin = await openPage({ width: 1280, height: 900 });
  await admin.goto(assembly.paths.admin);
  const search = admin.getByLabel('Find a registrant');
  await expect(admin.getByText('233 registrants.', { exact: true })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Ticket for Member 230' })).toHaveCount(0);
  await search.fill('member 230');
  await expect(admin.getByText('1 of 233 registrants match.')).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Ticket for Member 230' })).toBeVisible();

  // A correction that would make Grace another registrant is refused beside the name; nothing typed is lost.
  await search.fill('grace');
  await admin.getByRole('button', { name: 'Edit Grace Obi' }).click();
  const form = admin.getByRole('form', { name: 'Edit Grace Obi' });
  await form.getByLabel('Name').fill('Yusuf Ali');
  await form.getByLabel('Institution').selectOption({ label: 'East London Mosque' });
  await form.getByLabel('Email').fill('');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(form.getByText('Yusuf Ali is already registered')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toHaveValue('Yusuf Ali');
  await expect(form.getByLabel('Institution')).toHaveValue('mosque');
  // An empty name never leaves the page.
  await form.getByLabel('Name').fill('  ');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(form.getByText('Give the registrant’s name.')).toBeVisible();
  await form.getByLabel('Name').fill('Grace Obih');
  await form.getByLabel('Email').fill('grace@example.org');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(form).toHaveCount(0);
  const graceRow = admin.getByRole('row', { name: /Grace Obih/ });
  await expect(graceRow).toContainText('East London Mosque');
  // Her ticket is the same one, now for the corrected name.
  const graceTicket = tickets.find((t) => t.name === 'Grace Obi')!;
  await expect(graceRow.getByRole('link', { name: 'Ticket for Grace Obih' })).toHaveAttribute(
    'href',
    graceTicket.url,
  );
  // The door finds her by the corrected name, without her email.
  await doorSearch.fill('obih');
  await expect(door.getByTestId('registrant')).toHaveCount(1);
  await expect(door.getByTestId('registrant')).toContainText('Grace Obih');
  await expect(door.getByTestId('registrant')).not.toContainText('grace@example.org');

  // Removing asks first, naming the person; their ticket then says it was withdrawn.
  await search.fill('ade');
  await admin.getByRole('button', { name: 'Remove Ade Bello' }).click();
  await expect(admin.getByText('Remove Ade Bello? Their ticket will stop working.')).toBeVisible();
  await admin.getByRole('button', { name: 'Keep' }).click();
  await expect(admin.getByRole('link', { name: 'Ticket for Ade Bello' })).toBeVisible();
  await admin.getByRole('button', { name: 'Remove Ade Bello' }).click();
  await admin.getByRole('button', { name: 'Remove Ade Bello', exact: true }).click();
  await expect(admin.getByText('0 of 232 registrants match.')).toBeVisible();
  const adeTicket = tickets.find((t) => t.name === 'Ade Bello')!;
  const ticketPage = await openPage({ width: 412, height: 800 });
  await ticketPage.goto(new URL(adeTicket.url).pathname);
  await expect(ticketPage.getByText('This ticket was withdrawn')).toBeVisible();
  await doorSearch.fill('Ade Bello');
  await expect(door.getByTestId('registrant')).toHaveCount(0);

  // Someone checked in cannot be removed: the refusal says what to do.
  await search.fill('yusuf');
  await admin.getByRole('button', { name: 'Remove Yusuf Ali' }).click();
  await admin.getByRole('button', { name: 'Remove Yusuf Ali', exact: true }).click();
  await expect(admin.getByRole('alert')).toContainText(
    'Yusuf Ali is checked in: undo the check-in at the door first.',
  );
  await expect(admin.getByRole('link', { name: 'Ticket for Yusuf Ali' })).toBeVisible();
});
