import { expect, test } from './fixtures';
import { openView, saveAnthropicKey, skipWizard, snapScreen } from './window-support';

test('switching to French, then to Simplified and Traditional Chinese, translates the window and survives a reload', async ({ page }) => {
  await skipWizard(page);
  await saveAnthropicKey(page);

  await openView(page, 'Settings');
  // The language applies as soon as it is chosen, and says so beside the list.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'État' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'État' })).toBeVisible();
  await expect(page.getByText('Sans expiration')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter un identifiant' })).toBeVisible();
  await snapScreen(page, 'status-fr');
  await page.getByRole('navigation').getByRole('button', { name: 'Identifiants' }).click();
  await page.getByRole('button', { name: 'Abonnement Claude (setup-token)' }).click();
  await page.getByLabel('Setup-token', { exact: true }).fill('sk-ant-oat01-trop-court');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Un setup-token comporte au moins 80 caractères')).toBeVisible();
  await snapScreen(page, 'form-setup-token-fr');

  await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click();
  await page.getByLabel('Langue').selectOption('zh-CN');
  await expect(page.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '状态' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('无过期时间')).toBeVisible();
  await expect(page.getByRole('region', { name: '网关' })).toBeVisible();
  await snapScreen(page, 'status-zh-CN');

  await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
  await page.getByLabel('语言').selectOption('zh-TW');
  await expect(page.getByRole('status').filter({ hasText: '已儲存。' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: '狀態' }).click();
  await expect(page.getByText('無到期時間')).toBeVisible();
  await snapScreen(page, 'status-zh-TW');
});

test.describe('with a French browser', () => {
  test.use({ locale: 'fr-FR' });
  test('the "system" language follows the browser from the first screen', { tag: '@web-shell' }, async ({ page }) => {
    await expect(page.getByRole('heading', { level: 2, name: 'Bienvenue' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Clé API Anthropic' })).toBeVisible();
    await snapScreen(page, 'wizard-choose-fr');
  });
});
