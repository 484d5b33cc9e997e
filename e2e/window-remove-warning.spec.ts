import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { authProfilesPath, snapScreen } from './window-support';

const MODEL = 'anthropic/claude-opus-4-6';

/** A state folder whose default model is Anthropic's, with these profiles in the main agent's store. */
function writeState(stateDir: string, profiles: Record<string, unknown>): void {
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: MODEL } } } }, null, 2), { mode: 0o600 });
  const file = authProfilesPath(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
}

const key = (provider: string, n: string) => ({ type: 'api_key', provider, key: `sk-ant-api03-${n.padEnd(40, 'k')}` });

test("removing the default model's last usable credential says, naming the model, that requests will stop working", async ({ page, shell }) => {
  writeState(shell.stateDir, {
    'anthropic:work': key('anthropic', 'work'),
    'anthropic:old': { type: 'token', provider: 'anthropic', token: `sk-ant-oat01-${'o'.repeat(80)}`, expires: Date.now() - 3_600_000 },
    'openai:x': { ...key('openai', 'x'), key: `sk-proj-${'x'.repeat(48)}` },
  });
  await page.reload();
  await expect(page.getByTestId('default-model')).toHaveText(MODEL);
  const card = page.getByRole('region', { name: 'Credentials' });
  const remove = (id: string) => card.getByRole('listitem', { name: id }).getByRole('button', { name: 'Remove', exact: true });
  const warning = `This is the last credential the default model ${MODEL} can use. Once it is removed, requests to ${MODEL} will stop working until you add another Anthropic credential.`;

  // The expired token beside it does not count: the API key is the last one the model can use.
  await remove('anthropic:work').click();
  const dialog = page.getByRole('dialog', { name: 'Remove anthropic:work?' });
  await expect(dialog).toHaveAccessibleDescription(new RegExp(warning.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  await expect(dialog.getByTestId('remove-last-warning')).toHaveText(warning);
  await snapScreen(page, 'remove-last-credential');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Removing what the model does not rely on gets the usual dialog.
  for (const id of ['anthropic:old', 'openai:x']) {
    await remove(id).click();
    const other = page.getByRole('dialog', { name: `Remove ${id}?` });
    await expect(other.getByText(`OpenClaw will no longer be able to use ${id} for agent main.`, { exact: false })).toBeVisible();
    await expect(other.getByTestId('remove-last-warning')).toHaveCount(0);
    await other.getByRole('button', { name: 'Cancel' }).click();
  }

  // With a second usable Anthropic key, neither is the last.
  writeState(shell.stateDir, { 'anthropic:work': key('anthropic', 'work'), 'anthropic:spare': key('anthropic', 'spare') });
  await expect(card.getByRole('listitem', { name: 'anthropic:spare' })).toBeVisible();
  await remove('anthropic:work').click();
  await expect(page.getByRole('dialog', { name: 'Remove anthropic:work?' }).getByTestId('remove-last-warning')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Confirmed anyway: the credential is gone and the model says it has none.
  writeState(shell.stateDir, { 'anthropic:work': key('anthropic', 'work') });
  await expect(card.getByRole('listitem', { name: 'anthropic:spare' })).toHaveCount(0);
  await remove('anthropic:work').click();
  await expect(dialog.getByTestId('remove-last-warning')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(card.getByRole('listitem', { name: 'anthropic:work' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Models' }).getByTestId('model-state').first()).toHaveText('No credential');
});
