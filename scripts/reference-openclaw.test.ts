/**
 * The reference installs the conformance tests run: both versions install (or are found) with a Node their own
 * `engines.node` accepts, and the current one really runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, REFERENCE_VERSION, ensureReferenceOpenClaw, nodeCanRun, openclawEnv, runOpenClaw } from './reference-openclaw.mjs';
import { makeTempDir } from '../main/testing/test-support';
import { OPENCLAW_SET } from '../main/core/installer/package-sets';

describe('reference OpenClaw installs', () => {
  it('picks a Node by each version\'s own range (2026.9.6: >= 24.16 <25 or >= 26.1)', () => {
    expect(nodeCanRun(REFERENCE_VERSION, 'v22.19.0')).toBe(true);
    expect(nodeCanRun(REFERENCE_VERSION, 'v20.19.5')).toBe(false);
    expect(nodeCanRun(CURRENT_VERSION, 'v24.16.0')).toBe(true);
    expect(nodeCanRun(CURRENT_VERSION, 'v24.15.9')).toBe(false);
    expect(nodeCanRun(CURRENT_VERSION, 'v25.2.0')).toBe(false);
    expect(nodeCanRun(CURRENT_VERSION, 'v26.0.9')).toBe(false);
    expect(nodeCanRun(CURRENT_VERSION, 'v26.1.0')).toBe(true);
    expect(() => nodeCanRun('2026.1.1', 'v24.16.0')).toThrow(/known versions/);
  });

  it.each([REFERENCE_VERSION, CURRENT_VERSION])('%s is installed with a Node its package.json accepts', async (version) => {
    const ref = await ensureReferenceOpenClaw(version);
    expect(ref.version).toBe(version);
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(ref.openclawBin), 'package.json'), 'utf8'));
    const node = spawnSync(ref.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(semver.satisfies(node, pkg.engines.node)).toBe(true);
  }, 300_000);

  it('the current version is exactly what "Install for me" installs: every package at the version and integrity of its lockfile', async () => {
    const ref = await ensureReferenceOpenClaw(CURRENT_VERSION);
    const installed = JSON.parse(fs.readFileSync(path.join(path.dirname(ref.openclawBin), '..', '.package-lock.json'), 'utf8')).packages as Record<string, { version?: string; integrity?: string }>;
    const locked = OPENCLAW_SET.lock.packages;
    expect(Object.keys(installed).length).toBeGreaterThan(300);
    for (const [key, entry] of Object.entries(installed)) {
      expect(locked[key], key).toBeDefined();
      expect({ key, version: entry.version, integrity: entry.integrity }).toEqual({ key, version: locked[key]!.version, integrity: locked[key]!.integrity });
    }
  }, 300_000);

  it('the current version runs from the cache', async () => {
    const ref = await ensureReferenceOpenClaw(CURRENT_VERSION);
    const tmp = makeTempDir('clawtray-ref-');
    try {
      const r = await runOpenClaw(ref, ['--version'], { env: openclawEnv({ home: tmp.dir, stateDir: path.join(tmp.dir, 'state') }) });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`OpenClaw ${CURRENT_VERSION}`);
    } finally {
      tmp.cleanup();
    }
  }, 300_000);
});
