import { createAssembly, expect, queueTwoWalkInsAndAHeadcount, test } from './fixtures';

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 5 },
    { id: 'story', kind: 'testimony', title: 'Testimony: damp homes', minutes: 3 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's", section: 'Stalls', committed: 10 },
    { id: 'school', name: 'Riverside School', section: 'Stalls', committed: 10 },
  ],
};

test('the readiness panel shows a projector and a door connecting and dropping; the chair sees the same', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const organiser = await openPage({ width: 1280, height: 900 });
  await organiser.goto(assembly.paths.admin);
  const readiness = organiser.getByTestId('readiness');
  await expect(readiness.getByRole('heading', { name: 'Ready for the night?' })).toBeVisible();
  const projectorCheck = readiness.locator('[data-check="projector"]');
  const doorsCheck = readiness.locator('[data-check="doors"]');
  await expect(projectorCheck).toHaveAttribute('data-status', 'todo');
  await expect(doorsCheck).toHaveAttribute('data-status', 'todo');
  // No planned start or finish yet: said, with where to set them.
  await expect(readiness.locator('[data-check="plannedTimes"]')).toContainText(
    'Set the planned start and finish',
  );
  // The test server's links are on localhost: phones could not open them.
  await expect(readiness.locator('[data-check="joinLink"]')).toHaveAttribute('data-status', 'todo');

  const chair = await openPage({ width: 1366, height: 768 });
  await chair.goto(assembly.paths.chair);
  const summary = chair.getByTestId('connected-summary');
  await expect(summary).toContainText('0 screens, 0 doors');

  // The projector connects.
  const screen = await openPage({ width: 1280, height: 720 });
  await screen.goto(assembly.paths.screen);
  await expect(readiness.getByTestId('connected-screen')).toContainText('Screen 1');
  await expect(readiness.getByTestId('connected-screen')).toContainText('Follow agenda');
  await expect(projectorCheck).toHaveAttribute('data-status', 'ready');
  await expect(summary).toContainText('1 screen, 0 doors');

  // A door connects, by its label.
  const door = await openPage({ width: 360, height: 740 });
  await door.goto(assembly.paths.door);
  const doorRow = readiness.getByTestId('connected-door');
  await expect(doorRow).toContainText(/Door [0-9A-F]{4}/);
  await expect(doorRow).toHaveAttribute('data-online', 'true');
  await expect(doorRow).toContainText('online');
  await expect(doorsCheck).toHaveAttribute('data-status', 'ready');
  await expect(summary).toContainText('1 screen, 1 door');

  // A phone on the join page counts.
  const phone = await openPage({ width: 360, height: 740 });
  await phone.goto(assembly.paths.join);
  await expect(readiness.getByTestId('connected-phones')).toContainText('1 phone');

  // The door drops: shown offline within seconds, and the checklist says so.
  await door.close();
  await expect(doorRow).toHaveAttribute('data-online', 'false', { timeout: 6_000 });
  await expect(doorRow).toContainText('offline since');
  await expect(doorsCheck).toContainText('went offline');
  await expect(summary).toContainText('0 doors (1 offline)', { timeout: 6_000 });

  // The projector drops.
  await screen.close();
  await expect(readiness.getByTestId('connected-screen')).toHaveCount(0, { timeout: 6_000 });
  await expect(readiness).toContainText('No screen is connected.');
  await expect(projectorCheck).toHaveAttribute('data-status', 'todo');
});

test('"Flash screen 2" shows its name on that projector only', async ({ openPage, request }) => {
  const assembly = await createAssembly(request, SETUP);
  const organiser = await openPage({ width: 1280, height: 900 });
  await organiser.goto(assembly.paths.admin);
  const readiness = organiser.getByTestId('readiness');

  const first = await openPage({ width: 1280, height: 720 });
  await first.goto(assembly.paths.screen);
  await expect(readiness.getByTestId('connected-screen')).toHaveCount(1);
  const second = await openPage({ width: 1024, height: 768 });
  await second.goto(assembly.paths.screen);
  await expect(readiness.getByTestId('connected-screen')).toHaveCount(2);

  await readiness.getByRole('button', { name: 'Flash screen 2' }).click();
  await expect(second.getByTestId('screen-flash')).toHaveText('Screen 2');
  await expect(first.getByTestId('screen-flash')).toHaveCount(0);
  // It goes by itself after a few seconds.
  await expect(second.getByTestId('screen-flash')).toHaveCount(0, { timeout: 10_000 });
});

test('a door that loses the wifi shows offline on the panel, then online again once its queue syncs', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP);
  const organiser = await openPage({ width: 1280, height: 900 });
  await organiser.goto(assembly.paths.admin);
  const readiness = organiser.getByTestId('readiness');
  const door = await openPage({ width: 360, height: 740 });
  await door.goto(assembly.paths.door);
  const doorRow = readiness.getByTestId('connected-door');
  await expect(doorRow).toHaveAttribute('data-online', 'true');

  await door.context().setOffline(true);
  await expect(doorRow).toHaveAttribute('data-online', 'false', { timeout: 6_000 });
  await expect(readiness.locator('[data-check="doors"]')).toHaveAttribute('data-status', 'todo');
  await queueTwoWalkInsAndAHeadcount(door);

  await door.context().setOffline(false);
  await expect(doorRow).toHaveAttribute('data-online', 'true', { timeout: 15_000 });
  await expect(door.getByTestId('outbox-waiting')).toHaveCount(0, { timeout: 20_000 });
  await expect(doorRow).not.toContainText('waiting to sync', { timeout: 10_000 });
  await expect(readiness.locator('[data-check="doors"]')).toHaveAttribute('data-status', 'ready');
});
