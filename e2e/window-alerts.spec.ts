import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WebShell } from './web-shell';
import { openAdvanced, openView, SETUP_TOKEN, skipWizard, snapScreen } from './window-support';

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
  await openAdvanced(page);
  await page.getByLabel('Profile name (optional)').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved as anthropic:${name}` })).toBeVisible();
}

async function shellGet(page: Page, shell: WebShell, route: string): Promise<unknown> {
  const res = await page.request.get(`${shell.origin}/api/shell/${route}`, { headers: { authorization: `Bearer ${shell.token}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

test('an alert shows in the banner; its notification opens the renew form prefilled; renewing clears it', { tag: '@web-shell' }, async ({ page, shell }) => {
  await skipWizard(page);
  await saveExpiringToken(page, 'soon', 2);
  await openView(page, 'Status');
  const banner = page.getByRole('region', { name: /expires in 2 hours/ });
  await expect(banner).toContainText('Attention: anthropic:soon (Anthropic, agent main) expires in 2 hours.');
  await expect(page.getByRole('region', { name: 'Alerts' }).getByRole('listitem')).toHaveCount(1);
  await snapScreen(page, 'status-alert');

  type Shown = { title: string; body: string; action?: Record<string, string> };
  const notifications = async () => ((await shellGet(page, shell, 'notifications')) as { notifications: Shown[] }).notifications;
  await expect.poll(async () => (await notifications()).length).toBe(1);
  const [shown] = await notifications();
  expect(`${shown!.title} ${shown!.body}`).toMatch(/Anthropic/);
  expect(`${shown!.title} ${shown!.body}`).toContain('soon');
  expect(`${shown!.title} ${shown!.body}`).toMatch(/2 hours|1 hour/);
  expect(shown!.action).toMatchObject({ view: 'renew', profileId: 'anthropic:soon', agentId: 'main' });

  type Tray = { icon: string; tooltip: string; menu: { id?: string; action?: { kind: string; request?: Record<string, string> } }[] };
  const tray = async () => (await shellGet(page, shell, 'tray')) as Tray;
  await expect.poll(async () => (await tray()).icon).toBe('attention');
  const line = (await tray()).menu.find((e) => e.id === 'credential:main:anthropic:soon');
  expect(line?.action).toMatchObject({ kind: 'open-view', request: { view: 'renew', profileId: 'anthropic:soon' } });
  expect((await tray()).tooltip).toMatch(/Anthropic .soon. expires/);
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
  await expect(page.getByRole('region', { name: 'Credentials' }).getByText('Not expired', { exact: true })).toBeVisible();
  await expect.poll(async () => (await tray()).icon).not.toBe('attention');
  expect((await tray()).menu.find((e) => e.id === 'credential:main:anthropic:soon')).toBeUndefined();
  expect(await notifications()).toHaveLength(1);
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
