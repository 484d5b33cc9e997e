import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { freePort, frenchWizardStart, openView, skipWizard, snapScreen, useFakeOpenClaw } from './window-support';

/** The gateway token the app persisted in openclaw.json. */
const gatewayToken = (stateDir: string) => (JSON.parse(fs.readFileSync(path.join(stateDir, 'openclaw.json'), 'utf8')) as { gateway: { auth: { token: string } } }).gateway.auth.token;

/** Clicks the "Open dashboard" button and returns the page it opened (the web shell opens it as a new tab). */
async function openDashboard(page: Page, button: Locator) {
  const popup = page.context().waitForEvent('page');
  await button.click();
  const tab = await popup;
  await tab.waitForLoadState();
  return tab;
}

test('"Open dashboard" appears once the gateway is ready and opens OpenClaw\'s dashboard with the gateway token', { tag: '@web-shell' }, async ({ page, shell }) => {
  const port = await freePort();
  await skipWizard(page);
  await useFakeOpenClaw(page, port);
  await openView(page, 'Status');
  const card = page.getByRole('region', { name: 'Gateway' });
  await expect(card.getByRole('button', { name: 'Open dashboard' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(card.getByTestId('gateway-status')).toHaveText('Ready', { timeout: 30_000 });

  const tab = await openDashboard(page, card.getByRole('button', { name: 'Open dashboard' }));
  expect(tab.url()).toBe(`http://127.0.0.1:${port}/#token=${gatewayToken(shell.stateDir)}`);
  await expect(tab.getByText('Signed in with the gateway token')).toBeVisible();
  await tab.close();
  await expect(card.getByRole('status').filter({ hasText: 'Opened in your browser.' })).toBeVisible();
  await snapScreen(page, 'status-dashboard');

  await openView(page, 'Gateway');
  await expect(page.getByRole('button', { name: 'Open dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('gateway-page-status')).toHaveText('Stopped', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Open dashboard' })).toHaveCount(0);
});

test('the wizard\'s last step offers the dashboard once the gateway is ready (French)', { tag: '@web-shell' }, async ({ page }) => {
  await frenchWizardStart(page, await freePort(), async (shell) => {
    await expect(page.getByTestId('wizard-gateway-status')).toHaveText('Prête', { timeout: 30_000 });
    await snapScreen(page, 'wizard-dashboard-fr');
    const tab = await openDashboard(page, page.getByRole('button', { name: 'Ouvrir le tableau de bord' }));
    expect(tab.url()).toContain(`#token=${gatewayToken(shell.stateDir)}`);
    await expect(tab.getByText('Signed in with the gateway token')).toBeVisible();
  });
});
