/**
 * End-to-end specs drive the real renderer in Chromium through the web shell. The browser is, in order: the path
 * in CLAWTRAY_CHROMIUM, Debian's /usr/bin/chromium, or Playwright's own (after `npx playwright install chromium`).
 */
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const candidates = [process.env.CLAWTRAY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = candidates.find((p): p is string => !!p && fs.existsSync(p));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  grepInvert: process.env.CLAWTRAY_E2E_ELECTRON === '1' ? /@web-shell/ : undefined,
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    colorScheme: 'light',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
});
