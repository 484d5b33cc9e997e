/**
 * esbuild options of the three bundles `npm run build` makes, in one place so the tests that bundle main, the web
 * shell and the preload check exactly what ships. Callers add `outfile` (or `write: false`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron main process and the web shell: ESM, npm packages left external, the version baked in. */
function nodeBundle(entry, target, version) {
  return {
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    target,
    define: { __CLAWTRAY_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  };
}

/** `main/index.ts`, run by Electron 45 (Node 22). */
export const mainBundle = (version) => nodeBundle('main/index.ts', 'node22', version);

/** `main/web/cli.ts`, run by the user's Node (20.19 or newer). */
export const webBundle = (version) => nodeBundle('main/web/cli.ts', 'node20', version);

/** `preload/index.ts`: one CommonJS file for Electron's sandbox, requiring nothing but `electron`. */
export const preloadBundle = () => ({
  entryPoints: [path.join(root, 'preload/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  target: 'chrome140',
  logLevel: 'warning',
});
