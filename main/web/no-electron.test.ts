/**
 * The web shell runs under plain Node, where `electron` does not exist: bundled as `scripts/build.mjs` bundles it,
 * it must not import Electron, even though it shares the tray model and its input tracking with the desktop shell.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { webBundle } from '../../scripts/bundle-options.mjs';

const root = path.join(__dirname, '..', '..');

describe('the web shell bundle', () => {
  it('imports no electron (the tray model and tracker it shares with the desktop shell included)', async () => {
    const result = await build({ ...webBundle('0.0.0-test'), absWorkingDir: root, sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('main/tray/tray-model.ts');
    expect(inputs).toContain('main/tray/tray-input.ts');
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((p) => p === 'electron' || p.startsWith('electron/'))).toEqual([]);
  });
});
