import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureReferenceOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { alive, makeTestGateway, treeOf } from '../../testing/gateway-test-support';
import { isPortFree } from './port-holder';

let ref: { openclawBin: string; nodeBin: string; version: string };
beforeAll(async () => {
  ref = await ensureReferenceOpenClaw();
}, 900_000);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('GatewaySupervisor with the real reference OpenClaw', () => {
  it('start -> running -> ready -> stop, port free and no process left', async () => {
    const logDir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'clawtray-real-log-'));
    cleanups.push(async () => fs.rmSync(logDir, { recursive: true, force: true }));
    const logFile = path.join(logDir, 'openclaw.log');
    const g = await makeTestGateway({
      openclawPath: ref.openclawBin,
      env: { PATH: `${path.dirname(ref.nodeBin)}${path.delimiter}${process.env.PATH}`, LANG: process.env.LANG },
      config: { logging: { file: logFile } },
      stopGraceMs: 15_000,
    });
    cleanups.push(g.cleanup);
    const s = await g.sup.start();
    expect(s).toMatchObject({ status: 'starting', owned: true, logFile, installation: { version: ref.version, nodePath: ref.nodeBin } });
    await g.waitFor('running', 90_000);
    const ready = await g.waitFor('ready', 90_000);
    expect(g.statuses()).toEqual(['stopped', 'starting', 'running', 'ready']);
    const tree = treeOf(ready.pid!);
    const config = JSON.parse(fs.readFileSync(g.configPath, 'utf8'));
    expect(config.gateway).toMatchObject({ mode: 'local', bind: 'loopback', auth: { mode: 'token' } });
    const stopped = await g.sup.stop();
    expect(stopped.status).toBe('stopped');
    expect(alive(tree)).toEqual([]);
    expect(await isPortFree(g.port)).toBe(true);
    const text = g.sup.logs().lines.map((l) => l.text).join('\n');
    expect(text).toMatch(/received SIGTERM|shutting down/);
    expect(text).not.toContain(config.gateway.auth.token);
  }, 180_000);
});
