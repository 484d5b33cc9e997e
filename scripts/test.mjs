#!/usr/bin/env node
/**
 * `npm test`: builds, typechecks, runs the unit and conformance tests (Vitest), then the end-to-end specs
 * (Playwright through the web shell), and ends with one line `N passed, N failed` over both runners.
 * Extra arguments are passed to both runners as a filter (e.g. `npm test -- gateway`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const filter = process.argv.slice(2);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'clawtray-test-report-'));

function run(label, cmd, args, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let failedSteps = 0;
if (run('build', process.execPath, ['scripts/build.mjs', '--quiet']) !== 0) process.exit(1);
failedSteps += run('typecheck', 'npm', ['run', '--silent', 'typecheck']) ? 1 : 0;

const vitestJson = path.join(reports, 'vitest.json');
failedSteps += run('unit and conformance tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...filter]) ? 1 : 0;

const pwJson = path.join(reports, 'playwright.json');
failedSteps += run('end-to-end tests (playwright, web shell)', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json', ...filter], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
})
  ? 1
  : 0;

const v = readJson(vitestJson);
const p = readJson(pwJson);
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps || failed || passed === 0 ? 1 : 0);
