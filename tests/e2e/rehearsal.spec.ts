import type { Page } from '@playwright/test';
import { createAssembly, expect, test } from './fixtures';

// A whole rehearsal the day before, through real pages: a phone checks in, a ticket is
// scanned at the door, a testimony is timed and an answer lands; every screen says
// REHEARSAL. Then End rehearsal: the marks go, the night is as it was, and the same people
// check in again.

const PHONE = { width: 360, height: 740 };
const SHOTS = process.env.REHEARSAL_SHOTS;

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 5 },
    { id: 'story', kind: 'testimony', title: 'Testimony: housing', speaker: 'Grace', minutes: 3 },
    { id: 'ask-homes', kind: 'ask', title: 'The housing ask', minutes: 5, ask: 'homes', responseSeconds: 60 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
  ],
  powerHolders: [{ id: 'mayor', name: 'Mayor Jones', role: 'Mayor', organisation: 'Tower Hamlets Council' }],
  asks: [{ id: 'homes', title: 'Homes', wording: 'Will you build 500 homes by 2028?', targets: ['mayor'] }],
};

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

test('a full rehearsal then End rehearsal: every screen marked during it, the night untouched after', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, 'Rehearsed Assembly');
  const adminKey = assembly.paths.admin.split('#key=')[1]!;
  const registered = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: { registrants: [{ name: 'Grace Obi', institution: "St Mary's Church" }] },
    headers: { authorization: `Bearer ${adminKey}` },
  });
  const [ticket] = (await registered.json()).tickets as { url: string }[];

  const chair = await openPage({ width: 1366, height: 768 });
  const screen = await openPage({ width: 1920, height: 1080 });
  const monitor = await openPage({ width: 1280, height: 720 });
  const door = await openPage(PHONE);
  const phone = await openPage(PHONE);
  const admin = await openPage();
  await chair.goto(assembly.paths.chair);
  await screen.goto(assembly.paths.screen);
  await monitor.goto(`${assembly.paths.screen}?view=timer`);
  await door.goto(assembly.paths.door);
  await phone.goto(assembly.paths.join);
  await admin.goto(assembly.paths.admin);
  const pages = [chair, screen, monitor, door, phone, admin];
  await expect(chair.getByTestId('chair-item-title').or(chair.getByText('Not started'))).toBeVisible();
  for (const page of pages) await expect(page.getByTestId('rehearsal-mark')).toHaveCount(0);

  // The chair starts it, having been asked.
  chair.once('dialog', (dialog) => void dialog.accept());
  await chair.getByTestId('start-rehearsal').click();
  for (const page of pages) await expect(page.getByTestId('rehearsal-mark')).toBeVisible();
  await expect(screen.getByTestId('rehearsal-mark')).toHaveText('REHEARSAL');

  // A phone checks in.
  await phone.getByLabel('Your name').fill('Rehearsal Rita');
  await phone.getByLabel("St Mary's Church").check();
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('Rehearsal Rita');
  // A ticket is scanned at the door, and the steward clicks the headcount.
  await door.getByRole('tab', { name: 'Ticket' }).click();
  await door.getByLabel('Ticket code or link').fill(ticket!.url);
  await door.getByLabel('Ticket code or link').press('Enter');
  await expect(door.getByTestId('door-report')).toContainText('Grace Obi is checked in.');
  await door.getByRole('tab', { name: 'Count' }).click();
  await door.getByRole('button', { name: 'One more in Stalls' }).click();
  await door.getByRole('button', { name: 'One more in Stalls' }).click();
  await expect(door.getByRole('status', { name: 'My count for Stalls' })).toHaveText('2');
  await expect(door.getByTestId('door-total')).toHaveText('2');

  // A timed testimony, then the ask and an answer.
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Testimony: housing');
  await chair.getByRole('button', { name: 'Start' }).click();
  await expect(monitor.getByTestId('scene-speaker')).toContainText('Testimony: housing');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('The housing ask');
  const mayor = chair.locator('[data-testid="holder-card"][data-holder="mayor"]');
  await mayor.getByRole('button', { name: 'YES for Mayor Jones' }).click();
  await expect(screen.locator('[data-testid="ask-answer"][data-holder="mayor"]')).toContainText('YES');
  await shot(screen, 'rehearsal-projector');
  await shot(monitor, 'rehearsal-monitor');
  await shot(chair, 'rehearsal-chair');
  await shot(phone, 'rehearsal-phone');
  await shot(door, 'rehearsal-door');

  // The public record says the rehearsal is not in it.
  const record = await openPage(PHONE);
  await record.goto(`/r/${assembly.code}`);
  await expect(record.getByTestId('record-rehearsal')).toBeVisible();
  await expect(record.getByTestId('answer-record')).not.toContainText('YES');

  // End rehearsal says what it will clear before it does.
  let asked = '';
  chair.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await chair.getByTestId('end-rehearsal').click();
  for (const page of [...pages, record]) await expect(page.getByTestId('rehearsal-mark')).toHaveCount(0);
  expect(asked).toContain('2 check-ins');
  expect(asked).toContain('a headcount of 2');
  expect(asked).toContain('1 answer');
  await expect(chair.getByText('Not started. Press Next')).toBeVisible();
  await expect(screen.locator('[data-testid="ask-answer"]')).toHaveCount(0);
  await expect(door.getByTestId('door-total')).toHaveText('0');
  // The clicker starts again from the server's copy: none.
  await expect(door.getByRole('status', { name: 'My count for Stalls' })).toHaveText('0');
  await expect(record.getByTestId('record-rehearsal')).toHaveCount(0);

  // The night: the phone shows the form again, and Grace's ticket works again at the door.
  await expect(phone.getByRole('button', { name: 'Check in' })).toBeVisible();
  await phone.getByLabel('Your name').fill('Real Rita');
  await phone.getByLabel("St Mary's Church").check();
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toContainText('Real Rita');
  await door.getByRole('tab', { name: 'Ticket' }).click();
  await door.getByLabel('Ticket code or link').fill(ticket!.url);
  await door.getByLabel('Ticket code or link').press('Enter');
  await expect(door.getByTestId('door-report')).toContainText('Grace Obi is checked in.');
  await expect(door.getByTestId('door-total')).toHaveText('2');
  // A reloaded phone still knows its real check-in.
  await phone.reload();
  await expect(phone.getByTestId('checked-in')).toContainText('Real Rita');
  // Once the night has begun, a rehearsal is refused and the chair is told why.
  chair.once('dialog', (dialog) => void dialog.accept());
  await chair.getByTestId('start-rehearsal').click();
  await expect(chair.getByTestId('chair-notice')).toContainText('2 people are checked in for real');
  await expect(admin.getByTestId('rehearsal-blocked')).toContainText('checked in for real');
});
