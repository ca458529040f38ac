import { type APIRequestContext, type Browser, test as base, expect, type Page } from '@playwright/test';

export { expect };

export interface Assembly {
  code: string;
  /** Paths with their #key fragment, relative to the test server. */
  paths: { admin: string; chair: string; door: string; screen: string; join: string };
}

/** Each test makes its own assembly, so tests run in any order and in parallel. */
export async function createAssembly(
  request: APIRequestContext,
  setup?: object,
  title = 'E2E Assembly',
): Promise<Assembly> {
  const response = await request.post('/api/assemblies', { data: { title, venue: 'Test Hall' } });
  expect(response.status()).toBe(201);
  const { code, links } = (await response.json()) as { code: string; links: Record<string, string> };
  const local = (link: string) => {
    const url = new URL(link);
    return url.pathname + url.hash;
  };
  const assembly: Assembly = {
    code,
    paths: {
      admin: local(links.admin!),
      chair: local(links.chair!),
      door: local(links.door!),
      screen: local(links.screen!),
      join: local(links.join!),
    },
  };
  if (setup) {
    const adminKey = new URL(links.admin!).hash.replace('#key=', '');
    const imported = await request.post(`/api/assemblies/${code}/import`, {
      data: setup,
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(imported.status(), await imported.text()).toBe(200);
  }
  return assembly;
}

export type OpenPage = (options?: { width?: number; height?: number }) => Promise<Page>;

/** Pages that fail the test if they throw: an uncaught error on the projector is a defect. */
export const test = base.extend<{ openPage: OpenPage }>({
  openPage: async ({ browser }: { browser: Browser }, use) => {
    const errors: string[] = [];
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async ({ width = 1280, height = 800 } = {}) => {
      const context = await browser.newContext({ viewport: { width, height } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    });
    for (const context of contexts) await context.close();
    expect(errors, 'uncaught errors in pages').toEqual([]);
  },
});

/** A door with no network queues two walk-ins at Riverside School and one more in Stalls. */
export async function queueTwoWalkInsAndAHeadcount(door: Page): Promise<void> {
  await door.getByRole('tab', { name: 'Walk-in' }).click();
  for (const name of ['Offline Olu', 'Offline Pim']) {
    await door.getByLabel('Name', { exact: true }).fill(name);
    await door.getByLabel('Institution').selectOption({ label: 'Riverside School' });
    await door.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(door.getByTestId('door-report')).toContainText('saved on this device');
  }
  await door.getByRole('tab', { name: 'Count' }).click();
  await door.getByRole('button', { name: 'One more in Stalls' }).click();
  await expect(door.getByTestId('outbox-waiting')).toHaveText('3 waiting to sync');
}
