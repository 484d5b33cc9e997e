import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, readJson, snapScreen } from './window-support';

test('first run: the wizard saves an Anthropic key, offers to start the gateway, then shows the status panel', async ({ page, shell }) => {
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible();
  await snapScreen(page, 'wizard-choose');

  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  await expect(page.getByRole('heading', { name: 'Add your credential' })).toBeVisible();
  const key = page.getByLabel('Anthropic API key', { exact: true });
  await key.fill(API_KEY);
  await page.getByLabel('Also make it available to a gateway running as a background service').check();
  await snapScreen(page, 'wizard-anthropic-key');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { name: 'Start the gateway' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:default for agent main.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the gateway' })).toBeVisible();
  await snapScreen(page, 'wizard-start');

  const store = readJson(authProfilesPath(shell.stateDir)) as { profiles: Record<string, { type: string; key: string }> };
  expect(store.profiles['anthropic:default']).toMatchObject({ type: 'api_key', provider: 'anthropic', key: API_KEY });
  expect(fs.readFileSync(path.join(shell.stateDir, '.env'), 'utf8')).toContain('ANTHROPIC_API_KEY=');

  await page.getByRole('button', { name: 'Open the status panel' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await expect(page.getByText('anthropic:default', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await snapScreen(page, 'status-anthropic');
});
