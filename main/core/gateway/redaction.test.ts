/**
 * Issue 13 items 1 and 2 through the gateway module and a real (fake) gateway: what leaves core (gateway:logs, the
 * gateway:log and gateway:state events, a state's message, port holder and last stderr lines) never carries a
 * secret from openclaw.json, .env, the user's input, or a port holder's command line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { GatewayState, LogLine } from '../../../shared/contract';
import { FAKE_OPENCLAW, freePort, killLone } from '../../testing/gateway-test-support';
import { useTestCore } from '../../testing/use-test-core';
import { MAX_LINE_CHARS } from '../secrets/line-splitter';

const TELEGRAM = '7712345678:AAF-telegram-bot-token-0123456789abcdef';
const SLACK = 'xoxb-2024-slack-bot-token-0123456789';
const SEARCH = 'BSA-web-search-key-0123456789';
const REMOTE = 'remote-gateway-password-42';
const CF_GATEWAY = 'cf-aig-gateway-token-0123456789';
const DOTENV = 'dotenv-only-secret-0123456789';
const TYPED = 'sk-ant-api03-typed-by-the-user-0123456789-abcdefghijklmnop';
const ALL = [TELEGRAM, SLACK, SEARCH, REMOTE, CF_GATEWAY, DOTENV, TYPED];

/** A core over the fake OpenClaw whose state dir holds secrets in openclaw.json and .env. */
async function coreWithSecrets(env: Record<string, string> = {}) {
  const t = useTestCore({ env: { PATH: process.env.PATH ?? '', ...env } });
  fs.writeFileSync(
    path.join(t.stateDir, 'openclaw.json'),
    JSON.stringify({
      gateway: { mode: 'local', remote: { url: 'wss://example.invalid', password: REMOTE } },
      channels: { telegram: { botToken: TELEGRAM }, slack: { botToken: SLACK } },
      tools: { web: { search: { apiKey: SEARCH } } },
      models: { providers: { 'cloudflare-ai-gateway': { headers: { 'cf-aig-authorization': `Bearer ${CF_GATEWAY}` } } } },
    }),
    { mode: 0o600 },
  );
  fs.writeFileSync(path.join(t.stateDir, '.env'), `SOME_SERVICE_VALUE=${DOTENV}\n`, { mode: 0o600 });
  const port = await freePort();
  const set = await t.core.dispatch('settings:update', { openclawPath: FAKE_OPENCLAW, port, stopGraceMs: 2000 });
  expect(set.ok).toBe(true);
  const states: GatewayState[] = [];
  const events: LogLine[] = [];
  t.core.events.on('gateway:state', (s) => states.push(s));
  t.core.events.on('gateway:log', (p) => events.push(...p.lines));
  await t.core.start();
  onTestFinished(async () => void (await t.core.dispatch('gateway:stop', {})));
  return { ...t, port, states, events };
}

/** Polls until `check` holds. */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Fails with the secret's name when any part of `text` shows a secret, or a half of one. */
function expectNoSecret(text: string, where: string): void {
  for (const s of ALL) {
    const half = Math.ceil(s.length / 2);
    expect(text, `${where}: ${s}`).not.toContain(s);
    expect(text, `${where}: first half of ${s}`).not.toContain(s.slice(0, half));
    expect(text, `${where}: last half of ${s}`).not.toContain(s.slice(-half));
  }
}

describe('secrets never leave the gateway module whole', () => {
  it('log lines: channel tokens, tools and remote passwords, headers, .env values and typed keys, also across the 8,192 cut', async () => {
    const straddle = `${'p'.repeat(MAX_LINE_CHARS - 12)}${TELEGRAM} ${'q'.repeat(50)}`;
    const c = await coreWithSecrets({ FAKE_GATEWAY_ECHO: `careless gateway: ${ALL.join(' | ')} | ${straddle}` });
    const saved = await c.core.dispatch('auth:saveAnthropicKey', { apiKey: TYPED });
    expect(saved.ok).toBe(true);
    expect((await c.core.dispatch('gateway:start', {})).ok).toBe(true);
    const lines = await until(async () => {
      const r = await c.core.dispatch('gateway:logs', {});
      const got = r.ok ? (r.value as { lines: LogLine[] }).lines : [];
      return got.some((l) => l.text.includes('careless gateway')) && got.some((l) => l.text.includes('qqqq')) ? got : undefined;
    });
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('[redacted]');
    expectNoSecret(text, 'gateway:logs');
    expectNoSecret(lines.map((l) => l.text).join(''), 'gateway:logs joined');
    await until(() => c.events.some((l) => l.text.includes('qqqq')));
    expectNoSecret(c.events.map((l) => l.text).join(''), 'gateway:log events');
  });

  it("last stderr lines of a gateway refusing its config (exit 78) are redacted in the state and its event", async () => {
    const c = await coreWithSecrets({ FAKE_GATEWAY_MODE: 'exit-78', FAKE_GATEWAY_ECHO_STDERR: `Problem: channels.telegram.botToken ${TELEGRAM} rejected; password=${REMOTE}` });
    await c.core.dispatch('gateway:start', {});
    const failed = await until(async () => {
      const r = await c.core.dispatch('gateway:state', {});
      const s = r.ok ? (r.value as GatewayState) : undefined;
      return s?.status === 'failed' ? s : undefined;
    });
    expect(failed.lastStderr?.join('\n')).toContain('rejected');
    expectNoSecret(JSON.stringify(failed), 'gateway:state');
    expectNoSecret(JSON.stringify(c.states), 'gateway:state events');
  });

  it("a port holder's command line with a key on it is shown redacted in portHolder.command and the message", async () => {
    const c = await coreWithSecrets();
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${c.port}, '127.0.0.1', () => console.log('up'))`, '--', `--api-key=${TYPED}`, '--token', SEARCH], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    onTestFinished(() => killLone(holder));
    await new Promise((r) => holder.stdout!.once('data', r));
    const r = await c.core.dispatch('gateway:start', {});
    expect(r.ok).toBe(true);
    const s = (r.ok ? r.value : undefined) as GatewayState;
    expect(s).toMatchObject({ status: 'failed', reason: 'port-in-use' });
    if (process.platform === 'linux') {
      expect(s.portHolder?.pid).toBe(holder.pid);
      expect(s.portHolder?.command).toContain('--api-key=[redacted]');
    }
    expectNoSecret(JSON.stringify(s), 'gateway:start answer');
    expectNoSecret(JSON.stringify(c.states), 'gateway:state events');
  });
});
