/**
 * The folders' import rules, checked over the source text of every shipped file (main, preload, renderer, shared;
 * tests and benches excluded):
 *  - shipped code never imports `main/testing` (fakes and fixtures; benches may);
 *  - `main/core` and `main/tray` never import `electron` (they run in plain Node, under both shells);
 *  - no folder imports "upward": core from shell/web/serve/tray, tray from shell/web, serve from shell/web, and the
 *    two shells (shell, web) not from each other.
 * Each rule is shown failing on a synthetic offending import, so the check itself is known to work. It also keeps
 * every fake in `main/testing` and only the composition and boundary modules at the root of `main/core`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..');

/** The folder a repo-relative path belongs to, for the rules (undefined: no rule applies). */
type Area = 'core' | 'tray' | 'serve' | 'shell' | 'web' | 'testing';

function areaOf(rel: string): Area | undefined {
  if (rel === 'main/index.ts') return 'shell';
  const m = /^main\/(core|tray|serve|shell|web|testing)\//.exec(rel);
  return m ? (m[1] as Area) : undefined;
}

/** Areas each area must not import. */
const FORBIDDEN: Record<Area, Area[]> = {
  core: ['shell', 'web', 'serve', 'tray', 'testing'],
  tray: ['shell', 'web', 'testing'],
  serve: ['shell', 'web', 'testing'],
  shell: ['web', 'testing'],
  web: ['shell', 'testing'],
  testing: [],
};

/** Every module specifier a source text imports, re-exports, requires or imports dynamically. Pure. */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The rule broken by one import of `file` (repo-relative), or undefined. Pure. */
export function violation(file: string, specifier: string): string | undefined {
  const from = areaOf(file);
  if (/^electron(\/|$)/.test(specifier)) {
    return from === 'core' || from === 'tray' ? `${file} imports electron (main/${from} must run in plain Node)` : undefined;
  }
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const to = areaOf(`${target}/`) ?? areaOf(target);
  if (to === 'testing' && from !== 'testing') return `${file} imports ${target} (shipped code never imports main/testing)`;
  if (from && to && FORBIDDEN[from].includes(to)) return `${file} imports ${target} (main/${from} must not import main/${to})`;
  return undefined;
}

/** Shipped source files under `dirs` (tests, specs and type declarations excluded), repo-relative. */
function shippedFiles(dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return e.name === 'node_modules' || rel === 'main/testing' ? [] : walk(rel);
      return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name) && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
    });
  return dirs.flatMap(walk);
}

describe('import boundaries', () => {
  it('finds static, re-exported, side-effect, dynamic and required imports', () => {
    const src = `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nimport './d';\nconst e = await import('./e');\nconst f = require('f');\nimport {\n  g,\n} from './g';`;
    expect(importSpecifiers(src)).toEqual(['./a', '../b', './c', './g', './d', './e', 'f']);
  });

  it('each rule fails on a synthetic offending import', () => {
    expect(violation('main/core/credentials/flows/save.ts', '../../../testing/fake-clock')).toMatch(/never imports main\/testing/);
    expect(violation('main/shell/shell.ts', '../testing/fake-electron')).toMatch(/never imports main\/testing/);
    expect(violation('renderer/src/App.tsx', '../../main/testing/status-fixtures')).toMatch(/never imports main\/testing/);
    expect(violation('main/core/gateway/supervisor.ts', 'electron')).toMatch(/imports electron/);
    expect(violation('main/tray/tray-model.ts', 'electron/main')).toMatch(/imports electron/);
    expect(violation('main/core/app-core.ts', '../shell/ipc')).toMatch(/main\/core must not import main\/shell/);
    expect(violation('main/core/app-core.ts', '../web/server')).toMatch(/main\/core must not import main\/web/);
    expect(violation('main/core/gateway/handlers.ts', '../../serve/csp')).toMatch(/main\/core must not import main\/serve/);
    expect(violation('main/core/alerts/monitor.ts', '../../tray/tray-model')).toMatch(/main\/core must not import main\/tray/);
    expect(violation('main/tray/tray-input.ts', '../shell/tray')).toMatch(/main\/tray must not import main\/shell/);
    expect(violation('main/tray/tray-input.ts', '../web/tray-route')).toMatch(/main\/tray must not import main\/web/);
    expect(violation('main/serve/csp.ts', '../shell/security')).toMatch(/main\/serve must not import main\/shell/);
    expect(violation('main/serve/csp.ts', '../web/server')).toMatch(/main\/serve must not import main\/web/);
    expect(violation('main/web/server.ts', '../shell/ipc')).toMatch(/main\/web must not import main\/shell/);
    expect(violation('main/index.ts', './web/server')).toMatch(/main\/shell must not import main\/web/);
  });

  it('allows what the layering allows', () => {
    expect(violation('main/shell/shell.ts', '../core/app-core')).toBeUndefined();
    expect(violation('main/shell/shell.ts', '../tray/tray-model')).toBeUndefined();
    expect(violation('main/shell/security.ts', '../serve/renderer-files')).toBeUndefined();
    expect(violation('main/shell/notifier.ts', 'electron')).toBeUndefined();
    expect(violation('main/web/tray-route.ts', '../tray/tray-input')).toBeUndefined();
    expect(violation('main/tray/tray-input.ts', '../core/dispatch')).toBeUndefined();
    expect(violation('main/testing/fake-electron.ts', '../core/context')).toBeUndefined();
    expect(violation('main/core/gateway/handlers.ts', '../openclaw/installation')).toBeUndefined();
  });

  it('keeps fakes in main/testing and only the composition and boundary modules at the root of main/core', () => {
    const all = (dir: string): string[] =>
      fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const testLike = all('main').filter((f) => /\/(fake-[^/]*|[^/]*test-support[^/]*|test-child[^/]*|use-temp-dirs[^/]*)$/.test(f));
    expect(testLike.length).toBeGreaterThan(3);
    expect(testLike.filter((f) => !f.startsWith('main/testing/'))).toEqual([]);
    const root = fs.readdirSync(path.join(repo, 'main/core')).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    expect(root.sort()).toEqual(['app-core.ts', 'clock.ts', 'context.ts', 'dispatch.ts', 'errors.ts', 'events.ts', 'settings.ts']);
  });

  it('holds for every shipped file', () => {
    const files = shippedFiles(['main', 'preload', 'renderer', 'shared']);
    expect(files).toContain('main/core/app-core.ts');
    expect(files).toContain('main/tray/tray-model.ts');
    expect(files).toContain('renderer/src/App.tsx');
    expect(files.some((f) => f.startsWith('main/testing/'))).toBe(false);
    const broken = files.flatMap((file) => importSpecifiers(fs.readFileSync(path.join(repo, file), 'utf8')).flatMap((s) => violation(file, s) ?? []));
    expect(broken).toEqual([]);
  });
});
