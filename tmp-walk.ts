import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/e2e/browser';
import { createAssembly, importSetup, startServer } from './tests/integration/harness';

const server = await startServer();
const created = await createAssembly(server.url, { title: 'Hostile Night' });
await importSetup(server.url, created);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
await phone.goto(`${server.url}/j/${created.code}`);
for (let i = 0; i < 9; i++) {
  await phone.getByLabel('Your name').fill(`Family member ${i + 1}`);
  await phone.getByLabel(/institution/i).first().selectOption({ index: 1 }).catch(async () => {
    await phone.getByRole('radio').first().check();
  });
  await phone.getByRole('button', { name: 'Check in' }).click();
  if (i < 8) {
    await phone.getByText("You're checked in").first().waitFor({ timeout: 5000 }).catch(() => {});
    await phone.getByRole('button', { name: 'Check in someone else on this phone' }).click();
  }
}
await phone.waitForTimeout(1000);
await phone.screenshot({ path: '/tmp/hostile/shots/phone-limit.png', fullPage: true });
// The organiser saves the setup (now over HTTP).
const admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await admin.goto(`${server.url}${new URL(created.links.admin).pathname}${new URL(created.links.admin).hash}`);
await admin.waitForTimeout(1500);
await admin.screenshot({ path: '/tmp/hostile/shots/admin.png' });
const door = await browser.newPage({ viewport: { width: 360, height: 740 } });
await door.goto(`${server.url}${new URL(created.links.door).pathname}${new URL(created.links.door).hash}`);
await door.waitForTimeout(1500);
await door.screenshot({ path: '/tmp/hostile/shots/door.png' });
await browser.close();
await server.close();
process.exit(0);
