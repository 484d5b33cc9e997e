/**
 * Who a pid is: its process group, its start time as the OS reports it and its command line. A pid alone is not an
 * identity (the OS reuses numbers), so the app re-owns a gateway it left running only when all three still match
 * what it recorded, and never signals a process whose identity changed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { hasProc, readProcStat } from './pid';
import { childEnv } from './child-env';

/** What identifies one process across the app's restarts. */
export interface ProcessIdentity {
  pid: number;
  pgid: number;
  /** OS start time: `<boot id>:<clock ticks since boot>` on Linux, `ps` lstart on macOS, CreationDate on Windows. */
  startTime: string;
  /** The command line as the OS shows it now (a process may retitle itself; read it when it has settled). */
  command: string;
}

/** True when `b` is the same process as `a`: pid, start time and command all equal. Pure. */
export function sameProcess(a: ProcessIdentity, b: ProcessIdentity | undefined): boolean {
  return !!b && a.pid === b.pid && a.startTime === b.startTime && a.command === b.command;
}

/** `/proc/<pid>/cmdline` as one line (NUL-separated arguments joined by spaces). Pure. */
export function parseCmdline(raw: string): string {
  return raw.split('\0').filter((a) => a !== '').join(' ');
}

/** Parses `ps -o pgid=,lstart=,command= -p PID` (macOS): `  501 Mon Nov 30 10:01:02 2026 node ...`. Pure. */
export function parsePsIdentity(pid: number, text: string): ProcessIdentity | undefined {
  const m = /^\s*(\d+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]+\s+\d{4})\s+(.*\S)\s*$/m.exec(text);
  if (!m) return undefined;
  return { pid, pgid: Number(m[1]), startTime: m[2]!.replace(/\s+/g, ' '), command: m[3]! };
}

/** Parses PowerShell's `Win32_Process` JSON (`{"CreationDate": ..., "CommandLine": ...}`). Pure. */
export function parseWin32Identity(pid: number, text: string): ProcessIdentity | undefined {
  try {
    const o = JSON.parse(text) as { CreationDate?: unknown; CommandLine?: unknown };
    const start = typeof o.CreationDate === 'string' ? o.CreationDate : o.CreationDate ? JSON.stringify(o.CreationDate) : '';
    if (!start) return undefined;
    return { pid, pgid: pid, startTime: start, command: typeof o.CommandLine === 'string' ? o.CommandLine.trim() : '' };
  } catch {
    return undefined;
  }
}

let bootId: string | undefined;
function linuxBootId(): string {
  try {
    bootId ??= fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    bootId = 'unknown-boot';
  }
  return bootId;
}

function readLinux(pid: number): ProcessIdentity | undefined {
  const stat = readProcStat(pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X' || stat.starttime === null) return undefined;
  let command: string;
  try {
    command = parseCmdline(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return undefined;
  }
  return { pid, pgid: stat.pgrp, startTime: `${linuxBootId()}:${stat.starttime}`, command };
}

function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, windowsHide: true, env: childEnv('helper', process.env, { platform: process.platform }) }, (err, stdout) => resolve(err ? undefined : String(stdout)));
  });
}

/** The identity of `pid` now, or undefined when no such process runs (or the OS would not say). */
export async function readProcessIdentity(pid: number, platform: NodeJS.Platform = process.platform): Promise<ProcessIdentity | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (platform === 'linux' && hasProc) return readLinux(pid);
  if (platform === 'win32') {
    const script = `Get-CimInstance Win32_Process -Filter "ProcessId=${pid}" | Select-Object CreationDate,CommandLine | ConvertTo-Json -Compress`;
    const out = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script]);
    return out ? parseWin32Identity(pid, out) : undefined;
  }
  const out = await run('ps', ['-o', 'pgid=,lstart=,command=', '-p', String(pid)]);
  return out ? parsePsIdentity(pid, out) : undefined;
}
