import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startWebShell } from './web-shell';
import { API_KEY, authProfilesPath, FAKE_OPENCLAW, freePort, openAdvanced, readJson, snapScreen } from './window-support';

test('first run: the wizard saves an Anthropic key, starts the gateway, then shows the status panel', { tag: '@web-shell' }, async ({ page }) => {
  // A user with OpenClaw on their PATH (the fake install) and a free port in their settings.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-data-'));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port: await freePort() }));
  const shell = await startWebShell({ dataDir, env: { PATH: `${path.dirname(FAKE_OPENCLAW)}:${process.env.PATH ?? ''}` } });
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await snapScreen(page, 'wizard-choose');

    await page.getByRole('button', { name: 'Anthropic API key' }).click();
    await expect(page.getByRole('heading', { name: 'Add your credential' })).toBeVisible();
    await page.getByLabel('Anthropic API key', { exact: true }).fill(API_KEY);
    await openAdvanced(page);
    await page.getByLabel('Also make it available to a gateway running as a background service').check();
    await snapScreen(page, 'wizard-anthropic-key');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('heading', { name: 'Start the gateway' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:default for agent main.' })).toBeVisible();
    const store = readJson(authProfilesPath(shell.stateDir)) as { profiles: Record<string, Record<string, unknown>> };
    expect(store.profiles['anthropic:default']).toMatchObject({ type: 'api_key', provider: 'anthropic', key: API_KEY });
    expect(fs.readFileSync(path.join(shell.stateDir, '.env'), 'utf8')).toContain('ANTHROPIC_API_KEY=');

    await expect(page.getByTestId('wizard-gateway-status')).toHaveText('Stopped');
    await snapScreen(page, 'wizard-start');
    // The last step has Back (to the form, to add or fix a credential) and Finish.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('heading', { name: 'Add your credential' })).toBeVisible();
    await page.getByLabel('Anthropic API key', { exact: true }).fill(API_KEY);
    await page.getByRole('button', { name: 'Save' }).click();
    // Saving again under the same name asks first (issue 12: never replace by surprise).
    await page.getByTestId('save-conflict').getByRole('button', { name: 'Replace it' }).click();
    await expect(page.getByRole('heading', { name: 'Start the gateway' })).toBeVisible();
    await page.getByRole('button', { name: 'Start the gateway' }).click();
    await expect(page.getByTestId('wizard-gateway-status')).toHaveText('Ready', { timeout: 30_000 });

    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Gateway' }).getByTestId('gateway-status')).toHaveText('Ready');
    await expect(page.getByRole('region', { name: 'Credentials' }).getByText('anthropic:default', { exact: true })).toBeVisible();
    expect(readJson(path.join(dataDir, 'settings.json')).onboardingDone).toBe(true);
    await snapScreen(page, 'status-ready');

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
    await page.getByRole('region', { name: 'Gateway' }).getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('region', { name: 'Gateway' }).getByTestId('gateway-status')).toHaveText('Stopped', { timeout: 30_000 });
  } finally {
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
