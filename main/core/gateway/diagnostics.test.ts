import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GatewayState } from '../../../shared/contract';
import { FAKE_OPENCLAW, freePort } from '../../testing/gateway-test-support';
import { makeTestCore } from '../../testing/test-support';
import { formatDiagnostics } from './diagnostics';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const API_KEY = `sk-ant-api03-${'Q'.repeat(40)}-diag`;
const OPAQUE = 'opaque-provider-token-7f3a9c1e5b';
const ENV_VALUE = 'plain-env-secret-value-4d8e2a';

describe('formatDiagnostics', () => {
  it('replaces every known secret and key-looking word, wherever it appears', () => {
    const state: GatewayState = { status: 'ready', port: 1, owned: true, owner: 'app', message: `uses ${OPAQUE}` };
    const text = formatDiagnostics(
      {
        at: '2026-01-01T00:00:00.000Z',
        app: { version: '1', shell: 'web' },
        os: 'Linux',
        openclaw: { version: '2026.5.28', path: '/x', source: 'path' },
        node: { version: 'v24', path: '/n' },
        backend: 'profiles-file',
        stateDir: '/s',
        state,
        portHolder: 'free',
        logs: [{ seq: 1, ts: 0, stream: 'stdout', text: `key ${API_KEY} env ${ENV_VALUE}` }],
        status: `{"rpc":{"error":"${ENV_VALUE}"}}`,
        doctor: `{"findings":[{"message":"${OPAQUE}"}]}`,
      },
      [OPAQUE, ENV_VALUE],
    );
    for (const secret of [API_KEY, OPAQUE, ENV_VALUE]) expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)!.length).toBeGreaterThanOrEqual(5);
  });
});

describe.runIf(process.platform === 'linux')('gateway:diagnostics', () => {
  it('reports app, OS, OpenClaw, Node, backend, state and owner, port holder, logs, status and doctor, with none of the planted secrets', async () => {
    const t = makeTestCore({
      env: { PATH: process.env.PATH, FAKE_GATEWAY_ECHO: `careless: ${API_KEY} ${OPAQUE} ${ENV_VALUE}`, FAKE_SERVICE_MODE: 'status-secret', FAKE_SERVICE_SECRET: ENV_VALUE },
    });
    cleanups.push(t.cleanup);
    const logFile = path.join(t.stateDir, 'logs', 'openclaw.log');
    fs.writeFileSync(path.join(t.stateDir, 'openclaw.json'), JSON.stringify({ logging: { file: logFile } }));
    const port = await freePort();
    const ok = async (channel: Parameters<typeof t.core.dispatch>[0], input: unknown) => {
      const r = await t.core.dispatch(channel, input);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return (r as { ok: true; value: unknown }).value;
    };
    await ok('settings:update', { openclawPath: FAKE_OPENCLAW, port });
    await t.core.start();
    await ok('auth:saveAnthropicKey', { apiKey: API_KEY });
    await ok('auth:saveToken', { provider: 'openrouter', token: OPAQUE, acceptUnusualKey: true });
    await ok('env:set', { key: 'MY_SERVICE_SECRET', value: ENV_VALUE });
    await ok('gateway:start', {});
    await vi.waitFor(async () => expect(((await ok('gateway:state', {})) as GatewayState).status).toBe('ready'), { timeout: 15_000, interval: 50 });
    const token = JSON.parse(fs.readFileSync(path.join(t.stateDir, 'openclaw.json'), 'utf8')).gateway.auth.token as string;
    await vi.waitFor(() => expect(fs.readFileSync(logFile, 'utf8')).toContain(token));

    const { text } = (await ok('gateway:diagnostics', {})) as { text: string };
    expect(text).toMatch(/^App: ClawTray 0\.0\.0-test \(web shell\)$/m);
    expect(text).toMatch(/^OS: \S+ .* \(linux\)$/m);
    expect(text).toContain(`OpenClaw: 2026.5.28 at ${FAKE_OPENCLAW} (found through settings)`);
    expect(text).toMatch(/^Node\.js: v\d+\.\d+\.\d+ at \//m);
    expect(text).toContain('Credential backend: profiles-file');
    expect(text).toMatch(/^Gateway: ready, owner app, port \d+, pid \d+$/m);
    expect(text).toMatch(/^Port holder: pid \d+ \(/m);
    expect(text).toContain('--- openclaw gateway status --json');
    expect(text).toContain('"loaded": false');
    expect(text).toContain('--- openclaw doctor --lint --json');
    expect(text).toContain('core/doctor/security');
    expect(text).toContain('fake-gateway: ready');
    for (const secret of [API_KEY, OPAQUE, ENV_VALUE, token]) expect(text, secret).not.toContain(secret);
    expect(text).toContain('handshake refused for credential [redacted]');
    expect(text).toContain('holds a plaintext gateway token ([redacted])');
    expect(text).toContain('MY_SERVICE_SECRET=');
  }, 60_000);
});
