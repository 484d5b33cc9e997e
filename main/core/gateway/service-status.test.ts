import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, ensureReferenceOpenClaw, openclawEnv, REFERENCE_VERSION, runOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { chooseOwnerMode } from './ownership';
import { profileOf, serviceArgs } from './service-cli';
import { parseServiceAction, parseServiceStatus, serviceGaveUp, serviceName } from './service-status';

const FIXTURES = path.resolve(__dirname, '..', '..', 'testing', 'fixtures', 'openclaw');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('parseServiceStatus', () => {
  it('reads the real 2026.5.28 and 2026.9.6 outputs: no service installed or loaded, port, log file, version', () => {
    expect(parseServiceStatus(fixture('gateway-status-2026.5.28.json'))).toEqual({
      installed: false,
      loaded: false,
      manager: 'systemd user',
      runtime: 'unknown',
      detail: 'systemctl not available; systemd user services are required on Linux.',
      port: 18789,
      logFile: '/tmp/openclaw/openclaw-2026-11-29.log',
      version: '2026.5.28',
      rpcOk: false,
    });
    expect(parseServiceStatus(fixture('gateway-status-2026.9.6.json'))).toMatchObject({
      installed: false,
      loaded: false,
      manager: 'no supported service manager detected',
      runtime: 'unknown',
      port: 18790,
      version: '2026.9.6',
      rpcOk: true,
    });
  });

  it('reads a loaded systemd service (runtime as OpenClaw builds it from systemctl show), and one restarting its gateway', () => {
    const sample = JSON.parse(fixture('gateway-status-2026.9.6.json'));
    sample.service = { ...sample.service, label: 'systemd', loaded: true, command: { programArguments: ['node', 'openclaw.mjs', 'gateway'] }, runtime: { status: 'running', state: 'active', subState: 'running', pid: 4321, lastExitStatus: 0, systemd: { nRestarts: 0 } } };
    const running = parseServiceStatus(JSON.stringify(sample))!;
    expect(running).toMatchObject({ installed: true, loaded: true, runtime: 'running', pid: 4321, restarts: 0 });
    expect(serviceGaveUp(running)).toBe(false);
    sample.service.runtime = { status: 'unknown', state: 'activating', subState: 'auto-restart', lastExitStatus: 1, systemd: { nRestarts: 7 } };
    const looping = parseServiceStatus(`[warn] plugin missing\n${JSON.stringify(sample)}\n`)!;
    expect(looping).toMatchObject({ runtime: 'unknown', restarts: 7, lastExitStatus: 1 });
    expect(serviceGaveUp(looping)).toBe(false);
    expect(serviceGaveUp({ ...looping, state: 'failed' })).toBe(true);
  });

  it('is undefined for output that is not a status', () => {
    expect(parseServiceStatus('')).toBeUndefined();
    expect(parseServiceStatus('{"ok":false,"error":{"message":"x"}}')).toBeUndefined();
  });
});

describe('service commands', () => {
  it('reads OpenClaw\'s answers: ok, not-loaded, and its message on failure (both error shapes)', () => {
    expect(parseServiceAction(0, fixture('gateway-start-2026.5.28.json'), '')).toEqual({ ok: true, result: 'not-loaded', message: 'Gateway service disabled.' });
    expect(parseServiceAction(1, fixture('gateway-install-2026.5.28.json'), '')).toMatchObject({ ok: false, message: expect.stringContaining('systemctl not available') });
    expect(parseServiceAction(1, fixture('gateway-stop-2026.9.6.json'), '')).toMatchObject({ ok: false, message: expect.stringContaining('re-run with --force') });
    expect(parseServiceAction(1, fixture('gateway-start-2026.9.6.json'), '')).toMatchObject({ ok: false, message: expect.stringContaining('non-default state dir') });
    expect(parseServiceAction(1, '', 'line 1\nError: boom\n')).toEqual({ ok: false, message: 'line 1 Error: boom' });
  });

  it('builds the argv: --json always, --force for stop from 2026.6 on, --port for install, --profile for a profile dir', () => {
    expect(serviceArgs('stop', { version: '2026.5.28' })).toEqual(['gateway', 'stop', '--json']);
    expect(serviceArgs('stop', { version: '2026.9.6' })).toEqual(['gateway', 'stop', '--json', '--force']);
    expect(serviceArgs('install', { version: '2026.9.6', port: 18800, profile: 'work' })).toEqual(['--profile', 'work', 'gateway', 'install', '--json', '--port', '18800']);
    expect(profileOf('/home/u/.openclaw-work', '/home/u')).toBe('work');
    expect(profileOf('/home/u/.openclaw', '/home/u')).toBeUndefined();
    expect(profileOf('/tmp/x/.openclaw-work', '/home/u')).toBeUndefined();
  });

  it('names the service as OpenClaw does on each platform', () => {
    expect(serviceName('linux', undefined)).toBe('openclaw-gateway.service');
    expect(serviceName('linux', 'work')).toBe('openclaw-gateway-work.service');
    expect(serviceName('darwin', undefined)).toBe('ai.openclaw.gateway');
    expect(serviceName('darwin', 'work')).toBe('ai.openclaw.work');
    expect(serviceName('win32', 'Default')).toBe('OpenClaw Gateway');
    expect(serviceName('win32', 'work')).toBe('OpenClaw Gateway (work)');
  });

  it('chooses the owner: a loaded service always, the setting otherwise, and never drops a gateway the app runs', () => {
    const loaded = { installed: true, loaded: true, runtime: 'running' as const, rpcOk: true };
    expect(chooseOwnerMode('clawtray', loaded, false)).toBe('service');
    expect(chooseOwnerMode('clawtray', loaded, true)).toBe('app');
    expect(chooseOwnerMode('service', undefined, false)).toBe('service');
    expect(chooseOwnerMode('clawtray', { ...loaded, loaded: false }, false)).toBe('app');
  });
});

describe('the real `openclaw gateway status --json`', () => {
  it.each([REFERENCE_VERSION, CURRENT_VERSION])('of %s parses (hermetic state dir, no service manager here)', async (version) => {
    const ref = await ensureReferenceOpenClaw(version);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-svc-'));
    try {
      const stateDir = path.join(root, 'state');
      fs.mkdirSync(stateDir, { recursive: true });
      fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ gateway: { mode: 'local', bind: 'loopback', port: 18931 }, logging: { file: path.join(root, 'oc.log') } }));
      const r = await runOpenClaw(ref, ['gateway', 'status', '--json', '--no-probe'], { env: openclawEnv({ home: root, stateDir }), cwd: root });
      expect(r.code, r.stderr).toBe(0);
      expect(parseServiceStatus(r.stdout)).toMatchObject({ installed: false, loaded: false, port: 18931, logFile: path.join(root, 'oc.log'), version });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
