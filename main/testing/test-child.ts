/**
 * Runs `store-child.ts` as a real second process in tests. It is bundled once per test process with
 * esbuild (a plain Node start is ~20x faster than through tsx), so tests can start and kill it many times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

let bundled: string | undefined;

/** The bundled child script (built on first use, removed when the test process exits). */
export function childScript(): string {
  if (bundled) return bundled;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-child-'));
  fs.chmodSync(dir, 0o755);
  const out = path.join(dir, 'store-child.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'store-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  fs.chmodSync(out, 0o644);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  bundled = out;
  return out;
}

/** A started child with its output lines. */
export interface Child {
  proc: ChildProcess;
  lines: unknown[];
  /** Resolves with the first line matching `pred`. */
  waitFor(pred: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts the child with `args`; `uid`/`gid` run it as another user (only when the tests run as root). */
export function startChild(args: string[], options: { uid?: number; gid?: number } = {}): Child {
  const proc = spawn(process.execPath, [childScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const lines: unknown[] = [];
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buf = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.pred(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
    }
  });
  proc.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    waitFor(pred) {
      const found = lines.find((l) => pred(l as Record<string, unknown>));
      if (found) return Promise.resolve(found as Record<string, unknown>);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then(() => setTimeout(() => reject(new Error(`child exited without the expected line: ${JSON.stringify(lines)}`)), 10));
      });
    },
  };
}
