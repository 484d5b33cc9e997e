/**
 * Helpers the window specs share: skipping the first-run wizard, the accessibility check (axe: no serious or
 * critical violation), screenshots in light and dark, reading what the app wrote in the state folder, a free
 * port for the gateway, and the two set-ups many specs start from (a saved key, the fake OpenClaw).
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { expect, type Locator, type Page } from '@playwright/test';
import { snap } from './fixtures';
import { FAKE_OPENCLAW, startWebShell, type WebShell } from './web-shell';

export { FAKE_OPENCLAW };

/** A valid-looking setup-token (prefix + 80+ characters). */
export const SETUP_TOKEN = `sk-ant-oat01-${'A1b2C3d4'.repeat(11)}`;
/** A fake Anthropic API key. */
export const API_KEY = `sk-ant-api03-${'k'.repeat(40)}XYZ12345`;

/** Leaves the first-run wizard through "Skip setup" and waits for the status screen. */
export async function skipWizard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip setup' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
}

/** Opens one of the four screens from the navigation. */
export async function openView(page: Page, name: 'Status' | 'Credentials' | 'Gateway' | 'Settings'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** Fails on any serious or critical axe violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Checks accessibility and saves a screenshot of the current screen in light and in dark (`<name>-light.png`,
 * `<name>-dark.png`), leaving the page in light.
 */
export async function snapScreen(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
    await snap(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Parses a JSON file the app wrote. */
export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The main agent's credential store in a state folder. */
export function authProfilesPath(stateDir: string, agentId = 'main'): string {
  return path.join(stateDir, 'agents', agentId, 'agent', 'auth-profiles.json');
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `fn` with a free port held by another program (a TCP server that drops every connection), then frees it. */
export async function withHeldPort<T>(fn: (port: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const holder = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
  try {
    return await fn(port);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
}

/** Saves the test Anthropic API key as `anthropic:default` through the Credentials screen. */
export async function saveAnthropicKey(page: Page): Promise<void> {
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  await page.getByLabel('Anthropic API key', { exact: true }).fill(API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as anthropic:default' })).toBeVisible();
}

/**
 * A French first run on `port` (settings written before the shell starts): the wizard saves the test key and
 * clicks "Démarrer la passerelle" on its last step; `fn` runs on that step. The shell is stopped afterwards.
 */
export async function frenchWizardStart(page: Page, port: number, fn: (shell: WebShell) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-data-'));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port, language: 'fr', openclawPath: FAKE_OPENCLAW }));
  const shell = await startWebShell({ dataDir });
  try {
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Clé API Anthropic' }).click();
    await page.getByLabel('Clé API Anthropic', { exact: true }).fill(API_KEY);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Démarrer la passerelle' }).click();
    await fn(shell);
  } finally {
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Skips the wizard, points the app at the fake OpenClaw on `port` and presses Start on the status panel's gateway card. */
export async function startOnStatus(page: Page, port: number): Promise<Locator> {
  await skipWizard(page);
  await useFakeOpenClaw(page, port);
  await openView(page, 'Status');
  const card = page.getByRole('region', { name: 'Gateway' });
  await card.getByRole('button', { name: 'Start', exact: true }).click();
  return card;
}

/** Opens a credential form's "Advanced" section (profile name, agent, .env) unless it is already open. */
export async function openAdvanced(page: Page): Promise<void> {
  const details = page.locator('details.advanced');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

/** Points the app at the fake OpenClaw install on `port` through the Settings screen. */
export async function useFakeOpenClaw(page: Page, port: number): Promise<void> {
  await openView(page, 'Settings');
  await page.getByLabel('OpenClaw program').fill(FAKE_OPENCLAW);
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
}
