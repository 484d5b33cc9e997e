/**
 * "Update OpenClaw" and "Import into OpenClaw" through the window, with the fake npm and the fake OpenClaw (which
 * answers as 2026.6+ once installed at that version): an app on 2026.5.28 with credential files and a config 2026.5
 * wrote downloads 2026.9.6 beside it, says in plain words what must be imported, asks before the one-way import,
 * shows its progress, switches to the new release, and offers to delete the plain-text copies the import left. A
 * failing import says so, with OpenClaw's words and where the backup is, and leaves everything as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { installFakeOpenClaw } from '../main/testing/fake-installs';
import { expect, test } from './fixtures';
import { startWebShell, type WebShell } from './web-shell';
import { FAKE_OPENCLAW, freePort, openView, snapScreen } from './window-support';

const NPM_DIR = path.resolve(__dirname, '../main/testing/fixtures/fake-npm');
const KEY = `sk-ant-api03-${'m'.repeat(60)}`;

/** A state folder as OpenClaw 2026.5 and the app leave it: a credential file and a config with `meta.lastTouchedAt`. */
function legacyState(stateDir: string): string {
  const agent = path.join(stateDir, 'agents', 'main', 'agent');
  fs.mkdirSync(agent, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(agent, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles: { 'anthropic:default': { type: 'api_key', provider: 'anthropic', key: KEY } } }), { mode: 0o600 });
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local' }, meta: { lastTouchedVersion: '2026.5.28', lastTouchedAt: '2026-11-29T14:59:23.161Z' } }), { mode: 0o600 });
  return path.join(agent, 'auth-profiles.json');
}

async function shellWithOpenClaw(openclawPath: string, prepare: (stateDir: string) => void, settings: Record<string, unknown> = {}): Promise<WebShell> {
  const root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'clawtray-e2e-migration-'));
  const stateDir = path.join(root, 'state');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  prepare(stateDir);
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ openclawPath, onboardingDone: true, ...settings }));
  const shell = await startWebShell({ stateDir, dataDir, env: { PATH: `${NPM_DIR}:${path.dirname(process.execPath)}:/usr/bin:/bin` } });
  const stop = shell.stop.bind(shell);
  return { ...shell, stop: async () => (await stop(), fs.rmSync(root, { recursive: true, force: true })) };
}

test('"Update OpenClaw" downloads 2026.9.6 beside 2026.5.28, imports with consent and progress, then offers to delete the leftover copies', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(120_000);
  let legacyFile = '';
  const shell = await shellWithOpenClaw(FAKE_OPENCLAW, (stateDir) => (legacyFile = legacyState(stateDir)));
  try {
    await page.goto(shell.url);
    await openView(page, 'Gateway');
    const install = page.getByRole('region', { name: 'OpenClaw' });
    await expect(install.getByTestId('openclaw-version')).toHaveText('2026.5.28');
    await expect(install.getByText(/OpenClaw 2026\.5\.28 keeps credentials in files/)).toBeVisible();
    await install.getByRole('button', { name: 'Update OpenClaw' }).click();
    await expect(install.getByText('OpenClaw 2026.9.6 is downloaded. Import your data into it to finish the update.')).toBeVisible({ timeout: 30_000 });

    const card = page.getByRole('region', { name: 'Import into OpenClaw 2026.9.6' });
    await expect(card.getByText('OpenClaw 2026.9.6 is downloaded beside 2026.5.28. ClawTray switches to it once your data is imported.')).toBeVisible({ timeout: 30_000 });
    await expect(card.getByText(/Your credentials are still in the files an older OpenClaw used/)).toBeVisible();
    await expect(card.getByText(legacyFile)).toBeVisible();
    await expect(card.getByText('meta: Unrecognized key: "lastTouchedAt"')).toBeVisible();
    await snapScreen(page, 'migration-needed');

    await card.getByRole('button', { name: 'Import into OpenClaw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import your data into OpenClaw 2026.9.6?' });
    await expect(dialog.getByText('This is one way: afterwards 2026.5.28 can no longer read your settings.')).toBeVisible();
    await expect(dialog.getByText(/dated backup folder/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await snapScreen(page, 'migration-dialog');
    await dialog.getByRole('button', { name: 'Back up and import' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });

    await expect(card.getByText('Your data is imported: OpenClaw 2026.9.6 reads every credential.')).toBeVisible();
    const backup = (await card.getByTestId('migration-backup').textContent())!;
    expect(backup.startsWith(path.join(shell.dataDir, 'backups', 'openclaw-state-'))).toBe(true);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(legacyFile)).toBe(false);
    await expect(install.getByTestId('openclaw-version')).toHaveText('2026.9.6', { timeout: 20_000 });
    await expect(install.getByRole('button', { name: 'Update OpenClaw' })).toHaveCount(0);

    const leftover = card.getByRole('checkbox', { name: /auth-profiles\.json\.migrated-/ });
    await expect(leftover).toBeChecked();
    await expect(card.getByRole('checkbox', { name: backup })).not.toBeChecked();
    const leftoverPath = (await card.locator('label', { hasText: 'auth-profiles.json.migrated-' }).textContent())!;
    expect(fs.readFileSync(leftoverPath, 'utf8')).toContain(KEY);
    await snapScreen(page, 'migration-done');
    await card.getByRole('button', { name: 'Delete selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the selected copies for good?' });
    await expect(confirm.getByText(leftoverPath)).toBeVisible();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(card.getByText('The selected copies are deleted.')).toBeVisible();
    expect(fs.existsSync(leftoverPath)).toBe(false);
    expect(fs.existsSync(backup)).toBe(true);

    // OpenClaw 2026.9.6 now reads the imported credential: the status panel lists it, with no refusal left.
    await openView(page, 'Status');
    await expect(page.getByRole('listitem').filter({ hasText: 'anthropic:default' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/must import the credentials an older OpenClaw saved/)).toHaveCount(0);
  } finally {
    await shell.stop();
  }
});

test('a failing import says what OpenClaw said, that everything is as it was, and where the backup is', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(90_000);
  const prefix = installFakeOpenClaw(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'clawtray-e2e-oc-')), '2026.9.6');
  let legacyFile = '';
  const shell = await shellWithOpenClaw(prefix, (stateDir) => {
    legacyFile = legacyState(stateDir);
    fs.writeFileSync(path.join(stateDir, 'fake-openclaw.json'), JSON.stringify({ doctor: 'fail' }));
  });
  try {
    const before = fs.readFileSync(legacyFile, 'utf8');
    await page.goto(shell.url);
    const card = page.getByRole('region', { name: 'Import into OpenClaw 2026.9.6' });
    await expect(card.getByText('OpenClaw 2026.9.6 cannot use your data as it is yet.')).toBeVisible({ timeout: 30_000 });
    // The credentials backend for 2026.6+ gets OpenClaw's refusal and says the same in plain words, pointing at the import.
    await expect(page.getByText('OpenClaw must import the credentials an older OpenClaw saved before it can read or save any: use “Import into OpenClaw” on the Status page (a backup is made first).')).toBeVisible({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Import into OpenClaw' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Back up and import' }).click();
    await expect(card.getByText('The import did not complete')).toBeVisible({ timeout: 60_000 });
    await expect(card.getByText(/OpenClaw could not import your data/)).toBeVisible();
    await expect(card.getByLabel('What OpenClaw said')).toContainText('SQLITE_BUSY: database is locked');
    await expect(card.getByText('Everything was put back as it was. The backup stays in this folder:')).toBeVisible();
    const backup = (await card.getByTestId('migration-backup').textContent())!;
    expect(fs.existsSync(path.join(backup, 'state', 'agents', 'main', 'agent', 'auth-profiles.json'))).toBe(true);
    expect(fs.readFileSync(legacyFile, 'utf8')).toBe(before);
    await expect(card.getByRole('button', { name: 'Try the import again' })).toBeVisible();
    await snapScreen(page, 'migration-failed');
    await openView(page, 'Gateway');
    await expect(page.getByRole('log', { name: 'Gateway log' })).toContainText('doctor: ┌  OpenClaw doctor');
    await expect(page.getByRole('log', { name: 'Gateway log' })).not.toContainText(KEY);
  } finally {
    await shell.stop();
    fs.rmSync(prefix, { recursive: true, force: true });
  }
});

test('a config OpenClaw 2026.9.6 refuses stops the gateway; "Repair with OpenClaw" backs up, runs doctor --fix, and the gateway then starts', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(90_000);
  const prefix = installFakeOpenClaw(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'clawtray-e2e-oc-')), '2026.9.6');
  let configPath = '';
  const shell = await shellWithOpenClaw(
    prefix,
    (stateDir) => {
      configPath = path.join(stateDir, 'openclaw.json');
      fs.writeFileSync(configPath, JSON.stringify({ gateway: { mode: 'local' }, meta: { lastTouchedVersion: '2026.5.28', lastTouchedAt: '2026-11-29T14:59:23.161Z' } }), { mode: 0o600 });
    },
    { port: await freePort() },
  );
  try {
    await page.goto(shell.url);
    const gateway = page.getByRole('region', { name: 'Gateway' });
    await gateway.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(gateway.getByTestId('gateway-status')).toHaveText('Failed', { timeout: 30_000 });
    const repair = gateway.getByRole('button', { name: 'Repair with OpenClaw…' });
    await expect(repair).toBeVisible({ timeout: 30_000 });
    await expect(gateway.getByText(/ClawTray backs up your data first, then runs openclaw doctor --fix/)).toBeVisible();
    await snapScreen(page, 'gateway-repair');
    await repair.click();
    const dialog = page.getByRole('dialog', { name: 'Import your data into OpenClaw 2026.9.6?' });
    await dialog.getByRole('button', { name: 'Back up and import' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByText('Your data is imported: OpenClaw 2026.9.6 reads every credential.')).toBeVisible();
    expect((JSON.parse(fs.readFileSync(configPath, 'utf8')) as { meta: object }).meta).not.toHaveProperty('lastTouchedAt');
    await expect(repair).toHaveCount(0);
    await gateway.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(gateway.getByTestId('gateway-status')).toHaveText('Ready', { timeout: 30_000 });
    await gateway.getByRole('button', { name: 'Stop' }).click();
    await expect(gateway.getByTestId('gateway-status')).toHaveText('Stopped', { timeout: 30_000 });
  } finally {
    await shell.stop();
    fs.rmSync(prefix, { recursive: true, force: true });
  }
});
