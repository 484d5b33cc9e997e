/**
 * For a test file: a maker of fresh temp dirs, each removed after the test that made it (vitest only; benches use
 * `makeTempDir` from test-support, which does not import vitest).
 */
import { afterEach } from 'vitest';
import { makeTempDir } from './test-support';

/** Registers the cleanup hook and returns `() => dir`. */
export function useTempDirs(): () => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  return () => {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
