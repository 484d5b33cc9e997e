import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChild } from '../../testing/test-child';
import { makeTempDir } from '../../testing/test-support';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Root ignores permissions, so as root the write runs in a child process as user "nobody". */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('a read-only directory', () => {
  it.each([
    ['openclaw.json', 'write-config', 'openclaw.json', [] as string[]],
    ['.env', 'set-env', '.env', ['ANTHROPIC_API_KEY', 'sk-1']],
    ['auth-profiles.json', 'upsert-once', '.', []],
  ])('refuses to write %s with FORBIDDEN and leaves the old file whole', async (name, command, target, args) => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    fs.chmodSync(t.dir, 0o755);
    const dir = path.join(t.dir, 'ro');
    fs.mkdirSync(dir);
    const file = path.join(dir, name);
    const before = name === '.env' ? 'KEEP=1\n' : '{"version":1,"profiles":{},"keep":true}';
    fs.writeFileSync(file, before, { mode: 0o644 });
    fs.chmodSync(dir, 0o555);
    cleanups.push(() => fs.chmodSync(dir, 0o755));
    const child = startChild([command, path.join(dir, target), ...args], asUser);
    cleanups.push(() => child.proc.kill('SIGKILL'));
    const line = await child.waitFor(() => true);
    expect(line).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(String((line.error as { message: string }).message)).toContain(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([name]);
  });
});
