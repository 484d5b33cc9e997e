/**
 * Issue 12 item 2, "keys checked before saving, and on demand". Before: the Anthropic key field took an OpenAI key
 * or just `sk-ant-`, and the status then showed a green "Valid". Now the form refuses a key without the provider's
 * known shape (no "save anyway" where the format is certain), offers "Save it anyway" where it is not, and each
 * credential has a Test button: the real OpenClaw 2026.5.28 probes a Cloudflare profile whose base URL points at a
 * loopback mock provider, answering 200 ("Works") then 401 ("Refused: check the key", with the cooldown it causes).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ReferenceOpenClaw } from '../scripts/reference-openclaw.mjs';
import { expect, test } from './fixtures';
import { startWebShell } from './web-shell';
import { API_KEY, authProfilesPath, freePort, openView, skipWizard, snapScreen } from './window-support';

test('an OpenAI key or a bare sk-ant- is refused in the Anthropic form; an unusual OpenAI key is saved only with "Save it anyway"', async ({ page, shell }) => {
  await skipWizard(page);
  await openView(page, 'Credentials');
  await page.getByRole('button', { name: 'Anthropic API key' }).click();
  const key = page.getByLabel('Anthropic API key', { exact: true });
  await key.fill(`sk-proj-${'a'.repeat(60)}`);
  await key.blur();
  await expect(page.getByText('An Anthropic API key starts with sk-ant-api, and this one does not')).toBeVisible();
  await expect(page.getByLabel(/Save it anyway/)).toHaveCount(0);
  await key.fill('sk-ant-');
  await key.blur();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the field marked above.' })).toBeVisible();
  await expect(key).toBeFocused();
  await expect(page.getByText('An Anthropic API key starts with sk-ant-api')).toBeVisible();
  await snapScreen(page, 'form-key-shape');
  expect(fs.existsSync(authProfilesPath(shell.stateDir)), 'nothing written').toBe(false);

  await openView(page, 'Credentials');
  await page.getByRole('button', { name: "Another provider's token" }).click();
  await page.getByLabel('Provider', { exact: true }).fill('openai');
  await page.getByLabel('API key or token').fill('proj-0123456789abcdef');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('openai keys usually start with sk-')).toBeVisible();
  const anyway = page.getByLabel('Save it anyway (this provider’s keys can look different)');
  await snapScreen(page, 'form-key-unusual');
  await anyway.check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  const store = JSON.parse(fs.readFileSync(authProfilesPath(shell.stateDir), 'utf8')) as { profiles: Record<string, { token?: string }> };
  expect(store.profiles['openai:manual']?.token).toBe('proj-0123456789abcdef');

  // What is known without asking the provider is said plainly (no green "Valid").
  await openView(page, 'Status');
  const row = page.getByRole('region', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: 'openai:manual' });
  await expect(row.locator('.chip').first()).toHaveText('No expiry');
  await expect(row.getByRole('button', { name: 'Test openai:manual' })).toBeVisible();
});

/** A local stand-in for the provider behind the Cloudflare gateway: answers Anthropic's streaming reply, or 401. */
function mockProvider(): Promise<{ port: number; mode: { status: 200 | 401 }; requests: string[]; close: () => Promise<void> }> {
  const mode: { status: 200 | 401 } = { status: 200 };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${String(req.headers['x-api-key'] ?? '').slice(0, 10)}`);
      if (mode.status === 401) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
        return;
      }
      const model = (JSON.parse(body || '{}') as { model?: string }).model ?? 'claude';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const ev = (name: string, data: unknown) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      ev('message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 0 } } });
      ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'OK' } });
      ev('content_block_stop', { type: 'content_block_stop', index: 0 });
      ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } });
      ev('message_stop', { type: 'message_stop' });
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as { port: number }).port, mode, requests, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

type ReferenceModule = typeof import('../scripts/reference-openclaw.mjs');
let ref: ReferenceOpenClaw;
test.beforeAll(async () => {
  test.setTimeout(600_000);
  const reference = (await import('../scripts/reference-openclaw.mjs')) as ReferenceModule;
  ref = await reference.ensureReferenceOpenClaw(reference.REFERENCE_VERSION);
});

test('Test asks the real OpenClaw: "Works" against a provider answering 200, "Refused: check the key" against 401, in plain words', { tag: '@web-shell' }, async ({ page }) => {
  test.setTimeout(480_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-e2e-probe-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port: await freePort(), openclawPath: ref.openclawBin, onboardingDone: true }));
  const provider = await mockProvider();
  const shell = await startWebShell({ dataDir, env: { PATH: `${path.dirname(ref.nodeBin)}:${process.env.PATH ?? ''}`, HOME: root } });
  try {
    await page.goto(shell.url);
    await openView(page, 'Credentials');
    await page.getByRole('button', { name: 'Cloudflare AI Gateway' }).click();
    await page.getByLabel('Account ID').fill('0123456789abcdef0123456789abcdef');
    await page.getByLabel('Gateway ID').fill('gw-test');
    await page.getByLabel('Provider API key').fill(API_KEY);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
    // The provider behind the gateway is the loopback mock (as a user pointing OpenClaw at a local endpoint would).
    const configPath = path.join(shell.stateDir, 'openclaw.json');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as { models: { providers: Record<string, { baseUrl: string }> } };
    config.models.providers['cloudflare-ai-gateway']!.baseUrl = `http://127.0.0.1:${provider.port}/v1/acc/gw-test/anthropic`;
    fs.writeFileSync(configPath, JSON.stringify(config, null, 2));

    await openView(page, 'Status');
    const row = page.getByRole('region', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: 'cloudflare-ai-gateway:default' });
    await expect(row.locator('.chip').first()).toHaveText('No expiry');
    await row.getByRole('button', { name: 'Test cloudflare-ai-gateway:default' }).click();
    await expect(row.getByRole('button', { name: 'Test cloudflare-ai-gateway:default' })).toHaveText('Testing…');
    await expect(row.getByText('OpenClaw is sending the provider a tiny request')).toBeVisible();
    await expect(row.locator('.chip').first()).toHaveText('Works', { timeout: 240_000 });
    await expect(row.getByTestId('credential-test')).toContainText(/tested (now|\d+ seconds? ago|1 minute ago)/);
    expect(provider.requests.some((r) => r.startsWith('POST /v1/acc/gw-test/anthropic/v1/messages sk-ant-api'))).toBe(true);
    await snapScreen(page, 'status-test-works');

    provider.mode.status = 401;
    await row.getByRole('button', { name: 'Test cloudflare-ai-gateway:default' }).click();
    await expect(row.getByTestId('credential-test')).toContainText('The provider refused it: check the key, or replace it.', { timeout: 240_000 });
    await expect(row.getByText('Refused', { exact: true })).toBeVisible();
    await snapScreen(page, 'status-test-refused');

    await openView(page, 'Settings');
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('navigation').getByRole('button', { name: 'État' }).click();
    await expect(page.getByTestId('credential-test')).toContainText(/Le fournisseur l’a refusé\s:\svérifiez la clé, ou remplacez-la\./);
    await snapScreen(page, 'status-test-refused-fr');
  } finally {
    await shell.stop();
    await provider.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
