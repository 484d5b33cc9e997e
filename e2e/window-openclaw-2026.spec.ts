/**
 * A new user with the current OpenClaw (the real 2026.9.6, what `npm install openclaw` gives today) set in
 * Settings: the wizard saves an Anthropic key through OpenClaw itself (its CLI; the form says so while it works),
 * starts the gateway to ready, and OpenClaw's own `models status --check` then exits 0. No auth-profiles.json
 * is ever written (it would break this OpenClaw).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReferenceOpenClaw } from '../scripts/reference-openclaw.mjs';
import { expect, test } from './fixtures';
import { startWebShell } from './web-shell';
import { API_KEY, freePort, snapScreen } from './window-support';

// The reference script is an ES module; specs are compiled to CommonJS, so it is loaded dynamically.
type ReferenceModule = typeof import('../scripts/reference-openclaw.mjs');
let reference: ReferenceModule;
let ref: ReferenceOpenClaw;
test.beforeAll(async () => {
  test.setTimeout(600_000);
  reference = (await import('../scripts/reference-openclaw.mjs')) as ReferenceModule;
  ref = await reference.ensureReferenceOpenClaw(reference.CURRENT_VERSION);
});

test('with OpenClaw 2026.9.6, the wizard saves a key through OpenClaw and ends with the gateway ready and `models status --check` at 0', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(420_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-2026-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const port = await freePort();
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port, openclawPath: ref.openclawBin }));
  // OpenClaw 2026.9.6 needs Node >= 24.16: the reference Node is on PATH, as a user's own Node would be.
  const shell = await startWebShell({ dataDir, env: { PATH: `${path.dirname(ref.nodeBin)}:${process.env.PATH ?? ''}`, HOME: root } });
  try {
    await page.goto(shell.url);
    // The first status on 2026.6+ without a gateway waits for one `openclaw models status` run (10-15 s here, more under load).
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome' })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('app-openclaw')).toHaveText('2026.9.6 · credentials through OpenClaw', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Anthropic API key' }).click();
    await page.getByLabel('Anthropic API key', { exact: true }).fill(API_KEY);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Saving through OpenClaw…' })).toBeVisible();
    await expect(page.getByText('OpenClaw is saving it; this can take a few seconds.', { exact: false })).toBeVisible();

    await expect(page.getByRole('heading', { name: 'Start the gateway' })).toBeVisible({ timeout: 240_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:default for agent main.' })).toBeVisible();
    await snapScreen(page, 'wizard-start-openclaw-2026');
    await page.getByRole('button', { name: 'Start the gateway' }).click();
    await expect(page.getByTestId('wizard-gateway-status')).toHaveText('Ready', { timeout: 180_000 });

    const env = reference.openclawEnv({ home: root, stateDir: shell.stateDir, extra: { OPENCLAW_GATEWAY_PORT: String(port) } });
    const check = await reference.runOpenClaw(ref, ['models', 'status', '--check', '--agent', 'main'], { env, cwd: root, timeoutMs: 180_000 });
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    const files = fs.readdirSync(shell.stateDir, { recursive: true }) as string[];
    expect(files.filter((f) => path.basename(f).startsWith('auth-profiles.json'))).toEqual([]);

    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(page.getByRole('region', { name: 'Credentials' }).getByText('anthropic:default', { exact: true })).toBeVisible();
    await snapScreen(page, 'status-openclaw-2026');
    await page.getByRole('region', { name: 'Gateway' }).getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('region', { name: 'Gateway' }).getByTestId('gateway-status')).toHaveText('Stopped', { timeout: 60_000 });
  } finally {
    await shell.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
