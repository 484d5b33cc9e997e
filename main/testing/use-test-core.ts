/**
 * For a vitest test: `makeTestCore` whose core is disposed and whose folders are removed when the test ends, so
 * test files do not each keep their own cleanup list.
 */
import { onTestFinished } from 'vitest';
import { makeTestCore } from './test-support';

/** A core over fresh temp dirs (see `makeTestCore`), cleaned up after the calling test. */
export function useTestCore(overrides: Parameters<typeof makeTestCore>[0] = {}): ReturnType<typeof makeTestCore> {
  const t = makeTestCore(overrides);
  onTestFinished(t.cleanup);
  return t;
}
