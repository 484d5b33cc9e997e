/**
 * Signals and liveness for a gateway's process tree. The gateway is spawned as the leader of its own process
 * group, so signalling `-pid` reaches its workers too; on Windows `taskkill /T /F` ends the tree. Liveness reads
 * `/proc` on Linux so a zombie (exited, not yet reaped) counts as gone.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Clock } from '../clock';
import { hasProc, isPidAlive, readProcStat, type ProcStat } from './pid';
import { childEnv } from './child-env';

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
    execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, timeout: 10_000, env: childEnv('helper', process.env, { platform: 'win32' }) }, () => resolve());
  });
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readProcStat(Number(name));
    if (s) out.push(s);
  }
  return out;
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

/**
 * Whether the group led by `pgid`, a child the app spawned, can still be ours. While the leader is unreaped its
 * number cannot be reused. Once reaped, the number stays reserved only while a member of the group lives; if any
 * process holds that number again, our group is gone and the number (and any group it leads) is another program's.
 */
function groupStillOurs(pgid: number, leaderReaped: boolean): boolean {
  return !leaderReaped || !isPidAlive(pgid, { zombieIsAlive: true });
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

/**
 * Resolves once `check()` is false, or after `timeoutMs`; returns whether it became false. The wait holds the process
 * open: the system clock's timers do not (they are unref'd so background timers never keep a quitting app alive),
 * and a process waiting for a child's group to end (a kill's grace before SIGKILL, at quit) must not exit first and
 * leave the group behind.
 */
export async function waitUntil(clock: Clock, check: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const end = clock.now() + timeoutMs;
  const holdOpen = setInterval(() => undefined, 60_000);
  try {
    while (check()) {
      if (clock.now() >= end) return false;
      await new Promise<void>((r) => clock.setTimeout(r, everyMs));
    }
    return true;
  } finally {
    clearInterval(holdOpen);
  }
}
