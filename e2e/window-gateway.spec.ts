import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startWebShell } from './web-shell';
import { FAKE_OPENCLAW, freePort, openView, skipWizard, snapScreen, useFakeOpenClaw, withHeldPort } from './window-support';

test('the gateway starts and stops from the window, with its log tail filling and diagnostics to copy', { tag: '@web-shell' }, async ({ page, context, shell }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const port = await freePort();
  await skipWizard(page);
  await useFakeOpenClaw(page, port);

  await openView(page, 'Gateway');
  await expect(page.getByTestId('openclaw-path')).toHaveText(FAKE_OPENCLAW);
  await expect(page.getByTestId('gateway-port')).toHaveText(String(port));
  const chip = page.getByTestId('gateway-page-status');
  await expect(chip).toHaveText('Stopped');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(chip).toHaveText('Ready', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
  await expect(page.getByRole('banner').getByText('Gateway: Ready')).toBeVisible();
  const log = page.getByRole('log', { name: 'Gateway log' });
  await expect(log.locator('.log-line').first()).toBeVisible();
  await expect(log).toContainText('fake-gateway');
  await expect(page.getByRole('region', { name: 'Gateway' }).getByText('ClawTray', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\[stdout\] fake-gateway/);
  await page.getByLabel('Filter').fill('no line has this text');
  await expect(log).toContainText('No line matches the filter.');
  await page.getByLabel('Filter').fill('');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Follow' }).click();
  await snapScreen(page, 'gateway-running');

  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByText(/^Diagnostics copied to the clipboard \(\d+ lines\)\.$/)).toBeVisible({ timeout: 30_000 });
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toMatch(/^ClawTray diagnostics, /);
  expect(report).toContain('--- openclaw doctor --lint --json');
  expect(report).toMatch(/^Gateway: ready, owner app, port \d+, pid \d+$/m);
  const token = (JSON.parse(fs.readFileSync(path.join(shell.stateDir, 'openclaw.json'), 'utf8')) as { gateway: { auth: { token: string } } }).gateway.auth.token;
  expect(report).not.toContain(token);
  await snapScreen(page, 'gateway-diagnostics');

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(chip).toHaveText('Stopped', { timeout: 30_000 });
  await expect(log).toContainText('SIGTERM');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await openView(page, 'Status');
  await expect(page.getByRole('region', { name: 'Gateway' }).getByTestId('gateway-status')).toHaveText('Stopped');
});

test.describe('without OpenClaw', () => {
  test.use({ openclawPath: null });
  test('the gateway page says where it looked when OpenClaw is not installed, and offers to install it', async ({ page }) => {
    await skipWizard(page);
    const card = page.getByRole('region', { name: 'Gateway' });
    await expect(card.getByText('Use Install for me on the Gateway page, or set the OpenClaw path in Settings.')).toBeVisible();
    await card.getByRole('button', { name: 'Open the Gateway page' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Gateway' })).toBeFocused();
    await expect(page.getByTestId('gateway-page-status')).toHaveText('Not installed');
    await expect(page.getByText('OpenClaw was not found on this computer.').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Install for me' })).toBeVisible();
    await page.getByText(/^Looked in \d+ places$/).click();
    await snapScreen(page, 'gateway-not-installed');
  });
});

test('"Install for me" shows its progress, can be cancelled, and then installs OpenClaw', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(90_000);
  const npmDir = path.resolve(__dirname, '../main/testing/fixtures/fake-npm');
  const shell = await startWebShell({ openclawPath: null, env: { PATH: `${npmDir}:${path.dirname(process.execPath)}:/usr/bin:/bin`, npm_config_fake_npm_mode: 'slow', npm_config_fake_npm_packages: '60' } });
  try {
    await page.goto(shell.url);
    await skipWizard(page);
    await openView(page, 'Gateway');
    const card = page.getByRole('region', { name: 'OpenClaw' });
    await card.getByRole('button', { name: 'Install for me' }).click();
    const progress = card.getByRole('progressbar', { name: 'Installing OpenClaw' });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card.getByText('The installation was cancelled.')).toBeVisible();
    await expect(progress).toHaveCount(0);

    await card.getByRole('button', { name: 'Install for me' }).click();
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(5);
    await snapScreen(page, 'gateway-installing');
    // It ends with a success line that says what to do next.
    await expect(card.getByRole('status').filter({ hasText: /^OpenClaw (\d+\.\d+\.\d+ )?is installed\. You can start the gateway now\.$/ })).toBeVisible({ timeout: 30_000 });
    await expect(card.getByTestId('openclaw-path')).toContainText(shell.dataDir);
    // The pinned current release, so credentials go through OpenClaw's own CLI and gateway.
    await expect(card.getByTestId('openclaw-version')).toHaveText('2026.9.6');
    await expect(card.getByTestId('credential-backend')).toHaveText('Saved through OpenClaw’s own gateway or CLI (OpenClaw 2026.6 and later)');
    await expect(page.getByTestId('gateway-page-status')).toHaveText('Stopped');
  } finally {
    await shell.stop();
  }
});

test('a gateway that cannot start says why and leads to the screen where it is fixed', async ({ page }) => {
  await withHeldPort(async (port) => {
    await skipWizard(page);
    await useFakeOpenClaw(page, port);

    await openView(page, 'Status');
    const card = page.getByRole('region', { name: 'Gateway' });
    await card.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(card.getByTestId('gateway-status')).toHaveText('Failed', { timeout: 30_000 });
    await expect(card.getByText(`Another program is using port ${port}.`)).toBeVisible();
    await expect(card.getByText(/^Port \d+ is free: use it in one click\. Or close that program, or choose another port in Settings\.$/)).toBeVisible();
    const note = card.locator('.note', { hasText: 'Held by process' });
    expect(await note.evaluate((el) => el.scrollWidth <= el.clientWidth), 'a long command line wraps inside the note').toBe(true);
    await snapScreen(page, 'status-port-in-use');
    await card.getByRole('button', { name: 'Open Settings' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
    // The way out lands where the fix is made: the Port field has the focus.
    await expect(page.getByLabel('Port', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(port));
  });
});
