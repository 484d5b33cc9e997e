import { expect, test } from './fixtures';
import { API_KEY, openView, skipWizard, snapScreen } from './window-support';

test('a saved key says what it is for in plain words; profile name, agent and .env wait under a keyboard-friendly "Advanced"', async ({ page }) => {
  await skipWizard(page);
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  const key = page.getByLabel('Anthropic API key', { exact: true });
  await expect(key).toBeFocused();
  const profileName = page.getByLabel('Profile name (optional)');
  const writeEnv = page.getByLabel('Also make it available to a gateway running as a background service');
  await expect(profileName).toBeHidden();
  await expect(writeEnv).toBeHidden();

  // Keyboard only: from the key field (past its Show button) to "Advanced", Enter opens it, Tab reaches the name.
  await key.fill(API_KEY);
  const summary = page.locator('details.advanced > summary');
  for (let i = 0; i < 4 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveText('Advanced');
  await page.keyboard.press('Enter');
  await expect(profileName).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(profileName).toBeFocused();
  await expect(writeEnv).toBeVisible();
  await snapScreen(page, 'form-advanced-open');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(profileName).toBeHidden();

  await page.getByRole('button', { name: 'Save' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved. OpenClaw will use it for Anthropic models.' });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('Saved as anthropic:default for agent main.');
  await snapScreen(page, 'form-saved-plain');
});

test('a refused profile name opens "Advanced" by itself, so the error is never hidden; French words', async ({ page }) => {
  await skipWizard(page);
  await openView(page, 'Settings');
  // The language applies as soon as it is chosen.
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('navigation').getByRole('button', { name: 'Identifiants' }).click();
  await page.getByRole('button', { name: 'Clé API Anthropic' }).click();
  await page.getByLabel('Clé API Anthropic', { exact: true }).fill(API_KEY);
  await page.locator('details.advanced > summary').click();
  await page.getByLabel('Nom du profil (facultatif)').fill('Not A Valid Name!');
  await page.locator('details.advanced > summary').click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByLabel('Nom du profil (facultatif)')).toBeVisible();
  await expect(page.getByLabel('Nom du profil (facultatif)')).toBeFocused();
  await page.getByLabel('Nom du profil (facultatif)').fill('');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré. OpenClaw l’utilisera pour les modèles Anthropic.' })).toBeVisible();
  await snapScreen(page, 'form-saved-plain-fr');
});
