import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../shared/contract';
import { createFakeClock } from '../../testing/fake-clock';
import { GatewayLog, LAST_STDERR_LINES, LogRing } from './log-buffer';
import { REDACTED } from '../secrets/redact';

const line = (seq: number): LogLine => ({ seq, ts: 1, stream: 'stdout', text: `l${seq}` });

describe('LogRing', () => {
  it('keeps the newest lines up to capacity, oldest first', () => {
    const ring = new LogRing(3);
    for (let i = 1; i <= 5; i++) ring.push(line(i));
    expect(ring.size).toBe(3);
    expect(ring.tail().map((l) => l.seq)).toEqual([3, 4, 5]);
    expect(ring.tail(2).map((l) => l.seq)).toEqual([4, 5]);
    expect(ring.tail(99).map((l) => l.seq)).toEqual([3, 4, 5]);
  });
  it('defaults to 2,000 lines', () => {
    const ring = new LogRing();
    for (let i = 1; i <= 2500; i++) ring.push(line(i));
    expect(ring.size).toBe(2000);
    expect(ring.tail(1)[0]!.seq).toBe(2500);
    expect(ring.tail()[0]!.seq).toBe(501);
  });
  it('refuses a silly capacity', () => {
    expect(() => new LogRing(0)).toThrow(RangeError);
  });
});

describe('GatewayLog', () => {
  it('redacts, batches into one event per burst, and keeps stderr apart', () => {
    const clock = createFakeClock(1_800_000_000_000);
    const events: LogLine[][] = [];
    const token = 'gw-token-0123456789abcdef';
    const log = new GatewayLog({ clock, emit: (l) => events.push(l), secrets: () => [token], batchMs: 50 });
    log.write('stdout', `a key sk-ant-abcdefghijkl\nthe token ${token}\n`);
    log.write('stderr', 'boom\n');
    log.note('starting');
    expect(events).toEqual([]);
    clock.advance(50);
    expect(events).toHaveLength(1);
    expect(events[0]!.map((l) => [l.seq, l.stream, l.text])).toEqual([
      [1, 'stdout', `a key ${REDACTED}`],
      [2, 'stdout', `the token ${REDACTED}`],
      [3, 'stderr', 'boom'],
      [4, 'app', 'starting'],
    ]);
    expect(log.lastStderr()).toEqual(['boom']);
    expect(log.tail(2).map((l) => l.seq)).toEqual([3, 4]);
  });
  it('keeps only the last stderr lines and forgets them at reset', () => {
    const clock = createFakeClock(1_800_000_000_000);
    const log = new GatewayLog({ clock, emit: () => {} });
    for (let i = 0; i < LAST_STDERR_LINES + 5; i++) log.write('stderr', `e${i}\n`);
    expect(log.lastStderr()).toHaveLength(LAST_STDERR_LINES);
    expect(log.lastStderr().at(-1)).toBe(`e${LAST_STDERR_LINES + 4}`);
    log.resetStderr();
    expect(log.lastStderr()).toEqual([]);
  });
  it('flushes an unfinished line when the streams end', () => {
    const clock = createFakeClock(1_800_000_000_000);
    const log = new GatewayLog({ clock, emit: () => {} });
    log.write('stderr', 'config invalid: gateway.mode');
    expect(log.lastStderr()).toEqual([]);
    log.endStreams();
    expect(log.lastStderr()).toEqual(['config invalid: gateway.mode']);
  });
});
