import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/test-support';
import { parseMarkedPath, readLoginShellPath } from './login-shell';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('parseMarkedPath', () => {
  it('ignores what rc files print around the marked PATH', () => {
    expect(parseMarkedPath('Welcome!\n__CLAWTRAY_PATH__/a:/b__CLAWTRAY_PATH__bye')).toBe('/a:/b');
    expect(parseMarkedPath('no markers')).toBeUndefined();
    expect(parseMarkedPath('__CLAWTRAY_PATH____CLAWTRAY_PATH__')).toBeUndefined();
  });
});

describe.runIf(process.platform !== 'win32')('readLoginShellPath', () => {
  it("returns the PATH the login shell sets up", async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const shell = path.join(t.dir, 'fake-shell');
    fs.writeFileSync(shell, '#!/bin/sh\necho "motd noise"\nPATH=/opt/login/bin:/usr/bin\nexport PATH\neval "$2"\n', { mode: 0o755 });
    expect(await readLoginShellPath(shell, 'linux', { PATH: '/usr/bin:/bin' })).toBe('/opt/login/bin:/usr/bin');
  });
  it('drops relative entries an rc file adds (node_modules/.bin, ., empty), and refuses a relative shell', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const shell = path.join(t.dir, 'fake-shell');
    fs.writeFileSync(shell, '#!/bin/sh\nPATH=node_modules/.bin:.::/opt/login/bin:bin:/usr/bin\nexport PATH\neval "$2"\n', { mode: 0o755 });
    expect(await readLoginShellPath(shell, 'linux', { PATH: '/usr/bin:/bin' })).toBe('/opt/login/bin:/usr/bin');
    expect(await readLoginShellPath('sh', 'linux', { PATH: '/usr/bin:/bin' })).toBeUndefined();
  });

  it('gives up after the timeout when an rc file hangs, and kills the shell', async () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    const shell = path.join(t.dir, 'hung-shell');
    fs.writeFileSync(shell, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const t0 = Date.now();
    expect(await readLoginShellPath(shell, 'linux', { PATH: '/usr/bin:/bin' }, 300)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it('does nothing without a shell or on Windows', async () => {
    expect(await readLoginShellPath(undefined, 'linux', {})).toBeUndefined();
    expect(await readLoginShellPath('/bin/sh', 'win32', {})).toBeUndefined();
  });
});
