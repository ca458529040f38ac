import path from 'node:path';
import { type Assembly, createAssembly, expect, type OpenPage, test } from './fixtures';

const SETUP = {
  agenda: [
    {
      id: 'welcome',
      kind: 'welcome',
      title: 'Welcome from the co-chairs',
      minutes: 2,
      notes: 'Private chair note',
    },
    {
      id: 'grace',
      kind: 'testimony',
      title: 'Testimony: working two jobs',
      speaker: 'Grace Mensah',
      minutes: 3,
    },
    { id: 'short', kind: 'testimony', title: 'A very short testimony', minutes: 0.1, warningSeconds: 3 },
    { id: 'close', kind: 'close', title: 'Close and next steps', minutes: 5 },
  ],
};

/** The chair's laptop and the projector, side by side: the two pages of every night. */
async function openChairAndScreen(openPage: OpenPage, assembly: Assembly) {
  const chair = await openPage();
  const screen = await openPage({ width: 1280, height: 720 });
  await chair.goto(assembly.paths.chair);
  await screen.goto(assembly.paths.screen);
  return { chair, screen };
}

const seconds = (clock: string) => {
  const [m, s] = clock.replace('+', '').split(':').map(Number);
  return m! * 60 + s!;
};

test('the chair runs a testimony and the screen follows, reloads and shows messages', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const { chair, screen } = await openChairAndScreen(openPage, assembly);

  await expect(screen.getByTestId('scene-welcome')).toContainText('E2E Assembly');
  await expect(chair.getByText('Not started.')).toBeVisible();

  // Jump to the testimony and start its timer.
  await chair.getByRole('button', { name: /Testimony: working two jobs/ }).click();
  await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');
  await expect(screen.getByTestId('item-kind')).toHaveText('Testimony');
  await expect(screen.getByTestId('timer')).toHaveText('3:00');
  await chair.getByRole('button', { name: 'Start' }).click();
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
  await expect.poll(async () => seconds(await screen.getByTestId('timer').innerText())).toBeLessThan(179);
  expect(await screen.content()).not.toContain('Private chair note');

  // The screen reloads and comes back to the same item, still counting.
  await screen.reload();
  await expect(screen.getByTestId('item-title')).toHaveText('Testimony: working two jobs');
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
  const chairClock = seconds(await chair.getByTestId('timer').innerText());
  const screenClock = seconds(await screen.getByTestId('timer').innerText());
  expect(Math.abs(chairClock - screenClock)).toBeLessThanOrEqual(1);

  // A message appears on the screen and clears with one click.
  await chair.getByLabel('Message text').fill('Please take your seats');
  await chair.getByLabel('Message text').press('Enter');
  await expect(screen.getByTestId('banner')).toHaveText('Please take your seats');
  // The keyboard is the console's again at once: Space pauses, and again resumes.
  await chair.keyboard.press('Space');
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'false');
  await chair.keyboard.press('Space');
  await expect(screen.getByTestId('timer')).toHaveAttribute('data-running', 'true');
  await chair.getByRole('button', { name: 'Clear message' }).click();
  await expect(screen.getByTestId('banner')).toHaveCount(0);

  // The keyboard advances; the screen follows.
  await chair.keyboard.press('ArrowRight');
  await expect(screen.getByTestId('item-title')).toHaveText('A very short testimony');
  await expect(chair.getByTestId('chair-item-title')).toHaveText('A very short testimony');

  // Space starts it; amber at the warning, red and TIME UP at zero, counting overtime up.
  await chair.keyboard.press('Space');
  const timer = screen.getByTestId('timer');
  await expect(timer).toHaveAttribute('data-tone', 'warning', { timeout: 6_000 });
  await expect(timer).toHaveAttribute('data-tone', 'overtime', { timeout: 6_000 });
  await expect(timer).toContainText('TIME UP');
  await expect.poll(async () => (await timer.innerText()).startsWith('+0:0')).toBe(true);
  // A red panel with white digits, flashing to red digits on white: red is in it either way.
  const look = await timer.evaluate((el) => [
    getComputedStyle(el).color,
    getComputedStyle(el).backgroundColor,
  ]);
  expect(look).toContain('rgb(164, 22, 26)');
});

test('a wrong press is undone, and the screen can show the join QR or go blank', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const { chair, screen } = await openChairAndScreen(openPage, assembly);

  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(screen.getByTestId('item-title')).toHaveText('Welcome from the co-chairs');
  await chair.getByRole('button', { name: 'Join QR' }).click();
  await expect(screen.getByTestId('scene-join')).toContainText(assembly.code);
  await expect(screen.getByTestId('join-qr').locator('svg')).toBeVisible();
  await chair.keyboard.press('b');
  await expect(screen.getByTestId('scene-blank')).toBeVisible();
  await expect(chair.getByTestId('undo')).toHaveAccessibleName('Undo: scene change to Blank');

  // The stage-facing monitor shows the speaker's clock whatever the room's screen shows.
  const monitor = await openPage({ width: 1280, height: 720 });
  await monitor.goto(`${assembly.paths.screen}?view=timer`);
  await expect(monitor.getByTestId('scene-speaker')).toContainText('Welcome from the co-chairs');
  await expect(monitor.getByTestId('timer')).toHaveText('2:00');

  await chair.getByRole('button', { name: /Undo/ }).click();
  await expect(screen.getByTestId('scene-join')).toBeVisible();
  await chair.keyboard.press('u');
  await expect(screen.getByTestId('scene-agenda')).toBeVisible();
  await expect(screen.getByTestId('item-title')).toHaveText('Welcome from the co-chairs');
});

test('bad links say what is wrong instead of showing a blank page', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const page = await openPage();
  await page.goto('/a/ZZZZZZ/screen');
  await expect(page.getByTestId('refused')).toContainText('No assembly with code ZZZZZZ');
  await page.goto(`/a/${assembly.code}/chair#key=forged-key`);
  await expect(page.getByTestId('refused')).toContainText('This link does not work');
  await page.goto(`/a/${assembly.code}/chair`);
  await expect(page.getByRole('alert')).toContainText('chair link');
  const missing = await page.goto('/no/such/page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/a/ZZZZZZ/screen');
  await page.getByLabel('Try the code on the screen').fill(assembly.code.toLowerCase());
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(new RegExp(`/j/${assembly.code}$`));
  await expect(page.getByRole('heading', { name: 'E2E Assembly' })).toBeVisible();

  // A chair console whose link the organiser replaces is told so, not just "does not work".
  await page.goto(assembly.paths.chair);
  await expect(page.getByRole('button', { name: 'Join QR' })).toBeVisible();
  const adminKey = assembly.paths.admin.split('#key=')[1];
  const regenerated = await request.post(`/api/assemblies/${assembly.code}/keys/chair`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  expect(regenerated.status()).toBe(200);
  await expect(page.getByTestId('refused')).toContainText('This link has been replaced');
  await expect(page.getByTestId('refused')).toContainText(
    'The organiser made a new link for this screen; ask them for it.',
  );

  // A door whose link is replaced (a lost or stolen phone) lets go of the names it held.
  await page.goto(assembly.paths.door);
  await expect(page.getByRole('heading', { name: 'Check someone in' })).toBeVisible();
  const cached = () =>
    page.evaluate(
      (code) => Object.keys(localStorage).filter((key) => key.includes(`:mirror:${code}:staff`)).length,
      assembly.code,
    );
  await expect.poll(cached).toBe(1);
  const replaced = await request.post(`/api/assemblies/${assembly.code}/keys/door`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  expect(replaced.status()).toBe(200);
  await expect(page.getByTestId('refused')).toContainText('This link has been replaced');
  expect(await cached()).toBe(0);
});

test('an organiser creates an assembly from the home page and gets its links', async ({ openPage }) => {
  const page = await openPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  await expect(page.getByText('Give the assembly a title.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Planned start').fill('2030-05-01T19:00');
  await page.getByLabel('Planned finish').fill('2030-05-01T18:00');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  await expect(page.getByText('The planned finish must be after the planned start.')).toBeVisible();
  await page.getByLabel('Planned finish').fill('2030-05-01T20:30');
  await page.getByLabel('Title').fill('Northside Assembly');
  await page.getByLabel('Venue').fill('Northside Academy');
  await page.getByRole('button', { name: 'Create assembly' }).click();
  await expect(page.getByTestId('created')).toBeVisible();
  const code = await page.getByTestId('created-code').innerText();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByTestId('link-chair')).toHaveAttribute(
    'href',
    new RegExp(`/a/${code}/chair#key=.{24}$`),
  );
  await expect(page.getByTestId('link-screen')).toHaveAttribute('href', new RegExp(`/a/${code}/screen$`));

  const chairUrl = new URL((await page.getByTestId('link-chair').getAttribute('href'))!);
  const chair = await openPage();
  await chair.goto(chairUrl.pathname + chairUrl.hash);
  await expect(chair.getByRole('heading', { name: 'Northside Assembly' })).toBeVisible();
  await expect(chair.getByText('The agenda is empty')).toBeVisible();
});

test('the organiser imports a setup file; a broken one is refused with the reason', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request);
  const page = await openPage();
  await page.goto(assembly.paths.admin);
  await expect(page.getByTestId('agenda-total')).toContainText('0 items,');

  await page.locator('#setup-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ agenda: [{ kind: 'ask', title: 'The ask', minutes: 2, ask: 'missing' }] }),
    ),
  });
  await expect(page.getByTestId('import-result')).toContainText('no ask with id "missing"');
  await page
    .locator('#setup-file')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(page.getByTestId('import-result')).toContainText('not valid JSON');
  await expect(page.getByTestId('agenda-total')).toContainText('0 items,');

  await page
    .locator('#setup-file')
    .setInputFiles(path.resolve(import.meta.dirname, '../../examples/demo-assembly.json'));
  await expect(page.getByTestId('import-result')).toContainText('Imported demo-assembly.json');
  await expect(page.getByTestId('agenda-total')).toContainText('11 items, 1 h in all');
  await expect(page.getByText('12 institutions')).toBeVisible();
});
