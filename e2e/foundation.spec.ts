import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, snap, test } from './fixtures';

test('the page renders app:info from the web shell', { tag: '@web-shell' }, async ({ page, shell }) => {
  await expect(page.getByRole('heading', { name: 'ClawTray' })).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveText('web');
  await expect(page.getByTestId('app-state-dir')).toHaveText(shell.stateDir);
  await expect(page.getByTestId('app-agent')).toHaveText('main');
  await expect(page).not.toHaveURL(/token=/);
  await snap(page, 'foundation-status');
});

test('an invalid input returns VALIDATION with field details', async ({ page }) => {
  const result = await page.evaluate(() => window.clawtray!.gatewayLogs({ limit: -5 }));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('VALIDATION');
  expect(result.error.fields).toHaveProperty('limit');
});

test.describe('the API refuses strangers', () => {
  test('no token, a wrong token, a foreign Host or a foreign Origin get 403', { tag: '@web-shell' }, async ({ playwright, shell }) => {
    const ctx = await playwright.request.newContext();
    const url = `${shell.origin}/api/invoke/app:info`;
    const good = await ctx.post(url, { headers: { authorization: `Bearer ${shell.token}` }, data: {} });
    expect(good.status()).toBe(200);
    expect(await good.json()).toMatchObject({ ok: true, value: { shell: 'web' } });
    expect((await ctx.post(url, { data: {} })).status()).toBe(403);
    expect((await ctx.post(url, { headers: { authorization: 'Bearer not-the-token' }, data: {} })).status()).toBe(403);
    expect((await ctx.post(url, { headers: { authorization: `Bearer ${shell.token}`, host: `attacker.test:${shell.port}` }, data: {} })).status()).toBe(403);
    expect((await ctx.post(url, { headers: { authorization: `Bearer ${shell.token}`, origin: 'http://attacker.test' }, data: {} })).status()).toBe(403);
    await ctx.dispose();
  });

  test('a page on another origin cannot call the API, even holding the token', { tag: '@web-shell' }, async ({ page, shell }) => {
    const other = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>elsewhere</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const outcome = await page.evaluate(
        async ({ port, token }) => {
          const r = await fetch(`http://127.0.0.1:${port}/api/invoke/app:info`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{}',
          }).catch((err: Error) => err.name);
          return typeof r === 'string' ? r : `read ${r.status}`;
        },
        { port: shell.port, token: shell.token },
      );
      // The browser's CORS preflight meets a 403 without CORS headers, so the call never reaches the API.
      expect(outcome).toBe('TypeError');
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
