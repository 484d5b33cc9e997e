/**
 * Issue 12 item 1, "never replace by surprise": with an Anthropic API key saved, adding a Claude setup-token with
 * the profile name left empty used to answer "Saved as anthropic:default" and the key was gone. Now the save is
 * refused with what is there (an API key, its masked label, no expiry), nothing is written, and the form offers
 * "Save as anthropic:subscription" (both kept) or "Replace it" (explicit). Renew replaces without asking.
 */
import { expect, test } from './fixtures';
import { API_KEY, authProfilesPath, openAdvanced, openView, readJson, saveAnthropicKey, SETUP_TOKEN, skipWizard, snapScreen } from './window-support';

type Store = { profiles: Record<string, Record<string, unknown>> };
const OTHER_TOKEN = `sk-ant-oat01-${'Z9y8X7w6'.repeat(11)}`;

test('a setup-token onto the saved API key is refused naming the key; "Save as" keeps both, "Replace it" replaces; Renew does not ask', async ({ page, shell }) => {
  const store = () => (readJson(authProfilesPath(shell.stateDir)) as Store).profiles;
  await skipWizard(page);
  await saveAnthropicKey(page);

  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Claude subscription (setup-token)' }).click();
  await page.getByLabel('Setup-token', { exact: true }).fill(SETUP_TOKEN);
  await page.getByRole('button', { name: 'Save' }).click();

  const note = page.getByTestId('save-conflict');
  await expect(note.getByText('anthropic:default is already saved')).toBeVisible();
  await expect(note).toContainText('It holds an API key (sk-a');
  await expect(note).toContainText(`${API_KEY.slice(-4)}). It does not expire.`);
  await expect(note).not.toContainText(API_KEY);
  await expect(note).toContainText('Saving would replace it. Nothing has been changed yet.');
  const saveAs = note.getByRole('button', { name: 'Save as anthropic:subscription' });
  await expect(saveAs).toBeFocused();
  await expect(page.getByLabel('Setup-token', { exact: true }), 'what was typed stays').toHaveValue(SETUP_TOKEN);
  expect(store()['anthropic:default'], 'nothing written').toMatchObject({ type: 'api_key', key: API_KEY });
  expect(store()['anthropic:subscription']).toBeUndefined();
  await snapScreen(page, 'form-save-conflict');

  await saveAs.click();
  await expect(page.getByRole('status').filter({ hasText: /Saved( as anthropic:subscription)?/ })).toBeVisible();
  expect(store()['anthropic:default']).toMatchObject({ type: 'api_key', key: API_KEY });
  expect(store()['anthropic:subscription']).toMatchObject({ type: 'token', token: SETUP_TOKEN });

  // The same again under the name now taken: "Replace it" replaces, on purpose.
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Claude subscription (setup-token)' }).click();
  await page.getByLabel('Setup-token', { exact: true }).fill(OTHER_TOKEN);
  await openAdvanced(page);
  await page.getByLabel('Profile name (optional)').fill('subscription');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(note).toContainText('It holds a token (sk-a');
  await expect(note).toContainText(/It expires on /);
  await expect(note.getByRole('button', { name: 'Save as anthropic:subscription-2' })).toBeVisible();
  await note.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  expect(store()['anthropic:subscription']).toMatchObject({ type: 'token', token: OTHER_TOKEN });
  expect(JSON.stringify(store())).not.toContain(SETUP_TOKEN);

  // Replace from the status panel: no question.
  await openView(page, 'Status');
  await page.getByRole('listitem').filter({ hasText: 'anthropic:default' }).getByRole('button', { name: 'Replace' }).click();
  await page.getByLabel('Anthropic API key', { exact: true }).fill(`${API_KEY}9`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  await expect(page.getByTestId('save-conflict')).toHaveCount(0);
  expect(store()['anthropic:default']).toMatchObject({ type: 'api_key', key: `${API_KEY}9` });
});

test('the refusal reads in French', async ({ page }) => {
  await skipWizard(page);
  await saveAnthropicKey(page);
  await openView(page, 'Settings');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('navigation').getByRole('button', { name: 'Identifiants' }).click();
  await page.getByRole('button', { name: /setup-token/ }).first().click();
  await page.locator('input[name="token"]').fill(SETUP_TOKEN);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const note = page.getByTestId('save-conflict');
  await expect(note.getByText('anthropic:default est déjà enregistré')).toBeVisible();
  await expect(note).toContainText('Il contient une clé d’API');
  await expect(note.getByRole('button', { name: 'Enregistrer sous anthropic:subscription' })).toBeVisible();
  await expect(note.getByRole('button', { name: 'Le remplacer' })).toBeVisible();
  await snapScreen(page, 'form-save-conflict-fr');
});
