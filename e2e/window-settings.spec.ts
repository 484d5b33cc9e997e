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

test('switches and lists apply at once; typed changes ask before they are lost (another tab, a reload)', async ({ page, shell }) => {
  const stored = () => readJson(path.join(shell.dataDir, 'settings.json'));
  await skipWizard(page);
  await openView(page, 'Settings');
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name });

  // A switch is stored the moment it changes, and says so beside it; leaving asks nothing.
  await page.getByLabel('Start ClawTray when I log in').check();
  await expect(page.locator('.field-check', { hasText: 'Start ClawTray when I log in' }).getByRole('status')).toHaveText('Saved.');
  await expect.poll(() => stored().openAtLogin).toBe(true);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 2, name: 'Réglages' })).toBeVisible();
  await expect.poll(() => stored().language).toBe('fr');
  await nav('État').click();
  await expect(page.getByRole('heading', { level: 2, name: 'État' })).toBeVisible();
  await nav('Réglages').click();

  // A typed change waits for Save; leaving for another tab asks, naming it.
  const port = page.getByLabel('Port', { exact: true });
  await port.fill('19234');
  await expect(page.getByTestId('settings-unsaved')).toHaveText('Pas encore enregistré : le port.');
  await nav('État').click();
  const dialog = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(dialog).toContainText('Vous avez modifié le port dans les réglages sans enregistrer.');
  await expect(dialog.getByRole('button', { name: 'Rester' })).toBeFocused();
  await snapScreen(page, 'settings-leave-fr');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(nav('État'), 'the focus is back on the tab that was pressed').toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Réglages' })).toBeVisible();
  await expect(port).toHaveValue('19234');

  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(port, 'a language change keeps what is typed').toHaveValue('19234');
  await snapScreen(page, 'settings-unsaved');
  await nav('Status').click();
  await snapScreen(page, 'settings-leave');
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  expect(stored().port).toBe(19234);

  // A change that cannot be saved keeps the user on the field to fix.
  await openView(page, 'Settings');
  await port.fill('80');
  await nav('Gateway').click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(port).toBeFocused();
  await expect(page.getByText('Enter a port between 1024 and 65535.')).toBeVisible();

  // Leaving without saving drops the change.
  await nav('Gateway').click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gateway' })).toBeVisible();
  await openView(page, 'Settings');
  await expect(port).toHaveValue('19234');
  expect(stored().port).toBe(19234);

  // A reload (or closing the tab) asks the browser's own question while something typed is unsaved, and only then.
  await port.fill('19235');
  // The tab says so (the same commit arms the browser's question).
  await expect(nav('Settings')).toHaveAttribute('data-unsaved', 'true');
  await expect(nav('Settings')).toHaveAccessibleName('Settings (unsaved changes)');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.type();
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe('beforeunload');
  expect(page.isClosed(), 'the page stayed').toBe(false);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  await expect(nav('Settings')).not.toHaveAttribute('data-unsaved');
  page.once('dialog', () => (asked = 'asked again'));
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe('beforeunload');
  expect(stored().port).toBe(19235);
});
