/**
 * Who holds a TCP port, where the OS tells: `/proc/net/tcp{,6}` and `/proc/<pid>/fd` on Linux, `lsof` on macOS
 * (and Linux as a fallback), `netstat -ano` plus `tasklist` on Windows. Also whether the loopback port is free.
 * Parsers are pure and exported for tests.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { childEnv } from '../process/child-env';

/** What the OS told about a listener. */
export interface PortHolder {
  pid?: number;
  command?: string;
}

const MAX_COMMAND = 300;

/** True when nothing listens on 127.0.0.1:`port` (we could bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The next port after `from` that is free right now ("Use port N"), trying at most `tries` ports; undefined when
 * none is. Ports below 1024 are never suggested.
 */
export async function nextFreePort(from: number, tries = 50, isFree: (port: number) => Promise<boolean> = isPortFree): Promise<number | undefined> {
  for (let port = Math.max(from + 1, 1024), n = 0; port <= 65535 && n < tries; port++, n++) {
    if (await isFree(port)) return port;
  }
  return undefined;
}

/** Socket inodes listening on `port` in the text of `/proc/net/tcp` or `/proc/net/tcp6`. Pure. */
export function parseProcNetTcp(text: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 10) continue;
    const local = cols[1] ?? '';
    if (local.slice(local.lastIndexOf(':') + 1).toUpperCase() === hexPort && cols[3] === '0A' && cols[9] !== '0') inodes.push(cols[9]!);
  }
  return inodes;
}

/** `lsof -F pc` output -> the first listener. Pure. */
export function parseLsof(text: string): PortHolder | undefined {
  let holder: PortHolder | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('p')) {
      if (holder) break;
      holder = { pid: Number(line.slice(1)) };
    } else if (line.startsWith('c') && holder) holder.command = line.slice(1);
  }
  return holder && Number.isInteger(holder.pid) ? holder : undefined;
}

/** `netstat -ano` output (Windows) -> pid listening on `port`. Pure. */
export function parseNetstat(text: string, port: number): number | undefined {
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols[0]?.toUpperCase() !== 'TCP' || cols.length < 5) continue;
    const local = cols[1] ?? '';
    if (local.slice(local.lastIndexOf(':') + 1) === String(port) && /LISTEN/i.test(cols[3] ?? '')) {
      const pid = Number(cols[4]);
      if (Number.isInteger(pid) && pid > 0) return pid;
    }
  }
  return undefined;
}

/** `tasklist /FO CSV /NH` output -> image name. Pure. */
export function parseTasklistCsv(text: string): string | undefined {
  const m = /^"([^"]+)"/.exec(text.trim());
  return m?.[1];
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 3000, windowsHide: true, maxBuffer: 4 * 1024 * 1024, env: childEnv('helper', process.env, { platform: process.platform }) }, (_err, stdout) => resolve(String(stdout ?? '')));
  });
}

function linuxCommand(pid: number): string | undefined {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return (cmdline || fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim()).slice(0, MAX_COMMAND) || undefined;
  } catch {
    return undefined;
  }
}

function linuxHolder(port: number): PortHolder | undefined {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const inode of parseProcNetTcp(fs.readFileSync(file, 'utf8'), port)) inodes.add(inode);
    } catch {
      // this table may not exist (no IPv6)
    }
  }
  if (!inodes.size) return undefined;
  const targets = new Set([...inodes].map((i) => `socket:[${i}]`));
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (targets.has(fs.readlinkSync(`/proc/${name}/fd/${fd}`))) {
          const pid = Number(name);
          const command = linuxCommand(pid);
          return command ? { pid, command } : { pid };
        }
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return {};
}

async function lsofHolder(port: number): Promise<PortHolder | undefined> {
  const holder = parseLsof(await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc']));
  if (!holder?.pid) return holder;
  const full = (await run('ps', ['-o', 'command=', '-p', String(holder.pid)])).trim();
  if (full) holder.command = full.slice(0, MAX_COMMAND);
  return holder;
}

async function windowsHolder(port: number): Promise<PortHolder | undefined> {
  const pid = parseNetstat(await run('netstat', ['-ano', '-p', 'TCP']), port);
  if (!pid) return undefined;
  const command = parseTasklistCsv(await run('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH']));
  return command ? { pid, command } : { pid };
}

/** Finds the listener on `port`; undefined when the OS does not tell (or nothing listens). */
export async function findPortHolder(port: number, platform: NodeJS.Platform = process.platform): Promise<PortHolder | undefined> {
  try {
    if (platform === 'win32') return await windowsHolder(port);
    if (platform === 'linux') {
      const found = linuxHolder(port);
      if (found?.pid) return found;
      return (await lsofHolder(port)) ?? found;
    }
    return await lsofHolder(port);
  } catch {
    return undefined;
  }
}
