import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteAt, formatConfig, objectAt, parseConfigText, readConfig, updateConfig, valueAt } from './config-file';
import { useTempDirs } from '../../testing/use-temp-dirs';

const tmp = useTempDirs();
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('openclaw-config', () => {
  it('reads JSON5, patches one key, writes 2-space JSON 0600 and keeps the previous file as .bak', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    const original = `// user comment\n{ gateway: { port: 18789, }, tools: { profile: 'full' }, list: [1, 2, {a: null}], }\n`;
    fs.writeFileSync(file, original);
    await updateConfig(file, (cfg) => {
      objectAt(cfg, ['gateway']).mode = 'local';
    });
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ gateway: { port: 18789, mode: 'local' }, tools: { profile: 'full' }, list: [1, 2, { a: null }] });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(fs.readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}.bak`)).toBe(0o600);
  });

  it('creates a missing file (and its folders at 0700) and skips writing when nothing changes', async () => {
    const dir = tmp();
    const file = path.join(dir, 'deep', 'state', 'openclaw.json');
    await updateConfig(file, (cfg) => {
      cfg.a = 1;
    });
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
    const before = fs.statSync(file).mtimeMs;
    fs.utimesSync(file, 1, 1);
    await updateConfig(file, (cfg) => {
      cfg.a = 1;
    });
    expect(fs.statSync(file).mtimeMs).toBe(1000);
    expect(before).toBeGreaterThan(1000);
  });

  it('never overwrites a file that does not parse: CORRUPT_FILE with the path and a kept copy', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    for (const garbage of ['{ "gateway": { "mode": "lo', 'not json at all', '[1,2]', '']) {
      fs.writeFileSync(file, garbage);
      const err = await updateConfig(file, (cfg) => {
        cfg.x = 1;
      }).catch((e) => e);
      expect(err).toMatchObject({ code: 'CORRUPT_FILE', details: { path: file } });
      expect(fs.readFileSync(file, 'utf8')).toBe(garbage);
      expect(fs.readFileSync(err.details.copy, 'utf8')).toBe(garbage);
      await expect(readConfig(file)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
    }
  });

  it('reports a folder in place of the file clearly and changes nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    fs.mkdirSync(file);
    await expect(updateConfig(file, () => {})).rejects.toMatchObject({ code: 'CONFLICT', details: { path: file } });
    expect(fs.statSync(file).isDirectory()).toBe(true);
  });

  it('leaves the file as it was when the mutator throws', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, '{"a":1}');
    await expect(
      updateConfig(file, (cfg) => {
        cfg.a = 2;
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
  });

  it('serialises concurrent updates in one process: no update is lost', async () => {
    const dir = tmp();
    const file = path.join(dir, 'openclaw.json');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        updateConfig(file, async (cfg) => {
          await new Promise((r) => setTimeout(r, 1));
          objectAt(cfg, ['n'])[`k${i}`] = i;
        }),
      ),
    );
    const { config } = await readConfig(file);
    expect(Object.keys(config.n as object)).toHaveLength(40);
  });

  it('path helpers read, create and prune nested objects', () => {
    const cfg: Record<string, unknown> = { a: { b: { c: 1 }, keep: true }, s: 'x' };
    expect(valueAt(cfg, ['a', 'b', 'c'])).toBe(1);
    expect(valueAt(cfg, ['s', 'x'])).toBeUndefined();
    objectAt(cfg, ['s', 'y']).z = 2;
    expect(cfg.s).toEqual({ y: { z: 2 } });
    deleteAt(cfg, ['a', 'b', 'c']);
    expect(cfg.a).toEqual({ keep: true });
    deleteAt(cfg, ['s', 'y', 'z']);
    expect(cfg).not.toHaveProperty('s');
  });

  it('path helpers use own keys only: constructor or __proto__ is an ordinary key, never the prototype', () => {
    const cfg = parseConfigText('{ auth: { order: { "__proto__": ["x:a"] } }, agents: {} }');
    expect(valueAt(cfg, ['agents', 'constructor'])).toBeUndefined();
    expect(valueAt(cfg, ['agents', 'toString'])).toBeUndefined();
    expect(valueAt(cfg, ['auth', 'order', '__proto__'])).toEqual(['x:a']);
    objectAt(cfg, ['agents', 'constructor']).x = 1;
    objectAt(cfg, ['models', '__proto__']).y = 2;
    expect(Object.keys(cfg.agents as object)).toEqual(['constructor']);
    expect(Object.getPrototypeOf(cfg.models)).toBe(Object.prototype);
    expect(Object.keys(cfg.models as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(JSON.parse(formatConfig(cfg))).toMatchObject({ agents: { constructor: { x: 1 } } });
    deleteAt(cfg, ['models', '__proto__', 'y']);
    expect(cfg).not.toHaveProperty('models');
  });
});
