import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchDirs } from './launch-args';

describe('parseLaunchDirs', () => {
  it('reads both folders in either spelling, among Electron and Chromium arguments', () => {
    expect(parseLaunchDirs(['/opt/electron', '.', '--no-sandbox', '--state-dir', '/tmp/s', '--data-dir=/tmp/d', '--hidden'])).toEqual({
      stateDir: path.resolve('/tmp/s'),
      dataDir: path.resolve('/tmp/d'),
    });
  });

  it('ignores a flag without a value and returns nothing when absent', () => {
    expect(parseLaunchDirs(['electron', '.', '--state-dir'])).toEqual({});
    expect(parseLaunchDirs(['electron', '.', '--state-dir', '--hidden'])).toEqual({});
    expect(parseLaunchDirs(['electron', '.'])).toEqual({});
  });
});
