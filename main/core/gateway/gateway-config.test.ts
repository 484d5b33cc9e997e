import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/test-support';
import { applyGatewayDefaults, defaultLogFile, ensureGatewayConfig, gatewayInfoFrom } from './gateway-config';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('applyGatewayDefaults', () => {
  it('adds mode, bind and a token to an empty config', () => {
    const c: Record<string, unknown> = {};
    applyGatewayDefaults(c, () => 'tok-1234567890');
    expect(c).toEqual({ gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: 'tok-1234567890' } } });
  });
  it('keeps an existing token and every other key', () => {
    const c = { models: { x: 1 }, gateway: { port: 18790, auth: { token: 'keep-me-please', extra: true }, controlUi: { enabled: false } } };
    applyGatewayDefaults(c, () => 'new');
    expect(c).toEqual({ models: { x: 1 }, gateway: { port: 18790, mode: 'local', bind: 'loopback', auth: { mode: 'token', token: 'keep-me-please', extra: true }, controlUi: { enabled: false } } });
  });
  it('leaves another auth mode the user chose alone', () => {
    const c = { gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'password', password: 'p' } } };
    applyGatewayDefaults(c, () => 'new');
    expect(c.gateway.auth).toEqual({ mode: 'password', password: 'p' });
  });
});

describe('gatewayInfoFrom and defaultLogFile', () => {
  it('uses logging.file when set, else the dated default', () => {
    const now = new Date(2026, 10, 21, 12);
    expect(gatewayInfoFrom({ logging: { file: '/x/gw.log' }, gateway: { auth: { token: 't' } } }, now)).toEqual({ token: 't', logFile: '/x/gw.log' });
    expect(gatewayInfoFrom({}, now)).toEqual({ token: undefined, logFile: defaultLogFile(now) });
    expect(defaultLogFile(now)).toMatch(/openclaw[\\/]openclaw-2026-11-21\.log$/);
  });
});

describe('ensureGatewayConfig', () => {
  it('writes once, keeps a .bak, and is a no-op when the config already fits', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const p = path.join(t.dir, 'openclaw.json');
    fs.writeFileSync(p, '// json5 comment\n{ agents: { list: [] }, }\n');
    const first = await ensureGatewayConfig(p, Date.now());
    expect(first.token).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.existsSync(`${p}.bak`)).toBe(true);
    const written = fs.readFileSync(p, 'utf8');
    const second = await ensureGatewayConfig(p, Date.now());
    expect(second.token).toBe(first.token);
    expect(fs.readFileSync(p, 'utf8')).toBe(written);
    expect(JSON.parse(written).agents).toEqual({ list: [] });
  });
  it('refuses a corrupt config without overwriting it', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const p = path.join(t.dir, 'openclaw.json');
    fs.writeFileSync(p, '{ not json');
    await expect(ensureGatewayConfig(p, Date.now())).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
    expect(fs.readFileSync(p, 'utf8')).toBe('{ not json');
  });
});
