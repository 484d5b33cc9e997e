import path from 'node:path';
import { expect, test } from './fixtures';
import { openView, readJson, skipWizard, snapScreen } from './window-support';

test('settings are validated, saved to the data folder and survive a reload', async ({ page, shell }) => {
  await skipWizard(page);
  await openView(page, 'Settings');
  await expect(page.getByLabel('Start ClawTray when I log in')).not.toBeChecked();
  const fields = page.locator('form.settings-form').locator('input[name], select[name]');
  const undescribed = await fields.evaluateAll((els) => els.filter((el) => !el.getAttribute('aria-describedby')).map((el) => el.getAttribute('name')));
  expect(undescribed, 'every setting has help text tied to it').toEqual([]);
  await expect(page.getByLabel('Port', { exact: true })).toHaveAccessibleDescription(/moves to a new port when you restart it/);
  await snapScreen(page, 'settings');

  // Checked when the field is left, like the credential forms; the summary waits for Save; typing clears it.
  await page.getByLabel('Port', { exact: true }).fill('80');
  await page.getByLabel('Port', { exact: true }).blur();
  await expect(page.getByText('Enter a port between 1024 and 65535.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Port', { exact: true }).fill('8');
  await expect(page.getByText('Enter a port between 1024 and 65535.')).toHaveCount(0);
  await page.getByLabel('Port', { exact: true }).fill('80');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter a port between 1024 and 65535.')).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(readJson(path.join(shell.dataDir, 'settings.json')).port ?? 18789).toBe(18789);

  await page.getByLabel('Port', { exact: true }).fill('19123');
  await page.getByLabel('OpenClaw program').fill('/opt/openclaw/bin/openclaw');
  await page.getByLabel('Start the gateway when ClawTray starts').check();
  await page.getByLabel('Keep the gateway running after quitting ClawTray').check();
  await page.getByLabel('Start ClawTray when I log in').check();
  await page.getByRole('button', { name: 'Remove Warning 3' }).click();
  await page.getByRole('button', { name: 'Add a warning' }).click();
  await page.getByLabel('Warning 3', { exact: true }).fill('3');
  await page.getByLabel('Unit of warning 3').selectOption('days');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const stored = readJson(path.join(shell.dataDir, 'settings.json'));
  expect(stored).toMatchObject({
    port: 19123,
    openclawPath: '/opt/openclaw/bin/openclaw',
    autoStartGateway: true,
    keepGatewayRunning: true,
    openAtLogin: true,
    thresholdsMs: [7 * 86_400_000, 3 * 86_400_000, 86_400_000],
  });

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await openView(page, 'Settings');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('19123');
  await expect(page.getByLabel('OpenClaw program')).toHaveValue('/opt/openclaw/bin/openclaw');
  await expect(page.getByLabel('Start the gateway when ClawTray starts')).toBeChecked();
  await expect(page.getByLabel('Keep the gateway running after quitting ClawTray')).toBeChecked();
  await expect(page.getByLabel('Start ClawTray when I log in')).toBeChecked();
  await expect(page.getByLabel('Warning 2', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Unit of warning 2')).toHaveValue('days');
});
