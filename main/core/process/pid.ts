/**
 * The one answer to "is this pid alive?" (and to "when did it start?", which tells a reused pid from the original),
 * shared by the process-tree signals, the file lock's staleness rule and the atomic writer's temp-file cleanup.
 * Linux reads `/proc/<pid>/stat` so a zombie (exited, not yet reaped) counts as gone; elsewhere signal 0 decides.
 */
import fs from 'node:fs';

/** The fields of `/proc/<pid>/stat` the app uses. */
export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  /** Start time in clock ticks since boot (field 22); OpenClaw records it in its lock files. */
  starttime: number | null;
}

/** Parses `/proc/<pid>/stat` (the command may contain spaces and parentheses). Pure. */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close === -1) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const rest = text.slice(close + 2).trim().split(/\s+/);
  const [state, ppid, pgrp] = [rest[0], Number(rest[1]), Number(rest[2])];
  if (!state || !Number.isFinite(pid) || !Number.isFinite(ppid) || !Number.isFinite(pgrp)) return undefined;
  const start = Number(rest[19]);
  return { pid, ppid, pgrp, state, starttime: rest[19] !== undefined && Number.isInteger(start) && start >= 0 ? start : null };
}

/** Whether this machine has a readable Linux `/proc` (process-tree walks it; elsewhere signal 0 is all there is). */
export const hasProc = process.platform === 'linux' && fs.existsSync('/proc/self/stat');

/** `/proc/<pid>/stat` parsed, or undefined (no such process, no `/proc`, or unreadable). */
export function readProcStat(pid: number): ProcStat | undefined {
  if (!hasProc) return undefined;
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * True while `pid` runs. A zombie counts as gone unless `zombieIsAlive` (a zombie still holds its number, which is
 * what matters before signalling a group by that number). A process of another user (EPERM) counts as alive.
 */
export function isPidAlive(pid: number, o: { zombieIsAlive?: boolean } = {}): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (o.zombieIsAlive || !hasProc) return true;
  const stat = readProcStat(pid);
  if (!stat) return fs.existsSync(`/proc/${pid}`);
  return stat.state !== 'Z' && stat.state !== 'X';
}

/** The start time OpenClaw's lock files record for `pid` (Linux clock ticks since boot); null elsewhere or when gone. */
export function processStartTime(pid: number): number | null {
  return readProcStat(pid)?.starttime ?? null;
}
