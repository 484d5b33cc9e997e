import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/use-temp-dirs';
import { readProcessIdentity } from '../core/process/process-identity';
import { dataDirLockPath, DataDirLockedError, lockDataDir } from './data-dir-lock';

const tempDir = useTempDirs();
const kills: (() => void)[] = [];
afterEach(() => {
  while (kills.length) kills.pop()!();
});

describe.runIf(process.platform === 'linux')('lockDataDir', () => {
  it('refuses while another live shell holds the folder, and names its pid', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' });
    kills.push(() => other.kill('SIGKILL'));
    fs.writeFileSync(dataDirLockPath(dir), JSON.stringify(await readProcessIdentity(other.pid!)));
    const err = await lockDataDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(`pid ${other.pid}`);
    expect(JSON.parse(fs.readFileSync(dataDirLockPath(dir), 'utf8')).pid).toBe(other.pid);
  });

  it('replaces a lock whose holder died or whose pid now runs another program, and releases only its own', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' });
    kills.push(() => other.kill('SIGKILL'));
    const id = (await readProcessIdentity(other.pid!))!;
    fs.writeFileSync(dataDirLockPath(dir), JSON.stringify({ ...id, startTime: 'another-boot:1' }));
    const lock = await lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(dataDirLockPath(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(dataDirLockPath(dir))).toBe(false);

    fs.writeFileSync(dataDirLockPath(dir), 'not json');
    const again = await lockDataDir(dir);
    fs.writeFileSync(dataDirLockPath(dir), JSON.stringify(id));
    again.release();
    expect(fs.existsSync(dataDirLockPath(dir))).toBe(true);
  });
});
