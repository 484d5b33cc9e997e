/**
 * "Remove" means gone (issue 13): the remove dialog lists every place a credential's secret is (the saved
 * credential, a `.env` variable with the same value, Cloudflare's auth header in openclaw.json, the `.bak` and
 * `.corrupt-*` copies), all ticked; removing leaves the secret in none of them, and an unticked place keeps it. A
 * `.env` key removed while a gateway runs (it read `.env` when it started) comes with the offer to restart it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, freePort, openView, snapScreen, useFakeOpenClaw } from './window-support';

const CF_KEY = `sk-ant-api03-${'c'.repeat(40)}CLOUDFL1`;
const CF_TOKEN = `cf-aig-${'t'.repeat(32)}`;
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const HEADER = 'models.providers.cloudflare-ai-gateway.headers.cf-aig-authorization';

/** The state OpenClaw and the app leave after both credentials were saved (the key also in .env) and a config broke once. */
function writeState(stateDir: string): string {
  const config = {
    auth: { profiles: { 'anthropic:default': { provider: 'anthropic', mode: 'api_key' }, 'cloudflare-ai-gateway:default': { provider: 'cloudflare-ai-gateway', mode: 'api_key' } } },
    models: {
      mode: 'merge',
      providers: {
        'cloudflare-ai-gateway': {
          baseUrl: `https://gateway.ai.cloudflare.com/v1/${ACCOUNT}/gw/anthropic`,
          api: 'anthropic-messages',
          headers: { 'cf-aig-authorization': `Bearer ${CF_TOKEN}` },
          models: [{ id: 'claude-sonnet-4-6', name: 'Claude Sonnet 4.6' }],
        },
      },
    },
    agents: { defaults: { model: { primary: 'cloudflare-ai-gateway/claude-sonnet-4-6' } } },
  };
  const store = {
    version: 1,
    profiles: {
      'anthropic:default': { type: 'api_key', provider: 'anthropic', key: API_KEY },
      'cloudflare-ai-gateway:default': { type: 'api_key', provider: 'cloudflare-ai-gateway', key: CF_KEY, metadata: { accountId: ACCOUNT, gatewayId: 'gw' } },
    },
  };
  const file = (name: string) => path.join(stateDir, name);
  fs.mkdirSync(path.dirname(authProfilesPath(stateDir)), { recursive: true, mode: 0o700 });
  fs.writeFileSync(authProfilesPath(stateDir), JSON.stringify(store, null, 2), { mode: 0o600 });
  fs.writeFileSync(file('openclaw.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  fs.writeFileSync(file('openclaw.json.bak'), JSON.stringify(config), { mode: 0o600 });
  fs.writeFileSync(file('.env'), `ANTHROPIC_API_KEY=${API_KEY}\n`, { mode: 0o600 });
  const corrupt = `openclaw.json.corrupt-${new Date(Date.now() - 3_600_000).toISOString().replace(/[:.]/g, '-')}`;
  fs.writeFileSync(file(corrupt), `{ broken "${API_KEY}" "Bearer ${CF_TOKEN}"`, { mode: 0o600 });
  return corrupt;
}

/** The files under the state dir holding `value`. */
function holding(stateDir: string, value: string): string[] {
  return (fs.readdirSync(stateDir, { recursive: true }) as string[])
    .filter((rel) => fs.statSync(path.join(stateDir, rel)).isFile() && fs.readFileSync(path.join(stateDir, rel)).includes(value))
    .sort();
}

test('the remove dialog lists every place of the secret, all ticked; removing leaves it nowhere, an unticked place keeps it', async ({ page, shell }) => {
  const corrupt = writeState(shell.stateDir);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  expect(holding(shell.stateDir, CF_TOKEN)).toEqual(['openclaw.json', 'openclaw.json.bak', corrupt].sort());

  const cloudflare = page.getByRole('listitem').filter({ hasText: 'cloudflare-ai-gateway:default' });
  await cloudflare.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove cloudflare-ai-gateway:default?' });
  const places = dialog.getByRole('group', { name: 'Remove the secret from' });
  await expect(places.getByRole('checkbox')).toHaveCount(4);
  const store = places.getByRole('checkbox', { name: 'The saved credential (agents/main/agent/auth-profiles.json)' });
  await expect(store).toBeChecked();
  await expect(store).toBeDisabled();
  for (const name of [`${HEADER} in openclaw.json`, 'The backup copy openclaw.json.bak', `The backup copy ${corrupt}`]) {
    await expect(places.getByRole('checkbox', { name })).toBeChecked();
    await expect(places.getByRole('checkbox', { name })).toBeEnabled();
  }
  await expect(dialog).not.toContainText(CF_TOKEN);
  await snapScreen(page, 'dialog-remove-places');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('cloudflare-ai-gateway:default was removed.')).toBeVisible();
  for (const secret of [CF_KEY, CF_TOKEN]) expect(holding(shell.stateDir, secret)).toEqual([]);
  expect(fs.readFileSync(path.join(shell.stateDir, 'openclaw.json'), 'utf8')).toContain(ACCOUNT);

  // In French, the Anthropic key: its .env variable is unticked and stays; the saved key and the copy lose it.
  await openView(page, 'Settings');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'État' }).click();
  await page.getByRole('listitem').filter({ hasText: 'anthropic:default' }).getByRole('button', { name: 'Supprimer' }).click();
  const fr = page.getByRole('dialog', { name: 'Supprimer anthropic:default ?' });
  const frPlaces = fr.getByRole('group', { name: 'Supprimer le secret de' });
  await expect(frPlaces.getByRole('checkbox')).toHaveCount(3);
  const env = frPlaces.getByRole('checkbox', { name: 'ANTHROPIC_API_KEY dans .env' });
  await expect(env).toBeChecked();
  await expect(frPlaces.getByRole('checkbox', { name: `La copie de sauvegarde ${corrupt}` })).toBeChecked();
  await env.uncheck();
  await snapScreen(page, 'dialog-remove-places-fr');
  await fr.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('anthropic:default a été supprimé', { exact: false })).toBeVisible();
  expect(holding(shell.stateDir, API_KEY)).toEqual(['.env']);
  expect(Object.keys((JSON.parse(fs.readFileSync(authProfilesPath(shell.stateDir), 'utf8')) as { profiles: object }).profiles)).toEqual([]);
});

test("the default model's last-credential warning follows the ticks: a .env key with the same value being removed too does not count", async ({ page, shell }) => {
  writeState(shell.stateDir);
  const configPath = path.join(shell.stateDir, 'openclaw.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as { agents: { defaults: { model: { primary: string } } } };
  config.agents.defaults.model.primary = 'anthropic/claude-sonnet-4-6';
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();

  await page.getByRole('listitem').filter({ hasText: 'anthropic:default' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:default?' });
  const env = dialog.getByRole('checkbox', { name: 'ANTHROPIC_API_KEY in .env' });
  await expect(env).toBeChecked();
  const warning = dialog.getByTestId('remove-last-warning');
  await expect(warning).toContainText('anthropic/claude-sonnet-4-6');
  await env.uncheck();
  await expect(warning).toHaveCount(0);
  await env.check();
  await expect(warning).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('anthropic:default was removed.')).toBeVisible();
  expect(holding(shell.stateDir, API_KEY)).toEqual([]);
  // No gateway runs: nothing to restart.
  await expect(page.getByTestId('remove-restart-advice')).toHaveCount(0);
});

test('removing a credential whose key is also in .env while the gateway runs offers to restart it; Restart does, and the offer goes', async ({ page, shell }) => {
  test.setTimeout(90_000);
  writeState(shell.stateDir);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  await useFakeOpenClaw(page, await freePort());
  await openView(page, 'Status');
  const card = page.getByRole('region', { name: 'Gateway' });
  await card.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(card.getByTestId('gateway-status')).toHaveText('Ready', { timeout: 30_000 });

  await page.getByRole('listitem').filter({ hasText: 'anthropic:default' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:default?' });
  await expect(dialog.getByRole('checkbox', { name: 'ANTHROPIC_API_KEY in .env' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('anthropic:default was removed.')).toBeVisible();
  expect(fs.readFileSync(path.join(shell.stateDir, '.env'), 'utf8')).not.toContain(API_KEY);
  const advice = page.getByTestId('remove-restart-advice');
  await expect(advice).toContainText('The running gateway still uses it: it reads .env only when it starts.');
  await snapScreen(page, 'status-remove-restart');
  await advice.getByRole('button', { name: 'Restart the gateway' }).click();
  await expect(advice).toHaveCount(0, { timeout: 30_000 });
  await expect(card.getByTestId('gateway-status')).toHaveText('Ready', { timeout: 30_000 });
  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.getByTestId('gateway-status')).toHaveText('Stopped', { timeout: 30_000 });
});
