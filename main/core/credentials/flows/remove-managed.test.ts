/**
 * "Remove means gone" through the openclaw-managed backend (OpenClaw 2026.6+, modelled by the fake 2026.9.6 CLI):
 * OpenClaw never gives a secret back, so a key saved this session is found by value and one saved outside by the
 * visible ends of OpenClaw's mask (`likely`); removing a shared credential from an agent that only inherits it
 * counts the other agents' views as gone too; the store goes through OpenClaw's CLI, and the app itself writes
 * only `.env` and the backup copies of `openclaw.json`, never a store file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeOpenClaw } from '../../../testing/fake-openclaw-managed';
import { FakeOpenClawRpc } from '../../../testing/fake-openclaw-rpc';
import { makeTempDir } from '../../../testing/test-support';
import { systemClock } from '../../clock';
import { resolveOpenClawPaths } from '../../openclaw/paths';
import { createOpenClawManagedBackend } from '../openclaw-managed/backend';
import { removeProfileFlow, secretPlacesFlow } from './remove';
import type { FlowContext } from './steps';

const KEY = `sk-ant-api03-${'k'.repeat(60)}-session1`;
const OUTSIDE = `sk-or-v1-${'o'.repeat(40)}-outside9`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function setup() {
  const root = makeTempDir('clawtray-remove-managed-');
  const stateDir = path.join(root.dir, 'state');
  const model = new FakeOpenClaw(stateDir);
  const rpc = new FakeOpenClawRpc(model);
  rpc.state = 'idle';
  const paths = resolveOpenClawPaths({ env: {}, homeDir: root.dir, stateDirOverride: stateDir });
  const backend = createOpenClawManagedBackend({ paths, clock: systemClock, cli: model.cli, rpc, raceDelayMs: 1, debounceMs: 20 });
  cleanups.push(() => root.cleanup(), () => backend.dispose());
  const ctx: FlowContext = { paths, now: () => Date.now(), backend };
  /** Every file under the state dir holding `value`, and every file there at all. */
  const files = () => (fs.readdirSync(stateDir, { recursive: true }) as string[]).filter((rel) => fs.statSync(path.join(stateDir, rel)).isFile()).sort();
  const holding = (value: string) => files().filter((rel) => fs.readFileSync(path.join(stateDir, rel)).includes(value));
  return { model, backend, paths, ctx, stateDir, files, holding };
}

describe('remove means gone on OpenClaw 2026.6+ (openclaw-managed)', () => {
  it('finds the .env copy of a key saved this session by value and one saved outside by its ends; removes both and the config key, writing no store file', async () => {
    const s = setup();
    s.model.addAgent('work');
    await s.backend.upsert('main', { type: 'api_key', profileId: 'anthropic:default', provider: 'anthropic', key: KEY });
    // Saved outside the app: in the shared store, in .env and as the provider's key in openclaw.json.
    s.model.shared.set('openrouter:manual', { type: 'api_key', provider: 'openrouter', secret: OUTSIDE });
    s.model.touch();
    s.model.writeConfig({ ...s.model.readConfig(), models: { providers: { openrouter: { baseUrl: 'https://openrouter.ai/api/v1', apiKey: OUTSIDE, models: [] } } } });
    fs.writeFileSync(s.paths.envPath, `ANTHROPIC_API_KEY=${KEY}\nMY_COPY=${KEY}\nOPENROUTER_API_KEY=${OUTSIDE}\n`, { mode: 0o600 });

    const anthropic = await secretPlacesFlow(s.ctx, { profileId: 'anthropic:default', agentId: 'main' });
    expect(anthropic.places.map((p) => [p.id, p.likely ?? false])).toEqual([
      ['store', false],
      ['env:ANTHROPIC_API_KEY', false],
      ['env:MY_COPY', false],
    ]);
    expect(anthropic.places[0]!.file).toBe(path.join(s.stateDir, 'state', 'openclaw.sqlite'));
    // From an agent that only inherits it: removing it removes the shared one, so no other agent still "has" it.
    const openrouter = await secretPlacesFlow(s.ctx, { profileId: 'openrouter:manual', agentId: 'work' });
    expect(openrouter.places.map((p) => [p.id, p.likely ?? false])).toEqual([
      ['store', false],
      ['env:OPENROUTER_API_KEY', true],
      ['config:["models","providers","openrouter","apiKey"]', false],
    ]);
    expect(JSON.stringify([anthropic, openrouter])).not.toMatch(new RegExp(`${KEY}|${OUTSIDE}`));

    const before = s.files();
    await removeProfileFlow(s.ctx, { profileId: 'anthropic:default', agentId: 'main' });
    await removeProfileFlow(s.ctx, { profileId: 'openrouter:manual', agentId: 'work' });
    expect([...s.model.shared.keys()]).toEqual([]);
    expect(fs.readFileSync(s.paths.envPath, 'utf8')).toBe('');
    expect(s.model.readConfig().models.providers.openrouter).not.toHaveProperty('apiKey');
    expect(s.holding(KEY)).toEqual([]);
    expect(s.holding(OUTSIDE)).toEqual([]);
    const logouts = s.model.runs.filter((r) => r.args.includes('logout')).map((r) => r.args.slice(3));
    expect(logouts).toEqual([expect.arrayContaining(['anthropic:default', '--agent', 'main']), expect.arrayContaining(['openrouter:manual', '--agent', 'work'])]);
    // No file appeared beside OpenClaw's stores (no copy, no auth-profiles.json): only what OpenClaw itself keeps.
    expect(s.files().filter((f) => !before.includes(f) && !f.startsWith('openclaw.json.bak'))).toEqual([]);
    expect(s.backend.copiedFiles?.('main') ?? []).toEqual([]);
  });
});
