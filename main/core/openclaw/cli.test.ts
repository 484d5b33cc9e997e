import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../clock';
import { CoreError } from '../errors';
import { isPidAlive } from '../process/pid';
import { makeTempDir, testFakeVariable } from '../../testing/test-support';
import { createOpenClawCli, type CliDeps, type OpenClawCli } from './cli';
import type { Located } from './locate';
import { allCommandLines } from '../../testing/cmdline-sampler';

const FAKE_CLI = path.join(__dirname, '..', '..', 'testing', 'fake-openclaw-cli.mjs');
const launch = { command: process.execPath, prefixArgs: [FAKE_CLI], pathDir: path.dirname(process.execPath) };
const located: Located = { installation: { openclawPath: FAKE_CLI, nodePath: process.execPath, version: '2026.9.6', source: 'settings', searched: [] }, launch };

function setup(over: Partial<CliDeps> = {}): { cli: OpenClawCli; stateDir: string; dir: string } {
  const tmp = makeTempDir('clawtray-cli-');
  const stateDir = path.join(tmp.dir, 'state');
  fs.mkdirSync(stateDir, { mode: 0o700 });
  const cli = createOpenClawCli({
    installation: { launch: async () => ({ launch, located }) },
    clock: systemClock,
    platform: process.platform,
    env: { PATH: '/usr/bin:/bin', HOME: tmp.dir, OPENCLAW_STATE_DIR: '/not/this/one', FAKE_CLI_RELEASE: path.join(tmp.dir, 'release') },
    stateDir,
    configPath: path.join(stateDir, 'openclaw.json'),
    port: () => 19123,
    envPassthrough: testFakeVariable,
    ...over,
  });
  onTestFinished(async () => {
    await cli.dispose();
    tmp.cleanup();
  });
  return { cli, stateDir, dir: tmp.dir };
}

/** Resolves with the numbers of the first `ready ...` line a run prints. */
function readyLine(): { onLine: (stream: 'stdout' | 'stderr', line: string) => void; ready: Promise<number[]> } {
  let resolve!: (pids: number[]) => void;
  const ready = new Promise<number[]>((r) => (resolve = r));
  return { onLine: (stream, line) => stream === 'stdout' && line.startsWith('ready ') && resolve(line.split(' ').slice(1).map(Number)), ready };
}

describe.runIf(process.platform !== 'win32')('OpenClaw CLI runner', () => {
  it('runs the located Node with the entry script, in the state dir, with the managed gateway environment', async () => {
    const { cli, stateDir } = setup();
    const r = await cli.run(['env', '--agent', 'main']);
    expect(r).toMatchObject({ code: 0, signal: null, ended: 'exit', stderr: '', stdoutTruncated: false, stderrTruncated: false, args: ['env', '--agent', 'main'] });
    const seen = JSON.parse(r.stdout);
    expect(seen.argv).toEqual(['env', '--agent', 'main']);
    expect(fs.realpathSync(seen.cwd)).toBe(fs.realpathSync(stateDir));
    expect(seen.env).toEqual({
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      OPENCLAW_STATE_DIR: stateDir,
      OPENCLAW_CONFIG_PATH: path.join(stateDir, 'openclaw.json'),
      OPENCLAW_GATEWAY_PORT: '19123',
      OPENCLAW_NO_RESPAWN: '1',
      OPENCLAW_DISABLE_BONJOUR: '1',
      OPENCLAW_NO_AUTO_UPDATE: '1',
      OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
      NO_COLOR: '1',
    });
  });

  it('delivers a secret on stdin and closes it; without `stdin` the child reads end-of-file at once', async () => {
    const { cli } = setup();
    const secret = 'sk-ant-oat01-' + 'S'.repeat(90);
    const r = await cli.run(['stdin'], { stdin: `${secret}\n` });
    expect(JSON.parse(r.stdout)).toEqual({ stdin: `${secret}\n` });
    expect(r.args).not.toContain(secret);
    expect(JSON.parse((await cli.run(['stdin'])).stdout)).toEqual({ stdin: '' });
  });

  it('never shows the secret in any process command line, its own child included', async () => {
    const { cli, dir } = setup();
    const secret = `sk-ant-api03-never-on-a-command-line-${Date.now()}`;
    const { onLine, ready } = readyLine();
    const run = cli.run(['secret-with-child'], { stdin: secret, onLine });
    const [pid, grandchild, length] = await ready;
    expect(length).toBe(secret.length);
    expect(isPidAlive(pid!)).toBe(true);
    expect(isPidAlive(grandchild!)).toBe(true);
    const lines = allCommandLines();
    expect(lines.some((l) => l.includes('secret-with-child'))).toBe(true);
    expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    fs.writeFileSync(path.join(dir, 'release'), '');
    expect((await run).code).toBe(0);
  });

  it('returns the exit code and stderr of a failed run', async () => {
    const { cli } = setup();
    const r = await cli.run(['exit', '3']);
    expect(r).toMatchObject({ code: 3, signal: null, ended: 'exit', stderr: 'bye\n', stdout: '' });
  });

  it('bounds stdout (first bytes kept) and stderr (last bytes kept) and says so', async () => {
    const { cli } = setup({ maxOutputBytes: 64 * 1024 });
    const r = await cli.run(['flood', String(3 * 1024 * 1024)]);
    expect(r.code).toBe(0);
    expect([r.stdoutTruncated, r.stderrTruncated]).toEqual([true, true]);
    expect(Buffer.byteLength(r.stdout)).toBe(64 * 1024);
    expect(r.stdout.startsWith('xxxx')).toBe(true);
    expect(Buffer.byteLength(r.stderr)).toBe(64 * 1024);
    expect(r.stderr.endsWith('END-OF-STDERR\n')).toBe(true);
    const small = await cli.run(['flood', '100']);
    expect([small.stdout.length, small.stdoutTruncated, small.stderrTruncated]).toEqual([100, false, false]);
  });

  it('kills the whole process group at the deadline, a grandchild that ignores SIGTERM too, and says it timed out', async () => {
    const { cli } = setup({ killGraceMs: 300 });
    const { onLine, ready } = readyLine();
    const run = cli.run(['hang', '--ignore-term'], { timeoutMs: 1500, onLine });
    const [pid, grandchild] = await ready;
    const r = await run;
    expect(r.ended).toBe('timeout');
    expect(r.signal).toBe('SIGKILL');
    expect(r.durationMs).toBeGreaterThanOrEqual(1500);
    expect([pid, grandchild].filter((p) => isPidAlive(p!))).toEqual([]);
  });

  it('dispose ends every run in flight, group and all, and refuses new runs', async () => {
    const { cli } = setup({ killGraceMs: 300 });
    const a = readyLine();
    const b = readyLine();
    const runA = cli.run(['hang'], { onLine: a.onLine });
    const runB = cli.run(['hang', '--ignore-term'], { onLine: b.onLine, write: true });
    const pids = [...(await a.ready), ...(await b.ready)];
    expect(pids.filter((p) => isPidAlive(p))).toHaveLength(4);
    await cli.dispose();
    await cli.dispose();
    expect((await runA).ended).toBe('disposed');
    expect((await runB).ended).toBe('disposed');
    expect(pids.filter((p) => isPidAlive(p))).toEqual([]);
    await expect(cli.run(['env'])).rejects.toBeInstanceOf(CoreError);
  });

  it('runs writes on one state dir one at a time, and reads side by side', async () => {
    const { cli, dir } = setup();
    const writes = path.join(dir, 'writes.log');
    await Promise.all(['a', 'b', 'c'].map((tag) => cli.run(['slow-write', writes, '300', tag], { write: true })));
    const lines = fs.readFileSync(writes, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('start', 'end'));

    const reads = path.join(dir, 'reads.log');
    await Promise.all(['a', 'b'].map((tag) => cli.run(['slow-write', reads, '1500', tag])));
    expect(fs.readFileSync(reads, 'utf8').trim().split('\n').slice(0, 2).every((l) => l.startsWith('start'))).toBe(true);
  });

  it('a failed write does not block the next one', async () => {
    const { cli } = setup();
    const results = await Promise.all([cli.run(['exit', '78'], { write: true }), cli.run(['env'], { write: true })]);
    expect(results.map((r) => r.code)).toEqual([78, 0]);
  });

  it('refuses with NOT_FOUND, running nothing, when OpenClaw is not installed', async () => {
    const { cli } = setup({
      installation: { launch: async () => ({ problem: { reason: 'not-installed', message: 'OpenClaw was not found. Looked in 9 places.' }, located: { installation: { ...located.installation, openclawPath: null } } }) },
    });
    await expect(cli.run(['env'])).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'errors.cli.notInstalled', message: /not found/ });
  });

  it('keeps output lines for progress while it runs', async () => {
    const { cli } = setup();
    const lines: string[] = [];
    const r = await cli.run(['exit', '1'], { onLine: (stream, line) => lines.push(`${stream}:${line}`) });
    expect(r.code).toBe(1);
    expect(lines).toEqual(['stderr:bye']);
  });

  it('gives OpenClaw the allow-listed environment: its settings and provider keys, never the app\'s variables, PATH absolute only', async () => {
    const { cli } = setup({
      env: { PATH: '/usr/bin:.:node_modules/.bin:/bin', HOME: '/h', ANTHROPIC_API_KEY: 'k', OPENCLAW_PROFILE: 'p', CLAWTRAY_WEB_TOKEN: 't', ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--inspect', DB_PASSWORD: 'x' },
      envPassthrough: undefined,
    });
    const seen = JSON.parse((await cli.run(['env-names'])).stdout) as { names: string[]; path: string };
    expect(seen.names).toEqual(expect.arrayContaining(['ANTHROPIC_API_KEY', 'OPENCLAW_PROFILE', 'HOME', 'OPENCLAW_STATE_DIR']));
    for (const name of ['CLAWTRAY_WEB_TOKEN', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS', 'DB_PASSWORD']) expect(seen.names).not.toContain(name);
    expect(seen.path.split(':').every((d) => d.startsWith('/'))).toBe(true);
    expect(seen.path).toContain('/usr/bin');
  });

  it('hands onLine only redacted lines (known secrets and shapes); the result keeps the raw output for parsing', async () => {
    const secret = 'opaque-managed-secret-0123456789';
    const { cli } = setup({ secrets: () => [secret] });
    const lines: string[] = [];
    const r = await cli.run(['stdin'], { stdin: `${secret} and sk-ant-api03-shape-only-abcdef`, onLine: (_s, line) => lines.push(line) });
    expect(JSON.parse(r.stdout)).toEqual({ stdin: `${secret} and sk-ant-api03-shape-only-abcdef` });
    expect(lines.join('\n')).toBe('{"stdin":"[redacted] and [redacted]"}');
  });
});
