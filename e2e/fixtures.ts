/**
 * Playwright fixtures: every test gets its own web shell (`shell`) and a page opened on it. With
 * CLAWTRAY_E2E_ELECTRON=1 (where an Electron binary exists) the same specs drive the desktop app instead, launched
 * with `_electron.launch` over the same temp folders; specs tagged `@web-shell` need the web shell's own endpoints
 * or environment and run only there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, test as base, expect, type Page } from '@playwright/test';
import { FAKE_OPENCLAW, prepareAppDirs, ROOT, startWebShell, type WebShell } from './web-shell';

/** True when the specs drive the Electron app rather than the web shell. */
export const ELECTRON = process.env.CLAWTRAY_E2E_ELECTRON === '1';

/** Where every spec saves its screenshots (named in the README). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

/** Saves a full-page screenshot under SCREENSHOT_DIR. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ shell: WebShell; openclawPath: string | null }>({
  /** The "OpenClaw path" a new shell starts with: the fake 2026.5.28 install; `test.use({ openclawPath: null })` for none. */
  openclawPath: [FAKE_OPENCLAW, { option: true }],
  shell: async ({ openclawPath }, use) => {
    const shell = ELECTRON ? prepareAppDirs() : await startWebShell({ openclawPath });
    await use(shell);
    await shell.stop();
  },
  page: async ({ page, shell }, use) => {
    if (!ELECTRON) {
      await page.goto(shell.url);
      await use(page);
      return;
    }
    const app = await _electron.launch({
      args: [ROOT, '--state-dir', shell.stateDir, '--data-dir', shell.dataDir],
      env: { PATH: process.env.PATH ?? '', HOME: path.dirname(shell.stateDir), LANG: 'en_US.UTF-8', CLAWTRAY_TRAY: '1' },
    });
    const window = await app.firstWindow();
    await use(window);
    await app.close();
  },
});

export { expect };
