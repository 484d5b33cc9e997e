/**
 * Playwright fixtures: every test gets its own web shell (`shell`) and a page opened on it. The same specs run under
 * Electron (`_electron.launch`) when CLAWTRAY_E2E_ELECTRON=1 and an Electron binary exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startWebShell, type WebShell } from './web-shell';

/** Where every spec saves its screenshots (named in the README). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

/** Saves a full-page screenshot under SCREENSHOT_DIR. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ shell: WebShell }>({
  shell: async ({}, use) => {
    const shell = await startWebShell();
    await use(shell);
    await shell.stop();
  },
  page: async ({ page, shell }, use) => {
    await page.goto(shell.url);
    await use(page);
  },
});

export { expect };
