import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, readJson } from './window-support';

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

  await tabTo(page, page.getByRole('button', { name: 'Open the status panel' }));
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
