import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { authProfilesPath, snapScreen } from './window-support';

const MODEL = 'anthropic/claude-opus-4-6';
const key = (n: string) => ({ type: 'api_key', provider: 'anthropic', key: `sk-ant-api03-${n.padEnd(40, 'k')}` });

/** A state folder whose default model is Anthropic's, with these profiles in the main agent's store. */
function writeState(stateDir: string, profiles: Record<string, unknown>): void {
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: MODEL } } } }, null, 2), { mode: 0o600 });
  const file = authProfilesPath(stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
}

test.use({ locale: 'fr-FR' });

test('in French: credentials are "tried" earlier or later, colons get their non-breaking space, the last-credential warning reads right', { tag: '@web-shell' }, async ({ page, shell }) => {
  writeState(shell.stateDir, {
    'anthropic:work': key('work'),
    'anthropic:old': { type: 'token', provider: 'anthropic', token: `sk-ant-oat01-${'o'.repeat(80)}`, expires: Date.now() - 3_600_000 },
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'État' })).toBeVisible();

  // French typography, checked on the raw text (Playwright's text matching would hide the kind of space).
  const header = await page.locator('.app-header').textContent();
  expect(header).toMatch(/Passerelle\u00a0: /);
  expect(header).not.toMatch(/ :/);

  const card = page.getByRole('region', { name: 'Identifiants' });
  await expect(card.getByText('OpenClaw les essaie de haut en bas : le suivant quand l’un échoue.')).toBeVisible();
  const work = card.getByRole('listitem', { name: 'anthropic:work' });
  await expect(work.getByRole('button', { name: 'Essayer anthropic:work avant' })).toHaveText('Essayer avant');
  await expect(work.getByRole('button', { name: 'Essayer anthropic:work après' })).toHaveText('Essayer après');
  await snapScreen(page, 'credentials-order-fr');

  await work.getByRole('button', { name: 'Supprimer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer anthropic:work ?' });
  await expect(dialog.getByTestId('remove-last-warning')).toHaveText(
    `C’est le dernier identifiant que le modèle par défaut ${MODEL} peut utiliser. Une fois supprimé, les requêtes vers ${MODEL} ne fonctionneront plus tant que vous n’aurez pas ajouté un autre identifiant Anthropic.`,
  );
  expect(await dialog.getByRole('heading').first().textContent()).toBe('Supprimer anthropic:work\u00a0?');
  await snapScreen(page, 'remove-last-credential-fr');
  await page.keyboard.press('Escape');
});
