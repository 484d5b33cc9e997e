import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { freePort, frenchWizardStart, openView, readJson, skipWizard, snapScreen, startOnStatus, useFakeOpenClaw, withHeldPort } from './window-support';

test('"Use port N" on Status: one click moves the gateway to the next free port and starts it, with no stale "held" text', async ({ page, shell }) => {
  await withHeldPort(async (port) => {
    const card = await startOnStatus(page, port);
    await expect(card.getByTestId('gateway-status')).toHaveText('Failed', { timeout: 30_000 });
    const use = card.getByRole('button', { name: /^Use port \d+$/ });
    await expect(use).toBeVisible();
    const next = Number((await use.textContent())!.replace('Use port ', ''));
    expect(next).toBeGreaterThan(port);
    await snapScreen(page, 'status-use-port');
    await use.click();
    await expect(card.getByTestId('gateway-status')).toHaveText('Ready', { timeout: 30_000 });
    await expect(card.getByTestId('gateway-port')).toHaveText(String(next));
    await expect(card.getByText(/Another program is using port/)).toHaveCount(0);
    await expect(card.getByText(/Held by process/)).toHaveCount(0);
    expect(readJson(path.join(shell.dataDir, 'settings.json')).port).toBe(next);
    await card.getByRole('button', { name: 'Stop' }).click();
    await expect(card.getByTestId('gateway-status')).toHaveText('Stopped', { timeout: 30_000 });
  });
});

test('a port changed in Settings clears the old failure at once', async ({ page }) => {
  await withHeldPort(async (port) => {
    const card = await startOnStatus(page, port);
    await expect(card.getByText(`Another program is using port ${port}.`)).toBeVisible({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Open Settings' }).click();
    await expect(page.getByLabel('Port', { exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(port + 1));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await openView(page, 'Status');
    await expect(card.getByTestId('gateway-status')).toHaveText('Stopped');
    await expect(card.getByText(/Another program is using port/)).toHaveCount(0);
  });
});

test('"Use port N" in the wizard\'s last step (French)', { tag: '@web-shell' }, async ({ page }) => {
  await withHeldPort((port) =>
    frenchWizardStart(page, port, async () => {
      await expect(page.getByTestId('wizard-gateway-status')).toHaveText('En échec', { timeout: 30_000 });
      await snapScreen(page, 'wizard-use-port-fr');
      await page.getByRole('button', { name: /^Utiliser le port \d+$/ }).click();
      await expect(page.getByTestId('wizard-gateway-status')).toHaveText('Prête', { timeout: 30_000 });
    }),
  );
});

const TOKEN = 'f'.repeat(48);
const GOOD = { gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: TOKEN } }, agents: { defaults: { model: 'anthropic/claude-sonnet-4-6' } } };
const BROKEN = { ...GOOD, agents: { defaults: { model: 42, bogus: true } } };

for (const lang of ['en', 'fr'] as const) {
  test(`an openclaw.json OpenClaw refuses fails at the first exit, names the keys, and the previous file is restored after showing what changes (${lang})`, async ({ page, shell }) => {
    const config = path.join(shell.stateDir, 'openclaw.json');
    fs.writeFileSync(config, JSON.stringify(BROKEN, null, 2), { mode: 0o600 });
    fs.writeFileSync(`${config}.bak`, JSON.stringify(GOOD, null, 2), { mode: 0o600 });
    await skipWizard(page);
    await useFakeOpenClaw(page, await freePort());
    if (lang === 'fr') {
      // The language applies as soon as it is chosen.
      await page.getByLabel('Language').selectOption('fr');
      await expect(page.getByRole('navigation').getByRole('button', { name: 'État' })).toBeVisible();
    }
    const words =
      lang === 'en'
        ? { status: 'Status', start: 'Start', failed: 'Failed', refused: /OpenClaw refused these keys in/, restore: 'Restore the previous openclaw.json', confirm: 'Restore', stopped: 'Stopped', ready: 'Ready', done: /^Restored\./ }
        : { status: 'État', start: 'Démarrer', failed: 'En échec', refused: /OpenClaw a refusé ces clés dans/, restore: 'Restaurer le openclaw.json précédent', confirm: 'Restaurer', stopped: 'Arrêtée', ready: 'Prête', done: /^Restauré\./ };
    await page.getByRole('navigation').getByRole('button', { name: words.status }).click();
    const card = page.locator('section.card').filter({ has: page.getByTestId('gateway-status') });
    await card.getByRole('button', { name: words.start, exact: true }).click();
    await expect(card.getByTestId('gateway-status')).toHaveText(words.failed, { timeout: 30_000 });
    await expect(card.getByText(words.refused)).toBeVisible();
    const issues = card.getByRole('list');
    await expect(issues).toContainText('agents.defaults.model: Invalid input');
    await expect(issues).toContainText('agents.defaults: Invalid input');
    // The gateway's own words are keys too: the detail line is in the window's language, never main's English.
    await expect(card.getByText(lang === 'en' ? 'OpenClaw refused to start because of its configuration.' : 'OpenClaw a refusé de démarrer à cause de sa configuration.', { exact: true })).toBeVisible();
    if (lang === 'fr') await expect(card).not.toContainText('refused to start');
    // Recognised at the first exit: never shown as crashed, never restarted.
    await page.waitForTimeout(1500);
    await expect(card.getByTestId('gateway-status')).toHaveText(words.failed);
    await snapScreen(page, `status-config-refused-${lang}`);

    await card.getByRole('button', { name: words.restore }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('list')).toContainText('agents.defaults.model');
    await expect(dialog.getByRole('list')).toContainText('agents.defaults.bogus');
    await expect(dialog).not.toContainText(TOKEN);
    await snapScreen(page, `restore-config-dialog-${lang}`);
    await dialog.getByRole('button', { name: words.confirm, exact: true }).click();
    await expect(card.getByText(words.done)).toBeVisible();
    await expect(card.getByTestId('gateway-status')).toHaveText(words.stopped);
    expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual(GOOD);
    expect(JSON.parse(fs.readFileSync(`${config}.bak`, 'utf8'))).toEqual(BROKEN);
    await card.getByRole('button', { name: words.start, exact: true }).click();
    await expect(card.getByTestId('gateway-status')).toHaveText(words.ready, { timeout: 30_000 });
    await card.getByRole('button', { name: lang === 'en' ? 'Stop' : 'Arrêter' }).click();
    await expect(card.getByTestId('gateway-status')).toHaveText(words.stopped, { timeout: 30_000 });
  });
}
