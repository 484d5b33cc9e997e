import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { makeTempDir } from '../../testing/test-support';
import { HelperRuns } from './helper-runs';
import { waitUntil } from './process-tree';
import { isPidAlive } from './pid';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A helper that records its own pid and its background child's, then hangs. */
function hungHelper(): { args: string[]; pids: () => number[] } {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'pids');
  return {
    args: ['-c', `sleep 30 & echo $$ $! > '${file}'; wait`],
    pids: () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(' ').filter(Boolean).map(Number) : []),
  };
}

describe('HelperRuns', () => {
  it('gives a helper the allow-listed basics only: no provider key, no app variable, PATH absolute only', async () => {
    const script = 'console.log(JSON.stringify({ names: Object.keys(process.env).sort(), path: process.env.PATH }))';
    const r = await new HelperRuns().run(process.execPath, ['-e', script], {
      env: { PATH: '/usr/bin:.:bin', HOME: '/h', LANG: 'C', ANTHROPIC_API_KEY: 'k', CLAWTRAY_WEB_TOKEN: 't', NODE_OPTIONS: '--inspect' },
      timeoutMs: 10_000,
    });
    expect(JSON.parse(r!.stdout)).toEqual({ names: ['HOME', 'LANG', 'PATH'], path: '/usr/bin' });
  });
  it('returns the exit code and stdout', async () => {
    expect(await new HelperRuns().run('/bin/sh', ['-c', 'echo hi; exit 3'], { env: {}, timeoutMs: 5000 })).toEqual({ code: 3, stdout: 'hi\n' });
    expect(await new HelperRuns().run('/no/such/program', [], { env: {}, timeoutMs: 5000 })).toBeUndefined();
  });
});

describe.runIf(process.platform !== 'win32')('HelperRuns process groups', () => {
  it('kills a helper and its children at the deadline', async () => {
    const h = hungHelper();
    expect(await new HelperRuns(systemClock, process.platform).run('/bin/sh', h.args, { env: {}, timeoutMs: 400 })).toBeUndefined();
    expect(h.pids()).toHaveLength(2);
    expect(await waitUntil(systemClock, () => h.pids().some((p) => isPidAlive(p)), 2000)).toBe(true);
  });

  it('kills every live helper at quit, settles its caller and refuses new ones', async () => {
    const h = hungHelper();
    const runs = new HelperRuns(systemClock, process.platform);
    const pending = runs.run('/bin/sh', h.args, { env: {}, timeoutMs: 60_000 });
    await waitUntil(systemClock, () => h.pids().length < 2, 5000);
    expect(h.pids().filter((p) => isPidAlive(p))).toHaveLength(2);
    runs.killAll();
    expect(await pending).toBeUndefined();
    expect(await waitUntil(systemClock, () => h.pids().some((p) => isPidAlive(p)), 2000)).toBe(true);
    expect(await runs.run('/bin/sh', ['-c', 'echo late'], { env: {}, timeoutMs: 5000 })).toBeUndefined();
  });
});
