import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createApplication } from '../../server/app';
import { nightClock, playDemoNight } from '../../server/demoNight';
import { createLogger } from '../../server/logger';
import { SqliteStore } from '../../server/store/sqliteStore';
import { tempDir } from '../integration/harness';
import { freePort } from '../integration/serverProcess';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Its own server, whose clock the demo night sets: a whole night's journal in a second. */
async function serveDemoNight() {
  const clock = nightClock();
  const app = createApplication({
    store: new SqliteStore(path.join(tempDir(), 'assembly-live.sqlite')),
    logger: createLogger('silent'),
    now: clock.now,
  });
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const night = await playDemoNight(app.host, clock);
  return { app, night, base: `http://127.0.0.1:${port}` };
}

test('the evaluation of a scripted night: run of show, arrivals, turnout and asks, printable and accessible', async ({
  openPage,
}) => {
  const { app, night, base } = await serveDemoNight();
  const page = await openPage({ width: 1366, height: 768 });
  try {
    await page.goto(`${base}/a/${night.code}/evaluation#key=${night.keys.admin}`);
    await expect(page.getByRole('heading', { name: /^Evaluation · Riverside Citizens/ })).toBeVisible();

    // The run of show: every item, planned against actual; the roll call ran 5 minutes over.
    const run = page.getByTestId('run-of-show-table');
    await expect(run.locator('tbody tr')).toHaveCount(11);
    await expect(run.getByRole('row', { name: /Roll call of institutions/ })).toContainText('5 min over');
    await expect(run.getByRole('row', { name: /One-to-ones/ })).toContainText('2 min under');
    await expect(run.getByRole('row', { name: /The ask: Real Living Wage/ })).toContainText('on 3 times');
    await expect(page.getByTestId('finish-chart')).toBeVisible();

    // Arrivals by way and by door, the headcount beside the named count.
    await expect(page.getByTestId('arrivals-chart')).toBeVisible();
    const arrivals = page.getByTestId('evaluation-arrivals');
    await expect(arrivals.getByRole('row', { name: /North door/ })).toBeVisible();
    await expect(arrivals.getByRole('row', { name: /South door/ })).toBeVisible();
    await expect(arrivals).toContainText('against a headcount of 383');

    // Turnout: who delivered first, who fell short last.
    await expect(page.getByTestId('turnout-chart')).toBeVisible();
    const turnoutRows = page.getByTestId('turnout-table').locator('tbody tr');
    await expect(turnoutRows.first()).toContainText("Riverside Tenants' Union");
    await expect(turnoutRows.last()).toContainText('Riverside College');
    await expect(turnoutRows.last()).toContainText('short by 20');

    // The asks: a waffle pressed into yes keeps both; the rehearsal's practice answer is not there.
    const livingWage = page.getByTestId('ask-answers').filter({ hasText: 'Real Living Wage' });
    const hughes = livingWage.getByRole('row', { name: /David Hughes/ });
    await expect(hughes).toContainText('YES');
    await expect(hughes).toContainText('WAFFLE “We will look at it”');
    await expect(hughes).toContainText('1 min 15 s of 1 min (over by 15 s)');
    await expect(livingWage.getByRole('row', { name: /Cllr Jane Okafor/ })).not.toContainText('NO');
    const housing = page.getByTestId('ask-answers').filter({ hasText: 'Safe and affordable homes' });
    await expect(housing.getByRole('row', { name: /David Hughes/ })).toContainText('taken back at');

    // The core team's three evaluations, and a fourth added here.
    await expect(page.getByTestId('ratings-table').locator('tbody tr')).toHaveCount(3);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'docs/images/evaluation.png'), fullPage: true });

    await page.getByLabel('Your name').fill('Sister Bernadette');
    await page.getByLabel('What worked').fill('The students’ ask.');
    await page.getByRole('group', { name: 'The chairing' }).getByLabel('5 of 5').check();
    await page.getByRole('button', { name: 'Submit evaluation' }).click();
    await expect(page.getByRole('status')).toContainText('Thank you, Sister Bernadette');
    await expect(page.getByTestId('ratings-table').locator('tbody tr')).toHaveCount(4);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Submit evaluation' })).toBeHidden();
    await page.screenshot({ path: path.join(ROOT, 'test-results/evaluation-print.png'), fullPage: true });
  } finally {
    // The page first: left open, it would keep reconnecting to the server being closed.
    await page.close();
    await app.close();
  }
});

test('the evaluation page needs the organiser link', async ({ openPage, request }) => {
  const created = await request.post('/api/assemblies', { data: { title: 'Keyed', venue: 'Hall' } });
  const { code, links } = (await created.json()) as { code: string; links: Record<string, string> };
  const chairKey = new URL(links.chair!).hash;
  const page = await openPage();
  await page.goto(`/a/${code}/evaluation${chairKey}`);
  await expect(page.getByRole('heading', { name: 'This needs the organiser link' })).toBeVisible();
  const refused = await request.get(`/api/assemblies/${code}/evaluation`, {
    headers: { authorization: `Bearer ${chairKey.replace('#key=', '')}` },
  });
  expect(refused.status()).toBe(403);
});
