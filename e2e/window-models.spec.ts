/**
 * The Models panel for the Done-when state of issue 14 (a default and two fallbacks over two providers: Anthropic's
 * key in cooldown ahead of a setup-token expiring in 5 hours, OpenRouter only in `.env`), over the fake OpenClaw
 * 2026.5.28 install (conformance with the real OpenClaw is in main/core/conformance/models-status*.test.ts): rows,
 * headline, the cooldown counting down, Renew routing to the prefilled form, the fallbacks picked, reordered by
 * keyboard and by mouse, saved to openclaw.json and shown live; screenshots in English and French, light and dark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { writeDoneWhenState } from '../main/testing/done-when-state';
import { authProfilesPath, openView, readJson, snapScreen } from './window-support';

/** The Done-when state, with an OpenRouter model named in config. */
function writeState(stateDir: string, now: number): void {
  writeDoneWhenState(stateDir, { now, config: { models: { providers: { openrouter: { models: [{ id: 'anthropic/claude-haiku-4.5', name: 'Claude Haiku 4.5 (OpenRouter)' }] } } } } });
}

test('the Models panel shows each model in use with the credential serving it, and picks and reorders fallbacks', async ({ page, shell }) => {
  writeState(shell.stateDir, Date.now());
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Models' });
  await expect(panel.getByTestId('models-headline')).toHaveText('A credential in use expires within 24 hours.');
  const rows = panel.getByTestId('model-row');
  await expect(rows).toHaveCount(3);
  const [first, second, third] = [rows.nth(0), rows.nth(1), rows.nth(2)];
  await expect(first).toContainText('Default');
  await expect(first.getByTestId('default-model')).toHaveText('anthropic/claude-opus-4-6');
  await expect(first).toContainText('Uses anthropic:work');
  await expect(first.getByTestId('model-state')).toHaveText(/^Expires in (5|4) hours$/);
  await expect(first).toContainText(/anthropic:default is skipped: Cooldown until \d{1,2}:\d{2}.*\(rate limits\)/);
  await expect(second).toContainText('Fallback 1');
  await expect(second).toContainText('openrouter/anthropic/claude-sonnet-4.6');
  await expect(second).toContainText('Uses OPENROUTER_API_KEY from .env');
  await expect(second.getByTestId('model-state')).toHaveText('Ready');
  await expect(third).toContainText('Fallback 2');
  await expect(third.getByTestId('model-state')).toHaveText(/^Expires in/);
  await snapScreen(page, 'models-en');

  // Renew routes to the setup-token form for that profile.
  await first.getByRole('button', { name: 'Renew anthropic:work' }).click();
  await expect(page.getByLabel('Setup-token', { exact: true })).toBeVisible();
  await openView(page, 'Status');

  // Picking: add a model from the catalog by keyboard; reorder by mouse (drag the second fallback onto the first),
  // then by keyboard (the focus stays on the moved row's button).
  const picker = panel.getByLabel('Add a fallback');
  // Focusing a picker asks OpenClaw for its catalog: available models come with their names and context sizes.
  await picker.focus();
  await expect(panel.locator('datalist option[value="anthropic/claude-haiku-4-5"]').last()).toHaveText(/Claude Haiku 4\.5 · 200K tokens of context/);
  await expect(panel.locator('datalist option[value="google/gemini-3-pro"]')).toHaveCount(0);
  await picker.fill('openrouter/anthropic/claude-haiku-4.5');
  await picker.press('Enter');
  const items = panel.getByTestId('fallback-item');
  await expect(items).toHaveCount(3);
  await items.nth(1).dragTo(items.nth(0));
  await expect(items.nth(0)).toContainText('anthropic/claude-sonnet-4-6');
  await expect(items.nth(1)).toContainText('openrouter/anthropic/claude-sonnet-4.6');
  await panel.getByRole('button', { name: 'Move openrouter/anthropic/claude-haiku-4.5 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Move openrouter/anthropic/claude-haiku-4.5 up' })).toBeFocused();
  await expect(items.nth(1)).toContainText('openrouter/anthropic/claude-haiku-4.5');
  // A repeat is refused with its reason.
  await picker.fill('anthropic/claude-sonnet-4-6');
  await picker.press('Enter');
  await expect(panel.getByText('Each model can be a fallback only once.')).toBeVisible();
  await panel.getByRole('button', { name: 'Save fallbacks' }).click();
  await expect(panel.getByText('Fallbacks saved.')).toBeVisible();
  const config = readJson(path.join(shell.stateDir, 'openclaw.json')) as { agents: { defaults: { model: { fallbacks: string[] } } } };
  expect(config.agents.defaults.model.fallbacks).toEqual(['anthropic/claude-sonnet-4-6', 'openrouter/anthropic/claude-haiku-4.5', 'openrouter/anthropic/claude-sonnet-4.6']);
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('anthropic/claude-sonnet-4-6');
  await expect(rows.nth(2)).toContainText('openrouter/anthropic/claude-haiku-4.5');

  // In French.
  await openView(page, 'Settings');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('navigation').getByRole('button', { name: 'État' }).click();
  const fr = page.getByRole('region', { name: 'Modèles' });
  await expect(fr.getByTestId('models-headline')).toHaveText('Un identifiant utilisé expire dans moins de 24 heures.');
  await expect(fr.getByTestId('model-row').nth(0)).toContainText('Par défaut');
  await snapScreen(page, 'models-fr');
});

test('a row in cooldown counts down, and a model without a credential offers to add one', async ({ page, shell }) => {
  const now = Date.now();
  writeState(shell.stateDir, now);
  // Only the key, in cooldown: the default waits; OpenAI has no credential at all.
  fs.writeFileSync(authProfilesPath(shell.stateDir), JSON.stringify({ version: 1, profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: `sk-ant-api03-${'A'.repeat(64)}` } } }), { mode: 0o600 });
  fs.writeFileSync(path.join(shell.stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: ['openai/gpt-5.4'] } } } }), { mode: 0o600 });
  await page.clock.install({ time: now });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Models' });
  const rows = panel.getByTestId('model-row');
  await expect(rows.nth(0).getByTestId('model-state')).toHaveText(/^Cooldown until \d{1,2}:\d{2}/);
  await expect(rows.nth(0).getByTestId('model-countdown')).toContainText(/59 minutes|1 hour/);
  await expect(rows.nth(0)).toContainText('Wait until');
  await page.clock.runFor(30 * 60_000);
  await expect(rows.nth(0).getByTestId('model-countdown')).toContainText(/2\d minutes|30 minutes/);
  await expect(rows.nth(1)).toContainText('No credential can serve it');
  await rows.nth(1).getByRole('button', { name: 'Add a credential for OpenAI' }).click();
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue('openai');
});
