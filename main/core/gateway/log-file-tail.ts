/**
 * Follows OpenClaw's own JSONL log file for a gateway whose output the app does not read (one it re-owned after a
 * restart, or one OpenClaw's background service runs): the last lines at once, then what is appended, on one timer.
 * The file's name carries the day, so it is asked for again at every check; a shorter file means it was rotated.
 */
import fs from 'node:fs/promises';
import type { Clock, TimerHandle } from '../clock';

/** How often the file is checked for new lines. */
export const LOG_TAIL_EVERY_MS = 1000;
const MAX_BACKLOG_BYTES = 256 * 1024;

/** One OpenClaw JSONL record as a readable line: `time LEVEL [subsystem] message`; anything else as it is. Pure. */
export function formatOpenClawLogLine(raw: string): string {
  let o: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return raw;
    o = parsed as Record<string, unknown>;
  } catch {
    return raw;
  }
  const meta = (o._meta && typeof o._meta === 'object' ? o._meta : {}) as Record<string, unknown>;
  const level = typeof meta.logLevelName === 'string' ? meta.logLevelName : typeof o.level === 'string' ? o.level : '';
  let subsystem = '';
  if (typeof o['0'] === 'string' && o['0'].startsWith('{')) {
    try {
      const s = (JSON.parse(o['0']) as { subsystem?: unknown }).subsystem;
      if (typeof s === 'string') subsystem = `[${s}]`;
    } catch {
      subsystem = '';
    }
  }
  const message = typeof o.message === 'string' ? o.message : typeof o['1'] === 'string' ? o['1'] : typeof o['0'] === 'string' ? o['0'] : raw;
  const time = typeof o.time === 'string' ? o.time : typeof meta.date === 'string' ? meta.date : '';
  return [time, level, subsystem, message].filter(Boolean).join(' ');
}

/** What a tail needs. */
export interface LogFileTailOptions {
  clock: Clock;
  /** The file to follow now (asked at every check). */
  file: () => string | undefined;
  /** Receives each complete line, formatted. */
  onLine: (text: string) => void;
  /** Lines of backlog shown when the tail starts. */
  backlog?: number;
  everyMs?: number;
}

/** Follows one log file until `stop()`. */
export class LogFileTail {
  private timer: TimerHandle | undefined;
  private current: string | undefined;
  private offset = 0;
  private rest = '';
  private stopped = false;

  constructor(private readonly o: LogFileTailOptions) {}

  /** Shows the last lines and starts following. */
  async start(): Promise<void> {
    const file = this.o.file();
    this.current = file;
    if (file) {
      const size = await fileSize(file);
      if (size !== undefined) {
        const from = Math.max(0, size - MAX_BACKLOG_BYTES);
        const text = await readRange(file, from, size);
        const lines = text.split('\n');
        if (from > 0) lines.shift();
        this.rest = lines.pop() ?? '';
        for (const l of lines.slice(-(this.o.backlog ?? 100))) if (l.trim()) this.o.onLine(formatOpenClawLogLine(l));
        this.offset = size;
      }
    }
    this.schedule();
  }

  /** Stops following. */
  stop(): void {
    this.stopped = true;
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.o.clock.setTimeout(() => void this.check().finally(() => this.schedule()), this.o.everyMs ?? LOG_TAIL_EVERY_MS);
  }

  private async check(): Promise<void> {
    const file = this.o.file();
    if (file !== this.current) {
      this.current = file;
      this.offset = 0;
      this.rest = '';
    }
    if (!file) return;
    const size = await fileSize(file);
    if (size === undefined) return;
    if (size < this.offset) {
      this.offset = 0;
      this.rest = '';
    }
    if (size === this.offset) return;
    const text = this.rest + (await readRange(file, this.offset, size));
    this.offset = size;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    if (this.stopped) return;
    for (const l of lines) if (l.trim()) this.o.onLine(formatOpenClawLogLine(l));
  }
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return undefined;
  }
}

async function readRange(file: string, from: number, to: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, to - from));
    const { bytesRead } = await handle.read(buf, 0, buf.length, from);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
