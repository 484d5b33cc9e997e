/**
 * Signals and liveness for a gateway's process tree. The gateway is spawned as the leader of its own process
 * group, so signalling `-pid` reaches its workers too; on Windows `taskkill /T /F` ends the tree. Liveness reads
 * `/proc` on Linux so a zombie (exited, not yet reaped) counts as gone.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Clock } from '../clock';

/** Sends `signal` to the whole group led by `pgid`. False when no such group exists any more. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

/** Ends a Windows process tree by force (Windows has no SIGTERM for console programs). */
export function taskkillTree(pid: number): Promise<void> {
  return new Promise((resolve) => {
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, timeout: 10_000 }, () => resolve());
  });
}

/** The fields of `/proc/<pid>/stat` the app uses. */
export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  /** Start time in clock ticks since boot (field 22): with the boot id, it tells a reused pid from the original. */
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

/** `/proc/<pid>/stat` parsed, or undefined (no such process, no `/proc`, or unreadable). */
export function readStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** Whether this machine has a readable Linux `/proc`. */
export const hasProc = process.platform === 'linux' && fs.existsSync('/proc/self/stat');

/** True when `pid` runs (a zombie does not count). */
export function isAlive(pid: number): boolean {
  if (hasProc) {
    const s = readStat(pid);
    return !!s && s.state !== 'Z' && s.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while any live process belongs to group `pgid` (a cheap signal-0 check first; `/proc` rules out zombies). */
export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return hasProc ? allStats().some((s) => s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X') : true;
}

/** True while some process (a zombie too) holds the number `pid`. */
function pidTaken(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the group led by `pgid`, a child the app spawned, can still be ours. While the leader is unreaped its
 * number cannot be reused. Once reaped, the number stays reserved only while a member of the group lives; if any
 * process holds that number again, our group is gone and the number (and any group it leads) is another program's.
 */
function groupStillOurs(pgid: number, leaderReaped: boolean): boolean {
  return !leaderReaped || !pidTaken(pgid);
}

/** `isGroupAlive` for a group the app created; false once its number was reused by another program. */
export function isOwnGroupAlive(pgid: number, leaderReaped: boolean): boolean {
  return groupStillOurs(pgid, leaderReaped) && isGroupAlive(pgid);
}

/** `signalGroup` for a group the app created; never signals a group whose number was reused by another program. */
export function signalOwnGroup(pgid: number, leaderReaped: boolean, signal: NodeJS.Signals): boolean {
  return groupStillOurs(pgid, leaderReaped) && signalGroup(pgid, signal);
}

/** True once Node has reaped `child` (its exit code or signal is known), after which its pid may be reused. */
export function isReaped(child: { exitCode: number | null; signalCode: NodeJS.Signals | null | string }): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Every live descendant of `pid` (Linux `/proc`; elsewhere empty). Used by tests and diagnostics. */
export function descendants(pid: number): number[] {
  if (!hasProc) return [];
  const stats = allStats().filter((s) => s.state !== 'Z');
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const s of stats) {
      if (s.ppid === parent && !out.includes(s.pid)) {
        out.push(s.pid);
        queue.push(s.pid);
      }
    }
  }
  return out;
}

/** Resolves once `check()` is false, or after `timeoutMs`; returns whether it became false. */
export async function waitUntil(clock: Clock, check: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const end = clock.now() + timeoutMs;
  while (check()) {
    if (clock.now() >= end) return false;
    await new Promise<void>((r) => clock.setTimeout(r, everyMs));
  }
  return true;
}
