import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createAssembly, expect, test } from './fixtures';

const seconds = (clock: string) => {
  const [m, s] = clock
    .replace(/[^\d:]/g, '')
    .split(':')
    .map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

const csvFile = (text: string) => ({
  name: 'institutions.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

test('an organiser builds a small assembly from nothing in the browser, and the chair runs its first item', async ({
  openPage,
}) => {
  const page = await openPage({ width: 1280, height: 900 });
  page.on('dialog', (dialog) => void dialog.accept());

  // Create it on the home page; the organiser link it gives opens the organiser page.
  await page.goto('/');
  await page.getByLabel('Title').fill('Riverside Assembly');
  await page.getByLabel('Planned start').fill('2030-06-01T18:00');
  await page.getByLabel('Planned finish').fill('2030-06-01T18:20');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  const code = (await page.getByTestId('created-code').textContent())!;
  const chairLink = (await page.getByTestId('link-chair').getAttribute('href'))!;
  const adminLink = (await page.getByTestId('link-admin').getAttribute('href'))!;
  await expect(page.getByTestId('held-assembly')).toContainText(code);
  await page.goto(new URL(adminLink).pathname + new URL(adminLink).hash);
  await expect(page.getByRole('heading', { name: 'Riverside Assembly', level: 1 })).toBeVisible();
  // The page's contents take the organiser to a section and keep the page's key.
  await page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('link', { name: 'Institutions' })
    .click();
  await expect(page.getByRole('heading', { name: 'Institutions', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Add an institution' })).toBeVisible();
  expect(page.url()).toContain('#key=');

  // Details: a blank title is refused beside the field; a good one is saved.
  await page.locator('#details-title').fill(' ');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('#details-title-error')).toHaveText('Give the assembly a title.');
  await page.locator('#details-title').fill('Riverside Assembly 2030');
  await page.locator('#details-venue').fill("St Mary's Hall");
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside Assembly 2030', level: 1 })).toBeVisible();
  await expect(page.locator('#details-venue')).toHaveValue("St Mary's Hall");

  // Three agenda items through the editor; a blank title is caught beside its field.
  const addItem = page.getByRole('button', { name: 'Add an agenda item' });
  for (const [i, title, minutes] of [
    [0, 'Welcome', '5'],
    [1, 'Testimony: Grace', '8'],
    [2, '', '10'],
  ] as const) {
    await addItem.click();
    await page.locator(`#setup-agenda-${i}-title`).fill(title);
    await page.locator(`#setup-agenda-${i}-minutes`).fill(minutes);
  }
  // 23 minutes against a 20-minute plan: the editor says so.
  await expect(page.getByTestId('agenda-total')).toContainText('3 min over the planned 20 min');
  await page.getByRole('button', { name: 'Save setup' }).click();
  await expect(page.locator('#setup-agenda-2-title-error')).toHaveText('Title must not be empty');
  await expect(page.locator('#setup-agenda-2-title')).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed was lost by the refused save.
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Testimony: Grace');
  await page.locator('#setup-agenda-2-title').fill('Close');
  await page.locator('#setup-agenda-2-minutes').fill('7');
  await expect(page.getByTestId('agenda-total')).toContainText('20 min in all of the planned 20 min');
  // Reorder by keyboard: the close goes up one, then back down with its button.
  await page.locator('#setup-agenda-2-title').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Close');
  // The keyboard follows the moved item to its row, a frame later: focusing a button before
  // that lost it to the row on a loaded machine, and Enter then moved nothing.
  await expect(page.locator('#agenda-item-1')).toBeFocused();
  // Moved by its buttons, the keyboard stays on the button pressed (or on the other one once
  // the item reaches an end and that one is disabled), so pressing again moves it on.
  const closeUp = page.getByRole('button', { name: 'Move up: Close' });
  const closeDown = page.getByRole('button', { name: 'Move down: Close' });
  await closeDown.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#setup-agenda-2-title')).toHaveValue('Close');
  await expect(closeUp).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Close');
  await expect(closeUp).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#setup-agenda-0-title')).toHaveValue('Close');
  await expect(closeDown).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Close');
  await expect(closeDown).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#setup-agenda-2-title')).toHaveValue('Close');
  await expect(closeUp).toBeFocused();
  // And by dragging the handle: the close onto the item above it, then back down.
  const handles = page.locator('.drag-handle');
  const rows = page.getByTestId('agenda-row');
  await handles.nth(2).dragTo(rows.nth(1));
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Close');
  await expect(page.locator('#setup-agenda-2-title')).toHaveValue('Testimony: Grace');
  await handles.nth(1).dragTo(rows.nth(2));
  await expect(page.locator('#setup-agenda-2-title')).toHaveValue('Close');
  await expect(page.locator('#setup-agenda-1-title')).toHaveValue('Testimony: Grace');
  await page.getByRole('button', { name: 'Save setup' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // Two institutions from a CSV file that also holds one bad row, which is reported.
  await page
    .getByTestId('csv-file')
    .setInputFiles(
      csvFile(
        "name,section,committed\nSt Mary's Church,Stalls,20\nRiverside School,Balcony,lots\nUnite,Balcony,12\n",
      ),
    );
  await expect(page.getByTestId('csv-problems')).toHaveText(
    'row 3: committed: must be a whole number (people), or empty for none',
  );
  await expect(page.getByRole('button', { name: /^Import \d+ institutions$/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
  await expect(page.getByTestId('csv-result')).toContainText('Imported 2 institutions');
  await expect(page.getByTestId('institution-row')).toHaveCount(2);
  await expect(page.locator('#setup-institutions-0-name')).toHaveValue("St Mary's Church");
  await expect(page.locator('#setup-institutions-1-name')).toHaveValue('Unite');
  expect(await violations(page)).toEqual([]);

  // The chair link it gave runs the first item.
  const chair = await openPage({ width: 1280, height: 800 });
  await chair.goto(new URL(chairLink).pathname + new URL(chairLink).hash);
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await expect(chair.getByTestId('timer')).toHaveText('5:00');
  await chair.getByRole('button', { name: 'Start' }).click();
  await expect(chair.getByTestId('timer')).toHaveAttribute('data-running', 'true');
  await expect.poll(async () => seconds(await chair.getByTestId('timer').innerText())).toBeLessThan(300);

  // Now live: deleting the running item is refused with a clear message, and the draft stays.
  await page.getByRole('button', { name: 'Delete Welcome' }).click();
  await page.getByRole('button', { name: 'Save setup' }).click();
  await expect(page.getByTestId('setup-problems')).toContainText('“Welcome” is the item running now');
  await expect(page.getByTestId('agenda-row')).toHaveCount(2);
});

test('the organiser page sections and home have no accessibility faults axe can find', async ({
  openPage,
}) => {
  // Nine axe analyses of long pages: a minute on a busy two-core machine.
  test.setTimeout(150_000);
  const page = await openPage({ width: 1280, height: 900 });
  await page.goto('/');
  await page.getByLabel('Title').fill('Axe Assembly');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  await expect(page.getByTestId('created')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  const adminLink = (await page.getByTestId('link-admin').getAttribute('href'))!;
  // Home again: the list of assemblies this browser holds.
  await page.goto('/');
  await expect(page.getByTestId('held-assembly')).toHaveCount(1);
  expect(await violations(page)).toEqual([]);

  const admin = new URL(adminLink);
  await page.goto(admin.pathname + admin.hash);
  // The links say who can open them (here the test server listens on 127.0.0.1 alone, so
  // they open only on this computer) and how to give them a public base.
  await expect(page.getByTestId('link-base').first()).toContainText(/open only on this computer/);
  await expect(page.getByTestId('link-base').first()).toContainText('PUBLIC_URL=');
  await page.getByRole('button', { name: 'Add an agenda item' }).click();
  await page.getByRole('button', { name: 'Add an institution' }).click();
  await page.getByRole('button', { name: 'Add a power-holder' }).click();
  await page.getByRole('button', { name: 'Add an ask' }).click();
  await page.getByRole('button', { name: 'Save setup' }).click();
  await expect(page.getByTestId('setup-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Show the join QR' }).click();
  // A long name makes the registrants table wider than a phone.
  const longName = 'Maximiliana Featherstonehaugh-Cholmondeley';
  await page.getByLabel('Name', { exact: true }).last().fill(longName);
  await page.getByRole('button', { name: 'Add a registrant' }).click();
  await expect(page.getByRole('link', { name: `Ticket for ${longName}` })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // A registrant's edit form with a refusal beside the field, and the remove confirmation.
  await page.getByRole('button', { name: `Edit ${longName}` }).click();
  const editForm = page.getByRole('form', { name: `Edit ${longName}` });
  await editForm.getByLabel('Name').fill('');
  await editForm.getByRole('button', { name: /^Save/ }).click();
  await expect(editForm.getByText('Give the registrant’s name.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await editForm.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: `Remove ${longName}` }).click();
  await expect(page.getByRole('button', { name: `Remove ${longName}`, exact: true })).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Keep' }).click();
  // On a phone the page fits its width: wide tables scroll inside their box, nothing sticks out.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const code = admin.pathname.split('/')[2];
  const key = admin.hash;
  await page.goto(`/a/${code}/exports${key}`);
  await expect(page.getByRole('button', { name: 'Download record.json' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  for (const sheet of ['poster', 'cards', 'tickets']) {
    await page.goto(`/a/${code}/print/${sheet}${key}`);
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  }
});

/** Whether leaving the page now would be stopped to ask first (a beforeunload listener says so). */
const asksBeforeLeaving = (page: Page) =>
  page.evaluate(() => {
    const leaving = new Event('beforeunload', { cancelable: true });
    dispatchEvent(leaving);
    return leaving.defaultPrevented;
  });

test('details typed but not saved are not lost to a reload without asking first', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request);
  const page = await openPage({ width: 1280, height: 900 });
  await page.goto(assembly.paths.admin);
  await expect(page.locator('#details-venue')).toHaveValue('Test Hall');
  expect(await asksBeforeLeaving(page)).toBe(false);
  await page.locator('#details-venue').fill("St Mary's Hall");
  expect(await asksBeforeLeaving(page)).toBe(true);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Details saved.')).toBeVisible();
  expect(await asksBeforeLeaving(page)).toBe(false);
});

test('the file pickers show the keyboard focus on the label people see', async ({ openPage, request }) => {
  const assembly = await createAssembly(request);
  const page = await openPage({ width: 1280, height: 900 });
  await page.goto(assembly.paths.admin);
  for (const [input, label] of [
    [page.getByTestId('csv-file'), 'Choose a CSV file…'],
    [page.locator('#setup-file'), 'Choose a setup file…'],
  ] as const) {
    const outline = () =>
      page.getByText(label, { exact: true }).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(await outline()).toBe('none');
    // Arrive by keyboard: from the control before it, Tab.
    await input.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await outline()).toBe('none');
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    expect(await outline()).toBe('solid');
  }
});
