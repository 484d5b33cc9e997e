import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WebShell } from './web-shell';
import { openView, SETUP_TOKEN, skipWizard, snapScreen } from './window-support';

/** Saves a setup-token named `name` expiring `hours` from now through the credentials screen. */
async function saveExpiringToken(page: Page, name: string, hours: number): Promise<void> {
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Claude subscription (setup-token)' }).click();
  await page.getByLabel('Setup-token', { exact: true }).fill(SETUP_TOKEN);
  await page.getByRole('radio', { name: 'On a date…' }).check();
  const local = await page.evaluate((h) => {
    const d = new Date(Date.now() + h * 3_600_000 + 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, hours);
  await page.getByLabel('Expiry date and time').fill(local);
  await page.getByLabel('Profile name (optional)').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved as anthropic:${name}` })).toBeVisible();
}

async function shellGet(page: Page, shell: WebShell, route: string): Promise<unknown> {
  const res = await page.request.get(`${shell.origin}/api/shell/${route}`, { headers: { authorization: `Bearer ${shell.token}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

test('an alert shows in the banner; its notification opens the renew form prefilled; renewing clears it', async ({ page, shell }) => {
  await skipWizard(page);
  await saveExpiringToken(page, 'soon', 2);
  await openView(page, 'Status');
  const banner = page.getByRole('region', { name: /expires in 2 hours/ });
  await expect(banner).toContainText('Attention: anthropic:soon (Anthropic, agent main) expires in 2 hours.');
  await expect(page.getByRole('region', { name: 'Alerts' }).getByRole('listitem')).toHaveCount(1);
  await snapScreen(page, 'status-alert');

  await expect.poll(async () => ((await shellGet(page, shell, 'notifications')) as { notifications: unknown[] }).notifications.length).toBeGreaterThan(0);
  await openView(page, 'Settings');
  expect(await shellGet(page, shell, 'click-notification')).toMatchObject({ clicked: expect.any(String) });
  await expect(page.getByRole('heading', { name: 'Renew or replace anthropic:soon' })).toBeVisible();
  await expect(page.getByLabel('Profile name (optional)')).toHaveValue('soon');
  await expect(page.getByLabel('Setup-token', { exact: true })).toBeFocused();
  await snapScreen(page, 'form-renew');

  await page.getByLabel('Setup-token', { exact: true }).fill(SETUP_TOKEN.replace('A1b2', 'Z9y8'));
  await page.getByRole('radio', { name: 'In 1 year' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:soon' })).toBeVisible();
  await openView(page, 'Status');
  await expect(page.getByRole('region', { name: 'Alerts' })).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Credentials' }).getByText('Valid', { exact: true })).toBeVisible();
});

test('an alert can be snoozed for an hour, then dismissed', async ({ page }) => {
  await skipWizard(page);
  await saveExpiringToken(page, 'later', 5);
  await openView(page, 'Status');
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByRole('listitem')).toHaveCount(1);
  await alerts.getByText('Snooze').click();
  await snapScreen(page, 'status-snooze-menu');
  await page.keyboard.press('Escape');
  await expect(alerts.getByRole('button', { name: 'For 1 hour' })).toBeHidden();
  await alerts.getByText('Snooze').click();
  await alerts.getByRole('button', { name: 'For 1 hour' }).click();
  await expect(alerts.getByText(/snoozed until/)).toBeVisible();
  await expect(page.getByRole('region', { name: /expires in 5 hours/ })).toHaveCount(0);

  await alerts.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alerts).toHaveCount(0);
});
