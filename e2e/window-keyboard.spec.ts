import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, readJson, snapScreen } from './window-support';

/** Presses Tab until `target` has the focus (at most `max` times): proves it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The focused element draws a visible outline. */
async function expectFocusRing(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(style.outline).toBe('solid');
  expect(style.width).toBeGreaterThanOrEqual(2);
}

test('the wizard and the remove dialog work from the keyboard alone, with a visible focus ring', async ({ page, shell }) => {
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible();
  const choice = page.getByRole('button', { name: 'Anthropic API key' });
  await tabTo(page, choice);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');

  const key = page.getByLabel('Anthropic API key', { exact: true });
  await tabTo(page, key);
  await page.keyboard.type(API_KEY);
  await tabTo(page, page.getByRole('button', { name: 'Show Anthropic API key' }));
  await page.keyboard.press('Space');
  await expect(key).toHaveAttribute('type', 'text');
  await tabTo(page, key);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Start the gateway' })).toBeFocused();
  expect((readJson(authProfilesPath(shell.stateDir)) as { profiles: Record<string, unknown> }).profiles['anthropic:default']).toBeDefined();

  await tabTo(page, page.getByRole('button', { name: 'Finish' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();

  const remove = page.getByRole('region', { name: 'Credentials' }).getByRole('button', { name: 'Remove' });
  await tabTo(page, remove, 40);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:default?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Credentials' }).getByText('anthropic:default', { exact: true })).toBeVisible();
});

/** Writes `count` OpenAI tokens (`openai:team-0000`...) into the main agent's store: a few expired, a few expiring, the rest valid. */
function writeManyTokens(stateDir: string, count: number): void {
  const now = Date.now();
  const profiles: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const hours = i % 50 === 7 ? -2 : i % 20 === 3 ? 5 : 24 * (40 + i);
    profiles[`openai:team-${String(i).padStart(4, '0')}`] = { type: 'token', provider: 'openai', token: `sk-proj-${String(i).padStart(48, '0')}`, expires: now + hours * 3_600_000 };
  }
  const file = authProfilesPath(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
}

test('a list of 200 credentials: a row far down is found by its label, read and renewed, and more rows are shown, from the keyboard alone', async ({ page, shell }) => {
  writeManyTokens(shell.stateDir, 200);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Credentials' });
  const group = card.getByRole('region', { name: 'OpenAI' });
  await expect(group.getByText('200 credentials')).toBeVisible();
  await expect(group.getByRole('list', { name: 'States of the OpenAI credentials' })).toContainText('Expired: 4');
  await expect(card.locator('li[data-profile]')).toHaveCount(3);
  await snapScreen(page, 'status-200-credentials');

  // Find a row far down by its label, read it, and renew it.
  const find = card.getByLabel('Find a credential');
  await tabTo(page, find, 40);
  await expectFocusRing(page);
  await page.keyboard.type('team-0187');
  await expect(card.getByRole('status')).toHaveText('1 of 200 credentials matches.');
  const row = card.getByRole('listitem', { name: 'openai:team-0187' });
  await expect(row).toContainText('Not expired');
  await expect(row.getByRole('meter', { name: 'Time left' })).toHaveAttribute('aria-valuetext', /^Expires in \d+ days/);
  await page.keyboard.press('Tab');
  await expect(row.getByRole('group', { name: 'Actions for openai:team-0187' }).getByRole('button', { name: 'Renew' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Renew or replace openai:team-0187' })).toBeVisible();
  await expect(page.getByLabel('Profile name (optional)')).toHaveValue('team-0187');

  // Back on the status panel: "Show more" reveals the next 50 and puts the focus on the first of them.
  await tabTo(page, page.getByRole('navigation').getByRole('button', { name: 'Status' }), 40);
  await page.keyboard.press('Enter');
  const more = card.getByRole('button', { name: 'Show 50 more OpenAI credentials (197 not shown)' });
  await tabTo(page, more, 60);
  await page.keyboard.press('Enter');
  await expect(card.locator('li[data-profile]')).toHaveCount(53);
  const fourth = card.getByRole('listitem', { name: 'openai:team-0003' });
  await expect(fourth).toBeFocused();
  await expect(fourth).toContainText('Expiring');
  await expect(card.getByRole('button', { name: 'Show 50 more OpenAI credentials (147 not shown)' })).toBeVisible();
  await tabTo(page, fourth.getByRole('button', { name: 'Remove' }), 5);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove openai:team-0003?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The alerts list is paged the same way: 14 alerts, 5 shown, the rest one key press away.
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByRole('listitem')).toHaveCount(5);
  await alerts.getByRole('button', { name: 'Show the remaining 9 alerts' }).focus();
  await page.keyboard.press('Enter');
  await expect(alerts.locator('li.alert-item')).toHaveCount(14);
  await expect(alerts.locator('li.alert-item').nth(5)).toBeFocused();
});
