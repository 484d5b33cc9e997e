/**
 * One web shell per data folder, as Electron's single-instance lock gives the desktop app: two shells on the same
 * folder would both supervise (and both try to re-own) the same gateway. The lock is a file created exclusively,
 * naming its holder by pid and OS start time, so a lock left by a shell that died (or whose pid was reused) is
 * recognised as stale and replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readProcessIdentity, sameProcess, type ProcessIdentity } from '../core/process/process-identity';

/** The lock file in a data folder. */
export function dataDirLockPath(dataDir: string): string {
  return path.join(dataDir, 'web-shell.lock');
}

/** A held lock; `release()` removes it (only if it is still ours). */
export interface DataDirLock {
  release(): void;
}

/** Why a lock could not be taken: another live shell holds it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(`Another ClawTray web shell (pid ${holderPid}) already uses the data folder ${dataDir}. Stop it first, or pass another --data-dir.`);
  }
}

function readHolder(file: string): ProcessIdentity | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ProcessIdentity>;
    if (typeof o.pid !== 'number' || typeof o.startTime !== 'string' || typeof o.command !== 'string') return undefined;
    return { pid: o.pid, pgid: o.pgid ?? o.pid, startTime: o.startTime, command: o.command };
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process, or throws `DataDirLockedError` when a live shell holds it. */
export async function lockDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<DataDirLock> {
  const file = dataDirLockPath(dataDir);
  const me = (await readProcessIdentity(process.pid, platform)) ?? { pid: process.pid, pgid: process.pid, startTime: String(Date.now()), command: '' };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return {
        release() {
          if (sameProcess(me, readHolder(file))) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(file);
    if (holder && holder.pid !== process.pid && sameProcess(holder, await readProcessIdentity(holder.pid, platform))) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    fs.rmSync(file, { force: true });
  }
  throw new DataDirLockedError(dataDir, 0);
}
