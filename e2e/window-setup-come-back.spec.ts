import path from 'node:path';
import { expect, test } from './fixtures';
import { API_KEY, openView, readJson, snapScreen } from './window-support';
import type { Page } from '@playwright/test';

/** Goes through the wizard's first two steps with an Anthropic key, to its last step. */
async function toLastStep(page: Page, labels: { card: string; key: string; save: string; title: string }): Promise<void> {
  await page.getByRole('button', { name: labels.card }).click();
  await page.getByLabel(labels.key, { exact: true }).fill(API_KEY);
  await page.getByRole('button', { name: labels.save, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: labels.title })).toBeVisible();
}

test("setup's last step asks whether ClawTray opens at login and starts the gateway, both unticked, and writes the settings", async ({ page, shell }) => {
  const stored = () => readJson(path.join(shell.dataDir, 'settings.json'));
  await toLastStep(page, { card: 'Anthropic API key', key: 'Anthropic API key', save: 'Save', title: 'Start the gateway' });

  const group = page.getByRole('group', { name: 'After your computer restarts' });
  const atLogin = group.getByRole('checkbox', { name: 'Start ClawTray when I log in' });
  const autoStart = group.getByRole('checkbox', { name: 'Start the gateway when ClawTray starts' });
  await expect(atLogin).not.toBeChecked();
  await expect(autoStart).not.toBeChecked();
  await expect(atLogin).toHaveAccessibleDescription('ClawTray waits in the tray; this window stays closed until you open it.');
  await expect(autoStart).toHaveAccessibleDescription('As soon as ClawTray is running, OpenClaw is ready to answer, without a click.');
  await snapScreen(page, 'wizard-come-back');

  // Each choice is stored when it is made, and says so beside it.
  await atLogin.check();
  await expect(group.locator('.field-check', { hasText: 'Start ClawTray when I log in' }).getByRole('status')).toHaveText('Saved.');
  await expect.poll(() => stored().openAtLogin).toBe(true);
  await autoStart.check();
  await expect.poll(() => stored().autoStartGateway).toBe(true);
  await autoStart.uncheck();
  await expect.poll(() => stored().autoStartGateway).toBe(false);
  await autoStart.check();
  await expect.poll(() => stored().autoStartGateway).toBe(true);
  await snapScreen(page, 'wizard-come-back-ticked');

  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await openView(page, 'Settings');
  await expect(page.getByLabel('Start ClawTray when I log in')).toBeChecked();
  await expect(page.getByLabel('Start the gateway when ClawTray starts')).toBeChecked();
  expect(stored()).toMatchObject({ onboardingDone: true, openAtLogin: true, autoStartGateway: true });
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });
  test('the same question, in French', { tag: '@web-shell' }, async ({ page, shell }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await toLastStep(page, { card: 'Clé API Anthropic', key: 'Clé API Anthropic', save: 'Enregistrer', title: 'Démarrez la passerelle' });
    const group = page.getByRole('group', { name: 'Après un redémarrage de l’ordinateur' });
    await expect(group.getByRole('checkbox')).toHaveCount(2);
    for (const box of await group.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
    await expect(group).toContainText('ClawTray attend dans la zone de notification');
    await snapScreen(page, 'wizard-come-back-fr');
    await group.getByRole('checkbox').first().check();
    await expect.poll(() => readJson(path.join(shell.dataDir, 'settings.json')).openAtLogin).toBe(true);
  });
});
