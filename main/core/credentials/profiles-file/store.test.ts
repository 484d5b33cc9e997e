import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuthStore, removeProfile, setOrder, updateAuthStore, upsertProfile } from './store';
import { startChild } from '../../../testing/test-child';
import { makeTempDir } from '../../../testing/test-support';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function agentDir() {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'agents', 'main', 'agent');
}
const write = (dir: string, name: string, data: unknown) => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
};
const read = (dir: string, name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const key = (id: string) => ({ type: 'api_key', provider: id.split(':')[0], key: `sk-${id}` });

const legacy = {
  version: 1,
  profiles: { 'anthropic:a': { ...key('anthropic:a'), futureField: { x: 1 } }, 'anthropic:b': key('anthropic:b') },
  order: { anthropic: ['anthropic:b', 'anthropic:a'] },
  lastGood: { anthropic: 'anthropic:a' },
  usageStats: { 'anthropic:a': { cooldownUntil: 5, errorCount: 2 } },
  somethingNew: [1, 2],
};

describe('auth store', () => {
  it('creates the store 0600 in 0700 folders with the 2026.4+ layout', async () => {
    const dir = agentDir();
    await updateAuthStore(dir, (d) => upsertProfile(d, 'anthropic:default', key('anthropic:default')));
    expect(read(dir, 'auth-profiles.json')).toEqual({ version: 1, profiles: { 'anthropic:default': key('anthropic:default') } });
    expect(fs.statSync(path.join(dir, 'auth-profiles.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(dir)).mode & 0o777).toBe(0o700);
    await updateAuthStore(dir, (d) => setOrder(d, 'anthropic', ['anthropic:default']));
    expect(read(dir, 'auth-state.json')).toEqual({ version: 1, order: { anthropic: ['anthropic:default'] } });
    expect(read(dir, 'auth-profiles.json')).not.toHaveProperty('order');
  });

  it('reads the 2026.3 layout and keeps its state inside the profiles file, with every unknown key', async () => {
    const dir = agentDir();
    write(dir, 'auth-profiles.json', legacy);
    const snap = await readAuthStore(dir);
    expect(snap.layout).toBe('legacy');
    expect(snap.merged.order).toEqual({ anthropic: ['anthropic:b', 'anthropic:a'] });
    expect(snap.merged.usageStats?.['anthropic:a']).toEqual({ cooldownUntil: 5, errorCount: 2 });
    await updateAuthStore(dir, (d) => {
      upsertProfile(d, 'openai:manual', key('openai:manual'));
      setOrder(d, 'anthropic', ['anthropic:a', 'anthropic:b']);
    });
    const after = read(dir, 'auth-profiles.json');
    expect(after).toEqual({
      ...legacy,
      profiles: { ...legacy.profiles, 'openai:manual': key('openai:manual') },
      order: { anthropic: ['anthropic:a', 'anthropic:b'] },
    });
    expect(fs.existsSync(path.join(dir, 'auth-state.json'))).toBe(false);
  });

  it('reads the split layout with auth-state.json overriding per provider, and keeps unknown keys of both files', async () => {
    const dir = agentDir();
    write(dir, 'auth-profiles.json', { version: 1, profiles: legacy.profiles, order: { anthropic: ['anthropic:a'], openai: ['openai:x'] }, extra: true });
    write(dir, 'auth-state.json', { version: 1, order: { anthropic: ['anthropic:b'] }, lastGood: { anthropic: 'anthropic:b' }, stateExtra: 'keep' });
    const snap = await readAuthStore(dir);
    expect(snap.layout).toBe('split');
    expect(snap.merged.order).toEqual({ anthropic: ['anthropic:b'], openai: ['openai:x'] });
    await updateAuthStore(dir, (d) => removeProfile(d, 'anthropic:b'));
    expect(read(dir, 'auth-state.json')).toEqual({ version: 1, lastGood: {}, stateExtra: 'keep' });
    const file = read(dir, 'auth-profiles.json');
    expect(file.extra).toBe(true);
    expect(Object.keys(file.profiles)).toEqual(['anthropic:a']);
    expect(file.profiles['anthropic:a'].futureField).toEqual({ x: 1 });
  });

  it('removing a profile clears its order, lastGood and usage entries in the legacy layout too', async () => {
    const dir = agentDir();
    write(dir, 'auth-profiles.json', legacy);
    const { result } = await updateAuthStore(dir, (d) => removeProfile(d, 'anthropic:a'));
    expect(result).toBe(true);
    const file = read(dir, 'auth-profiles.json');
    expect(file.order).toEqual({ anthropic: ['anthropic:b'] });
    expect(file.lastGood).toEqual({});
    expect(file.usageStats).toEqual({});
    await updateAuthStore(dir, (d) => removeProfile(d, 'anthropic:b'));
    expect(read(dir, 'auth-profiles.json')).not.toHaveProperty('order');
  });

  it.each([
    ['garbage', 'this is not json'],
    ['truncated', JSON.stringify(legacy).slice(0, 40)],
    ['profiles not an object', '{"version":1,"profiles":[]}'],
    ['top level array', '[]'],
    ['empty', ''],
  ])('never overwrites a %s auth-profiles.json: CORRUPT_FILE with a kept copy', async (_name, content) => {
    const dir = agentDir();
    write(dir, 'auth-profiles.json', content);
    const err = await updateAuthStore(dir, (d) => upsertProfile(d, 'x:y', key('x:y'))).catch((e) => e);
    expect(err).toMatchObject({ code: 'CORRUPT_FILE', details: { path: path.join(dir, 'auth-profiles.json') } });
    expect(fs.readFileSync(path.join(dir, 'auth-profiles.json'), 'utf8')).toBe(content);
    expect(fs.readFileSync(err.details.copy, 'utf8')).toBe(content);
    expect(fs.existsSync(path.join(dir, 'auth-profiles.json.lock'))).toBe(false);
  });

  it('with a broken auth-state.json still saves credentials but refuses to rewrite the state', async () => {
    const dir = agentDir();
    write(dir, 'auth-profiles.json', { version: 1, profiles: {} });
    write(dir, 'auth-state.json', '{"order": {');
    await updateAuthStore(dir, (d) => upsertProfile(d, 'a:b', key('a:b')));
    expect(Object.keys(read(dir, 'auth-profiles.json').profiles)).toEqual(['a:b']);
    await expect(updateAuthStore(dir, (d) => setOrder(d, 'a', ['a:b']))).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
    expect(fs.readFileSync(path.join(dir, 'auth-state.json'), 'utf8')).toBe('{"order": {');
    expect((await readAuthStore(dir)).stateProblem?.code).toBe('CORRUPT_FILE');
  });

  it('reports a folder in place of the store clearly and leaves it', async () => {
    const dir = agentDir();
    fs.mkdirSync(path.join(dir, 'auth-profiles.json'), { recursive: true });
    await expect(updateAuthStore(dir, (d) => upsertProfile(d, 'a:b', key('a:b')))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fs.statSync(path.join(dir, 'auth-profiles.json')).isDirectory()).toBe(true);
  });

  it('retries a half-written file (an in-place 2026.3 writer) once before calling it corrupt', async () => {
    const dir = agentDir();
    const full = JSON.stringify({ version: 1, profiles: { 'a:b': key('a:b') } });
    write(dir, 'auth-profiles.json', full.slice(0, 20));
    setTimeout(() => fs.writeFileSync(path.join(dir, 'auth-profiles.json'), full), 15);
    expect(Object.keys((await readAuthStore(dir)).profiles)).toEqual(['a:b']);
  });

  it('loses no update when two other processes and this one write under the lock at once', async () => {
    const dir = agentDir();
    const children = ['x', 'y'].map((p) => startChild(['upsert', dir, p, '25']));
    for (const c of children) cleanups.push(() => c.proc.kill('SIGKILL'));
    const local = Array.from({ length: 15 }, (_, i) =>
      updateAuthStore(dir, (d) => {
        upsertProfile(d, `test:local-${i}`, key(`test:local-${i}`));
        d.file.counter = (typeof d.file.counter === 'number' ? d.file.counter : 0) + 1;
      }),
    );
    await Promise.all([...local, ...children.map((c) => c.waitFor((l) => l.done === true))]);
    const file = read(dir, 'auth-profiles.json');
    expect(Object.keys(file.profiles)).toHaveLength(65);
    expect(file.counter).toBe(65);
  }, 60_000);

  it('a writer killed mid-write, many times, always leaves a store that parses (and its lock is taken over)', async () => {
    const dir = agentDir();
    for (let round = 0; round < 20; round++) {
      const child = startChild(['forever', dir]);
      cleanups.push(() => child.proc.kill('SIGKILL'));
      await child.waitFor((l) => l.ready === true);
      await new Promise((r) => setTimeout(r, Math.random() * 25));
      child.proc.kill('SIGKILL');
      await child.exited;
      const file = read(dir, 'auth-profiles.json');
      expect(file.profiles['test:big'].key).toMatch(/^[0-9a-f]{196608}$/);
    }
    await updateAuthStore(dir, (d) => upsertProfile(d, 'a:after', key('a:after')), { lock: { timeoutMs: 5_000 } });
    expect(read(dir, 'auth-profiles.json').profiles['a:after']).toEqual(key('a:after'));
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
