import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';
import { freePort, openView, skipWizard, snapScreen, useFakeOpenClaw } from './window-support';

/** Pids of live (not zombie) processes in group `pgid`: /proc on Linux, `ps` elsewhere (macOS). */
function groupMembers(pgid: number): number[] {
  if (process.platform !== 'linux') {
    const rows = execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat='], { encoding: 'utf8' }).trim().split('\n');
    return rows.map((r) => r.trim().split(/\s+/)).filter(([, g, st]) => Number(g) === pgid && !st?.startsWith('Z')).map(([p]) => Number(p));
  }
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') out.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

test('quit with keep-running, relaunch on the same data folder, Stop: gateway gone, port free, group empty', { tag: '@web-shell' }, async ({ page }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-owner-'));
  const dirs = { stateDir: path.join(root, 'state'), dataDir: path.join(root, 'data') };
  fs.mkdirSync(dirs.stateDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dirs.stateDir, 'openclaw.json'), JSON.stringify({ logging: { file: path.join(root, 'openclaw.log') } }));
  const shells: WebShell[] = [];
  let pid = 0;
  try {
    const first = await startWebShell(dirs);
    shells.push(first);
    const port = await freePort();
    await page.goto(first.url);
    await skipWizard(page);
    await useFakeOpenClaw(page, port);
    await page.getByLabel('Keep the gateway running after quitting ClawTray').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await openView(page, 'Gateway');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const chip = page.getByTestId('gateway-page-status');
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });
    pid = Number(await page.getByRole('region', { name: 'Gateway' }).locator('dt:has-text("Process") + dd').textContent());
    expect(pid).toBeGreaterThan(0);

    // A second shell on the same data folder is refused while the first runs.
    await expect(startWebShell(dirs)).rejects.toThrow(/already uses the data folder/);

    await first.stop();
    expect(groupMembers(pid)).toContain(pid);

    const second = await startWebShell(dirs);
    shells.push(second);
    await page.goto(second.url);
    await openView(page, 'Gateway');
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });
    await expect(page.getByTestId('gateway-owner')).toHaveText('ClawTray earlier (kept running when it quit)');
    await expect(page.getByRole('log', { name: 'Gateway log' })).toContainText('fake-gateway: ready');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
    await snapScreen(page, 'gateway-started-earlier');

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(chip).toHaveText('Stopped', { timeout: 30_000 });
    expect(groupMembers(pid)).toEqual([]);
    expect(await portFree(port)).toBe(true);
  } finally {
    if (pid && groupMembers(pid).length) process.kill(-pid, 'SIGKILL');
    for (const s of shells) await s.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("Settings hands the gateway to OpenClaw's background service and back; the Gateway page controls it through OpenClaw", { tag: '@web-shell' }, async ({ page }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-service-'));
  const dirs = { stateDir: path.join(root, 'state'), dataDir: path.join(root, 'data') };
  fs.mkdirSync(dirs.stateDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dirs.stateDir, 'openclaw.json'), JSON.stringify({ logging: { file: path.join(root, 'openclaw.log') } }));
  const shell = await startWebShell(dirs);
  try {
    const port = await freePort();
    await page.goto(shell.url);
    await skipWizard(page);
    await useFakeOpenClaw(page, port);
    await openView(page, 'Gateway');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const chip = page.getByTestId('gateway-page-status');
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });

    await openView(page, 'Settings');
    await page.getByRole('radio', { name: /OpenClaw's background service/ }).click();
    const dialog = page.getByRole('dialog', { name: "Let OpenClaw's background service run the gateway?" });
    await expect(dialog).toContainText('systemd user unit openclaw-gateway.service');
    await snapScreen(page, 'settings-gateway-owner-confirm');
    await dialog.getByRole('button', { name: 'Install the service' }).click();
    await expect(page.getByText("OpenClaw's background service (openclaw-gateway.service) now runs the gateway.")).toBeVisible({ timeout: 30_000 });

    await openView(page, 'Gateway');
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });
    await expect(page.getByTestId('gateway-run-by')).toHaveText("Run by OpenClaw's background service (openclaw-gateway.service).");
    await expect(page.getByTestId('gateway-owner')).toHaveText("OpenClaw's background service");
    await snapScreen(page, 'gateway-service');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(chip).toHaveText('Stopped', { timeout: 30_000 });
    await expect(page.getByRole('log', { name: 'Gateway log' })).toContainText('$ openclaw gateway stop');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });

    await openView(page, 'Settings');
    await page.getByRole('radio', { name: /^ClawTray/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the service' }).click();
    await expect(page.getByText('ClawTray runs the gateway again; openclaw-gateway.service was removed.')).toBeVisible({ timeout: 30_000 });
    await openView(page, 'Gateway');
    await expect(chip).toHaveText('Ready', { timeout: 30_000 });
    await expect(page.getByTestId('gateway-owner')).toHaveText('ClawTray');
    const service = JSON.parse(fs.readFileSync(path.join(dirs.stateDir, 'fake-service.json'), 'utf8')) as { installed: boolean };
    expect(service.installed).toBe(false);
  } finally {
    try {
      const { runnerPid } = JSON.parse(fs.readFileSync(path.join(dirs.stateDir, 'fake-service.json'), 'utf8')) as { runnerPid?: number };
      if (runnerPid) process.kill(-runnerPid, 'SIGKILL');
    } catch {
      // no service left running
    }
    await shell.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
