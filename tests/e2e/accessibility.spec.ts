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
