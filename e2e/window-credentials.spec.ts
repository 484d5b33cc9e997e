import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, openAdvanced, openView, readJson, saveAnthropicKey, SETUP_TOKEN, skipWizard, snapScreen } from './window-support';

type Store = { profiles: Record<string, Record<string, unknown>> };
const HOUR = 3_600_000;

test('a setup-token saved with a 10-hour expiry is listed as expiring, with a countdown and a bar', async ({ page, shell }) => {
  await skipWizard(page);
  await openView(page, 'Credentials');
  await snapScreen(page, 'credentials-choose');
  await page.getByRole('button', { name: 'Claude subscription (setup-token)' }).click();
  await page.getByLabel('Setup-token', { exact: true }).fill(SETUP_TOKEN);
  await page.getByRole('radio', { name: 'On a date…' }).check();
  const local = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 3_600_000 + 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await page.getByLabel('Expiry date and time').fill(local);
  await openAdvanced(page);
  await page.getByLabel('Profile name (optional)').fill('work');
  await snapScreen(page, 'form-setup-token');
  const before = Date.now();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:work for agent main.' })).toBeVisible();

  const saved = (readJson(authProfilesPath(shell.stateDir)) as Store).profiles['anthropic:work']!;
  expect(saved).toMatchObject({ type: 'token', provider: 'anthropic', token: SETUP_TOKEN });
  expect(saved.expires as number).toBeGreaterThan(before + 10 * HOUR - 2 * 60_000);
  expect(saved.expires as number).toBeLessThan(before + 10 * HOUR + 2 * 60_000);

  await page.getByRole('button', { name: 'Back to the status panel' }).click();
  const row = page.getByRole('region', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: 'anthropic:work' });
  await expect(row.getByText('Expiring', { exact: true })).toBeVisible();
  await expect(row.getByText(/^Expires in 10 hours/)).toBeVisible();
  await expect(row.getByRole('meter', { name: 'Time left' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Renew' })).toBeVisible();
  await snapScreen(page, 'status-expiring');
});

test('a malformed Cloudflare account id is refused beside its field and writes nothing; a good one saves the gateway URL', async ({ page, shell }) => {
  await skipWizard(page);
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Cloudflare AI Gateway' }).click();
  const account = page.getByLabel('Account ID');
  await account.fill('  not-a-real-account-id  ');
  await page.getByLabel('Gateway ID').fill('my-gateway');
  await expect(page.getByText('An account ID is 32 hexadecimal characters')).toBeVisible();
  await expect(page.getByText('Please correct the field marked above.'), 'no summary alert while still typing').toHaveCount(0);
  await page.getByLabel('Provider API key').fill(API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the field marked above.' })).toBeVisible();
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(account).toBeFocused();
  await expect(account).toHaveValue('  not-a-real-account-id  ');
  await expect(page.getByLabel('Provider API key')).toHaveValue(API_KEY);
  await snapScreen(page, 'form-cloudflare-error');
  expect(fs.existsSync(authProfilesPath(shell.stateDir))).toBe(false);
  expect(fs.existsSync(path.join(shell.stateDir, 'openclaw.json'))).toBe(false);

  const accountId = '0123456789abcdef0123456789abcdef';
  await account.fill(accountId);
  await page.getByLabel('Gateway token (optional)').fill('cf-gateway-token-123');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as cloudflare-ai-gateway:default for agent main.' })).toBeVisible();
  await expect(account).not.toHaveAttribute('aria-invalid', 'true');

  const config = readJson(path.join(shell.stateDir, 'openclaw.json')) as { models: { providers: Record<string, { baseUrl: string; headers?: Record<string, string> }> } };
  const provider = config.models.providers['cloudflare-ai-gateway']!;
  expect(provider.baseUrl).toBe(`https://gateway.ai.cloudflare.com/v1/${accountId}/my-gateway/anthropic`);
  expect(provider.headers?.['cf-aig-authorization']).toBe('Bearer cf-gateway-token-123');
  const store = readJson(authProfilesPath(shell.stateDir)) as Store;
  expect(store.profiles['cloudflare-ai-gateway:default']).toMatchObject({ type: 'api_key', key: API_KEY, metadata: { accountId, gatewayId: 'my-gateway' } });
  await snapScreen(page, 'form-cloudflare-saved');
});

test('credentials are removed only after confirming, renewed from a prefilled form, reordered and copied to another agent', async ({ page, shell }) => {
  fs.mkdirSync(path.join(shell.stateDir, 'agents', 'ops', 'agent'), { recursive: true });
  await page.reload();
  await skipWizard(page);
  await saveAnthropicKey(page);

  await openView(page, 'Credentials');
  await page.getByRole('button', { name: "Another provider's token" }).click();
  await page.getByLabel('Provider', { exact: true }).fill('openrouter');
  await page.getByLabel('API key or token').fill(' sk-or-v1-0123456789abcdef0123456789 ');
  await openAdvanced(page);
  await page.getByLabel('Profile name (optional)').fill('personal');
  await snapScreen(page, 'form-provider-token');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as openrouter:personal' })).toBeVisible();
  expect((readJson(authProfilesPath(shell.stateDir)) as Store).profiles['openrouter:personal']).toMatchObject({ token: 'sk-or-v1-0123456789abcdef0123456789' });

  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  await openAdvanced(page);
  await expect(page.getByLabel('Agent', { exact: true })).toHaveValue('main');
  await expect(page.getByLabel('Agent', { exact: true }).getByRole('option')).toHaveText(['main', 'ops']);
  await page.getByLabel('Anthropic API key', { exact: true }).fill(`${API_KEY}2`);
  await page.getByLabel('Profile name (optional)').fill('backup');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:backup' })).toBeVisible();
  await openView(page, 'Status');

  const openrouter = page.getByRole('listitem').filter({ hasText: 'openrouter:personal' });
  await openrouter.getByRole('button', { name: 'Renew' }).click();
  await expect(page.getByRole('heading', { name: 'Renew or replace openrouter:personal' })).toBeVisible();
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue('openrouter');
  await expect(page.getByLabel('Profile name (optional)')).toHaveValue('personal');
  await openView(page, 'Status');

  const anthropic = page.getByRole('region', { name: 'Anthropic' });
  await expect(anthropic.getByRole('listitem').first()).toContainText('anthropic:backup');
  await page.getByRole('button', { name: 'Try anthropic:default earlier' }).click();
  await expect(anthropic.getByRole('listitem').first()).toContainText('anthropic:default');
  const config = readJson(path.join(shell.stateDir, 'openclaw.json')) as { auth: { order: Record<string, string[]> } };
  expect(config.auth.order.anthropic).toEqual(['anthropic:default', 'anthropic:backup']);

  await page.getByRole('listitem').filter({ hasText: 'anthropic:backup' }).getByRole('button', { name: 'Copy to another agent' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy anthropic:backup to another agent' });
  await expect(copy.getByLabel('Agent')).toHaveValue('ops');
  await snapScreen(page, 'dialog-copy');
  await copy.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('anthropic:backup was copied to agent ops.')).toBeVisible();
  expect((readJson(authProfilesPath(shell.stateDir, 'ops')) as Store).profiles['anthropic:backup']).toMatchObject({ key: `${API_KEY}2` });

  const row = page.getByRole('listitem').filter({ hasText: 'anthropic:default' });
  await row.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:default?' });
  await expect(dialog).toBeVisible();
  await snapScreen(page, 'dialog-remove');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((readJson(authProfilesPath(shell.stateDir)) as Store).profiles['anthropic:default']).toBeDefined();

  await row.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog', { name: 'Remove anthropic:default?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('anthropic:default was removed.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'anthropic:default' })).toHaveCount(0);
  expect((readJson(authProfilesPath(shell.stateDir)) as Store).profiles['anthropic:default']).toBeUndefined();
  await snapScreen(page, 'status-credentials');
});

test('a pasted key loses its surrounding whitespace, and the default model is picked among the configured ones', async ({ page, shell }) => {
  await skipWizard(page);
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  const key = page.getByLabel('Anthropic API key', { exact: true });
  await key.focus();
  await key.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `  ${API_KEY}\n`);
  await expect(key).toHaveValue(API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:default' })).toBeVisible();

  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Cloudflare AI Gateway' }).click();
  await page.getByLabel('Account ID').fill('fedcba9876543210fedcba9876543210');
  await page.getByLabel('Gateway ID').fill('gw-1');
  await page.getByLabel('Provider API key').fill(API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as cloudflare-ai-gateway:default' })).toBeVisible();

  await openView(page, 'Status');
  const card = page.getByRole('region', { name: 'Models' });
  const before = await card.getByTestId('default-model').textContent();
  expect(before).toMatch(/^anthropic\//);
  const pick = card.getByLabel('Use another model');
  await pick.fill('not a model');
  await card.getByRole('button', { name: 'Use this model' }).click();
  await expect(card.getByText('Expected a model like "anthropic/claude-sonnet-4-6".')).toBeVisible();
  await pick.fill('cloudflare-ai-gateway/claude-sonnet-4-6');
  await card.getByRole('button', { name: 'Use this model' }).click();
  await expect(card.getByText('Default model changed.')).toBeVisible();
  await expect(card.getByTestId('default-model')).toHaveText('cloudflare-ai-gateway/claude-sonnet-4-6');
  await expect(card.getByTestId('model-row').first().getByTestId('model-state')).toHaveText('Ready');
  const config = readJson(path.join(shell.stateDir, 'openclaw.json')) as { agents: { defaults: { model: { primary: string } } } };
  expect(config.agents.defaults.model.primary).toBe('cloudflare-ai-gateway/claude-sonnet-4-6');
  await snapScreen(page, 'status-models');
});
