import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createAssembly, expect, test } from './fixtures';

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 2, notes: 'Phones on silent' },
    { id: 'grace', kind: 'testimony', title: 'Testimony: Grace', speaker: 'Grace Mensah', minutes: 3 },
  ],
};

/** Every finding, of any impact: the pages are clean today and should stay so. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

test('the home page, chair console, projector and phone page have no accessibility faults axe can find', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const page = await openPage();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Create an assembly' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto(assembly.paths.chair);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('chair-item-title')).toHaveText('Welcome');
  expect(await violations(page)).toEqual([]);

  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await expect(phone.getByRole('heading', { name: 'Welcome', level: 2 })).toBeVisible();
  expect(await violations(phone)).toEqual([]);

  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('item-title')).toHaveText('Welcome');
  expect(await violations(screen)).toEqual([]);

  await phone.goto('/j/ZZZZZZ');
  await expect(phone.getByTestId('refused')).toBeVisible();
  expect(await violations(phone)).toEqual([]);
  await screen.goto('/a/ZZZZZZ/screen');
  await expect(screen.getByTestId('refused')).toBeVisible();
  expect(await violations(screen)).toEqual([]);
});

test('check-in on a phone, the door page, the roll call and a ticket have no accessibility faults axe can find', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, {
    ...SETUP,
    institutions: Array.from({ length: 12 }, (_, i) => ({
      id: `inst${i}`,
      name: `Institution ${i + 1}`,
      section: i % 2 ? 'Balcony' : 'Stalls',
      committed: 10 + i,
    })),
  });
  const adminKey = assembly.paths.admin.split('#key=')[1]!;
  const imported = await request.post(`/api/assemblies/${assembly.code}/registrants`, {
    data: { registrants: [{ name: 'Ada Lovelace', institution: 'Institution 1' }, { name: 'Adam Smith' }] },
    headers: { authorization: `Bearer ${adminKey}` },
  });
  const [ticket] = (await imported.json()).tickets as { url: string }[];

  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  // The form with its errors showing, then checked in.
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(phone.getByText('Please type your name.')).toBeVisible();
  expect(await violations(phone)).toEqual([]);
  await phone.getByLabel('Search').fill('Institution 1');
  await phone.getByLabel('Your name').fill('Ada');
  await phone.getByLabel('Institution 1', { exact: true }).check();
  await phone.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();
  expect(await violations(phone)).toEqual([]);

  const door = await openPage({ width: 412, height: 900 });
  await door.goto(assembly.paths.door);
  await door.getByLabel(/^Name \(2 registered\)/).fill('Ada');
  await expect(door.getByTestId('registrant')).toHaveCount(2);
  await door.getByTestId('registrant').first().getByRole('button').click();
  await expect(door.getByTestId('door-report')).toContainText('checked in');
  await door.getByText('By institution').click();
  expect(await violations(door)).toEqual([]);

  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  const chairKey = assembly.paths.chair.split('#key=')[1]!;
  await request.post(`/api/assemblies/${assembly.code}/commands`, {
    data: { type: 'setScene', scene: 'rollCall' },
    headers: { authorization: `Bearer ${chairKey}` },
  });
  await expect(screen.getByTestId('scene-roll-call')).toBeVisible();
  expect(await violations(screen)).toEqual([]);

  await phone.goto(new URL(ticket!.url).pathname);
  await expect(phone.getByTestId('ticket')).toBeVisible();
  expect(await violations(phone)).toEqual([]);
});

test('the ask on the console and the screen, the commitments board and the public record have no accessibility faults axe can find', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, {
    agenda: [{ id: 'ask', kind: 'ask', title: 'The ask', minutes: 5, ask: 'homes' }],
    powerHolders: [
      { id: 'mayor', name: 'Mayor Jones', role: 'Mayor' },
      { id: 'ceo', name: 'Dr Patel', role: 'CEO', attending: false },
    ],
    asks: [{ id: 'homes', title: 'Homes', wording: 'Will you build 500 homes?', targets: ['mayor', 'ceo'] }],
  });
  const chair = await openPage({ width: 1280, height: 1000 });
  await chair.goto(assembly.paths.chair);
  await chair.getByRole('button', { name: 'Next →' }).click();
  await chair.getByRole('button', { name: 'YES for Mayor Jones' }).click();
  await chair.getByRole('button', { name: 'ABSENT for Dr Patel' }).click();
  await expect(chair.locator('[data-holder="ceo"]')).toContainText('ABSENT');
  expect(await violations(chair)).toEqual([]);

  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  await expect(screen.getByTestId('scene-ask')).toContainText('YES');
  expect(await violations(screen)).toEqual([]);
  await chair.getByRole('button', { name: 'Commitments' }).click();
  await expect(screen.getByTestId('commitments-board')).toBeVisible();
  expect(await violations(screen)).toEqual([]);

  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(`/r/${assembly.code}`);
  await expect(phone.getByTestId('record')).toContainText('YES');
  expect(await violations(phone)).toEqual([]);
});
