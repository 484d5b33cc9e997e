import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, openView, skipWizard, snapScreen, useFakeOpenClaw, withHeldPort } from './window-support';

/** Writes API keys into the main agent's store and creates the agents named in `agents`. */
function writeKeys(stateDir: string, ids: string[], agents: string[] = []): void {
  const profiles: Record<string, unknown> = {};
  for (const id of ids) profiles[id] = { type: 'api_key', provider: id.slice(0, id.indexOf(':')), key: `sk-ant-api03-${id.replace(/\W/g, '').padEnd(40, 'k')}` };
  const file = authProfilesPath(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
  for (const agent of agents) fs.mkdirSync(path.join(stateDir, 'agents', agent, 'agent'), { recursive: true });
}

/** Pastes `text` with the keyboard into whatever has the focus (a real clipboard paste). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

test('a form opens with the focus in its first field: a key pasted right after choosing a card lands there', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible();
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  const key = page.getByLabel('Anthropic API key', { exact: true });
  await expect(key).toBeFocused();
  await paste(page, `  ${API_KEY}\n`);
  await expect(key).toHaveValue(API_KEY);
  await snapScreen(page, 'wizard-form-focused');

  // Back to the cards and into another form: its first field again.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Cloudflare AI Gateway' }).click();
  await expect(page.getByLabel('Account ID')).toBeFocused();

  // The same on the Credentials screen.
  await page.getByRole('button', { name: 'Skip setup' }).click();
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Claude subscription (setup-token)' }).click();
  await expect(page.getByLabel('Setup-token', { exact: true })).toBeFocused();
});

test('a closed dialog gives the focus back to what opened it, or to the next row once its row is removed', async ({ page, shell }) => {
  writeKeys(shell.stateDir, ['anthropic:first', 'anthropic:second', 'openai:only'], ['ops']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Credentials' });
  const row = (id: string) => card.getByRole('listitem', { name: id });
  const button = (id: string, name: string) => row(id).getByRole('button', { name, exact: true });

  // Escape and Cancel: back on the Remove button.
  await button('anthropic:first', 'Remove').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:first?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button('anthropic:first', 'Remove')).toBeFocused();
  await button('anthropic:first', 'Remove').click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(button('anthropic:first', 'Remove')).toBeFocused();

  // Moved to the end of its group, the row keeps the focus on its other move button.
  await row('anthropic:first').getByRole('button', { name: 'Try anthropic:first later' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.locator('li[data-profile^="anthropic:"]').first()).toHaveAttribute('data-profile', 'anthropic:second');
  await expect(row('anthropic:first').getByRole('button', { name: 'Try anthropic:first earlier' })).toBeFocused();

  // The copy dialog, cancelled: back on Copy.
  await button('openai:only', 'Copy to another agent').click();
  await page.getByRole('dialog', { name: 'Copy openai:only to another agent' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(button('openai:only', 'Copy to another agent')).toBeFocused();

  // Remove confirmed: the row is gone, the focus is on its neighbour in the group.
  await button('anthropic:first', 'Remove').click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(row('anthropic:first')).toHaveCount(0);
  await expect(row('anthropic:second')).toBeFocused();
  await snapScreen(page, 'status-removed-focus');

  // The only row of a group: the focus goes to "Add a credential".
  await button('openai:only', 'Remove').click();
  await page.getByRole('dialog', { name: 'Remove openai:only?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(row('openai:only')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Add a credential' })).toBeFocused();
});

test('a failed Start leaves the focus on Start', async ({ page }) => {
  await withHeldPort(async (port) => {
    await skipWizard(page);
    await useFakeOpenClaw(page, port);
    await openView(page, 'Status');
    const card = page.getByRole('region', { name: 'Gateway' });
    const start = card.getByRole('button', { name: 'Start', exact: true });
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('gateway-status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(start).toBeFocused();
  });
});
