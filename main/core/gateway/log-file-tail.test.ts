import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../testing/fake-clock';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { formatOpenClawLogLine, LogFileTail } from './log-file-tail';

const tempDir = useTempDirs();

describe('formatOpenClawLogLine', () => {
  it('reads OpenClaw JSONL records (time, level, subsystem, message) and leaves other lines as they are', () => {
    const real = JSON.stringify({
      0: '{"subsystem":"state-migrations"}',
      1: 'Auto-migrated legacy state',
      _meta: { logLevelName: 'INFO', date: '2026-11-29T13:55:25.208Z' },
      time: '2026-11-29T13:55:25.208+00:00',
      message: 'Auto-migrated legacy state',
    });
    expect(formatOpenClawLogLine(real)).toBe('2026-11-29T13:55:25.208+00:00 INFO [state-migrations] Auto-migrated legacy state');
    expect(formatOpenClawLogLine(JSON.stringify({ 0: 'OpenClaw config is invalid', _meta: { logLevelName: 'ERROR' } }))).toBe('ERROR OpenClaw config is invalid');
    expect(formatOpenClawLogLine('plain text')).toBe('plain text');
    expect(formatOpenClawLogLine('[1,2]')).toBe('[1,2]');
  });
});

describe('LogFileTail', () => {
  it('shows the backlog, then appended lines (a partial line waits for its end), and starts over after a rotation', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'openclaw.log');
    fs.writeFileSync(file, ['one', 'two', 'three', ''].join('\n'));
    const clock = createFakeClock();
    const lines: string[] = [];
    let current = file;
    const tail = new LogFileTail({ clock, file: () => current, onLine: (l) => lines.push(l), backlog: 2, everyMs: 100 });
    await tail.start();
    expect(lines).toEqual(['two', 'three']);
    fs.appendFileSync(file, 'four\nfi');
    clock.advance(100);
    await vi.waitFor(() => expect(lines).toEqual(['two', 'three', 'four']));
    fs.appendFileSync(file, 've\n');
    clock.advance(100);
    await vi.waitFor(() => expect(lines.at(-1)).toBe('five'));
    fs.writeFileSync(file, 'new day\n');
    clock.advance(100);
    await vi.waitFor(() => expect(lines.at(-1)).toBe('new day'));
    current = path.join(dir, 'tomorrow.log');
    fs.writeFileSync(current, 'tomorrow\n');
    clock.advance(100);
    await vi.waitFor(() => expect(lines.at(-1)).toBe('tomorrow'));
    tail.stop();
    fs.appendFileSync(current, 'after stop\n');
    clock.advance(500);
    expect(lines).not.toContain('after stop');
    expect(clock.pending()).toBe(0);
  });
});
