import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir, makeTestCore } from '../testing/test-support';
import { runWebShell, type WebShellProcess } from './cli';
import { createRecordingNotifier } from './recording-notifier';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

/** A process whose signals the test sends and whose exit it records. */
class FakeProcess extends EventEmitter implements WebShellProcess {
  exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

function setup() {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const t = makeTestCore();
  const r = makeTempDir();
  cleanups.push(t.cleanup, r.cleanup);
  fs.writeFileSync(path.join(r.dir, 'index.html'), '<!doctype html><title>x</title>');
  let finishStart = () => {};
  const startGate = new Promise<void>((resolve) => (finishStart = resolve));
  const startCalled = vi.fn();
  const dispose = vi.fn(() => t.core.dispose());
  const core = {
    ...t.core,
    async start() {
      startCalled();
      await startGate;
      await t.core.start();
    },
    dispose,
  };
  const proc = new FakeProcess();
  const running = runWebShell({ core, notifier: createRecordingNotifier(), rendererDir: r.dir, port: 0, env: {} }, proc);
  return { proc, running, startCalled, finishStart, dispose };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
  });
}

describe('the web shell lifecycle', () => {
  it('disposes core once when a signal arrives while core is still starting (no orphan gateway)', async () => {
    const { proc, running, startCalled, finishStart, dispose } = setup();
    await vi.waitFor(() => expect(startCalled).toHaveBeenCalled());
    proc.emit('SIGINT');
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    await vi.waitFor(() => expect(proc.exits).toEqual([0]));
    expect(dispose).toHaveBeenCalledTimes(1);
    finishStart();
    await running;
    await settle();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(proc.exits).toEqual([0]);
  });

  it('closes the server and disposes core once on SIGTERM after start', async () => {
    const { proc, running, finishStart, dispose } = setup();
    finishStart();
    const server = (await running)!;
    expect(await reachable(server.port)).toBe(true);
    proc.emit('SIGTERM');
    proc.emit('SIGTERM');
    await vi.waitFor(() => expect(proc.exits).toEqual([0]));
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(await reachable(server.port)).toBe(false);
  });
});
