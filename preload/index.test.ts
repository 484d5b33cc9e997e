import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/contract';
import { eventMethodName, methodName } from '../shared/api';
import { preloadBundle } from '../scripts/bundle-options.mjs';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: new Map<string, Record<string, (...args: unknown[]) => unknown>>(),
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, (...args: unknown[]) => unknown>) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

async function loadApi() {
  await import('./index');
  const api = electron.exposed.get('clawtray');
  if (!api) throw new Error('preload did not expose window.clawtray');
  return api;
}

/** Emits like Electron does: an event object first, then the payload. */
function emit(channel: string, payload: unknown) {
  for (const l of electron.listeners.get(channel) ?? []) l({ sender: 'ipc-renderer-event' }, payload);
}

const source = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');

/** Module specifiers the file loads at runtime (type-only imports are erased by the compiler). */
function runtimeImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/^\s*import\s+(?!type\s)([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) found.push(m[2]!);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of code.matchAll(/^\s*export\s+(?!type\s)[^'";]*?\s*from\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Every `require("x")` left in a CommonJS bundle. */
function bundleRequires(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))];
}

describe('preload imports', () => {
  it('the source loads nothing but electron at runtime', () => {
    expect(runtimeImports(source)).toEqual(['electron']);
  });

  it('the detector would catch a runtime import of anything else', () => {
    expect(runtimeImports("import { z } from 'zod';\nimport type { X } from './x';")).toEqual(['zod']);
    expect(runtimeImports("import { buildApi } from '../shared/api';")).toEqual(['../shared/api']);
    expect(runtimeImports("const fs = require('node:fs');")).toEqual(['node:fs']);
    expect(bundleRequires('var a=require("electron");var b=require("zod");')).toEqual(['electron', 'zod']);
  });

  it('bundled as the build does, it requires only electron', async () => {
    const out = await build({ ...preloadBundle(), write: false, logLevel: 'silent' });
    expect(bundleRequires(out.outputFiles[0]!.text)).toEqual(['electron']);
  });

  it('the built dist/preload/index.cjs, when present, requires only electron', () => {
    const built = path.join(__dirname, '..', 'dist', 'preload', 'index.cjs');
    const requires = fs.existsSync(built) ? bundleRequires(fs.readFileSync(built, 'utf8')) : ['electron'];
    expect(requires).toEqual(['electron']);
  });
});

describe('window.clawtray from the preload', () => {
  beforeEach(() => {
    electron.invoke.mockClear();
  });

  it('has exactly the method names the contract derives', async () => {
    const api = await loadApi();
    const expected = [...INVOKE_CHANNELS.map((c) => methodName(c)), ...EVENT_CHANNELS.map((e) => eventMethodName(e))];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
  });

  it('invokes each method on its own channel, sending {} when called without input', async () => {
    const api = await loadApi();
    for (const channel of INVOKE_CHANNELS) {
      electron.invoke.mockClear();
      await api[methodName(channel)]!();
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channel, {});
    }
    const result = await api.gatewayLogs!({ limit: 5 });
    expect(electron.invoke).toHaveBeenLastCalledWith('gateway:logs', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { channel: 'gateway:logs', input: { limit: 5 } } });
  });

  it('hands event listeners the payload alone, and unsubscribes', async () => {
    const api = await loadApi();
    for (const event of EVENT_CHANNELS) {
      const seen: unknown[][] = [];
      const off = api[eventMethodName(event)]!((...args: unknown[]) => seen.push(args)) as () => void;
      emit(event, { n: 1 });
      off();
      emit(event, { n: 2 });
      expect(seen).toEqual([[{ n: 1 }]]);
      expect(electron.listeners.get(event)?.size ?? 0).toBe(0);
    }
  });
});
