import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/test-support';
import { corruptCopyName, openPreferences, type StoreFactory } from './preferences';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** electron-store is conf plus Electron's userData default; this factory mirrors its `name` -> `configName`. */
const confStore: StoreFactory = ({ name, ...rest }) => new Conf<Record<string, unknown>>({ ...rest, configName: name, projectName: 'clawtray' });
const warnings: string[] = [];
const deps = { createStore: confStore, logger: { info() {}, warn: (m: string) => warnings.push(m), error() {} }, now: () => new Date('2026-01-02T03:04:05.678Z') };

function dataDir() {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

describe('openPreferences', () => {
  it('keeps settings in <dataDir>/settings.json (0600), like the web shell', () => {
    const dir = dataDir();
    const store = openPreferences(dir, deps);
    store.store = { port: 19000 };
    const file = path.join(dir, 'settings.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ port: 19000 });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(openPreferences(dir, deps).store).toEqual({ port: 19000 });
  });

  it('moves a corrupt file aside untouched and starts from defaults', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ "port": 19000, oops');
    const store = openPreferences(dir, deps);
    expect(store.store).toEqual({});
    const copy = path.join(dir, corruptCopyName(deps.now()));
    expect(fs.readFileSync(copy, 'utf8')).toBe('{ "port": 19000, oops');
    expect(copy).toMatch(/settings\.corrupt-2026-01-02T03-04-05-678Z\.json$/);
    expect(warnings.at(-1)).toContain(copy);
  });

  it('lets other failures through', () => {
    const failing: StoreFactory = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(() => openPreferences(dataDir(), { ...deps, createStore: failing })).toThrow(/EACCES/);
  });
});
