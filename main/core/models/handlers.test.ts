import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelsView } from '../../../shared/contract';
import { useTestCore } from '../../testing/use-test-core';
import { DONE_WHEN_STATE_FALLBACKS, writeDoneWhenCooldown, writeDoneWhenState } from '../../testing/done-when-state';

const H = 3_600_000;

/** The Done-when state, with a second agent that has its own model. */
function writeState(stateDir: string, now: number, cooldownUntil: number) {
  writeDoneWhenState(stateDir, { now, cooldownUntil, config: { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: DONE_WHEN_STATE_FALLBACKS } }, list: [{ id: 'work', model: 'openrouter/x' }] } } });
}

async function until<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('models:status and models:changed', () => {
  it('answers the view of an agent, per agent, and says when one inherits the global default', async () => {
    const t = useTestCore();
    writeState(t.stateDir, Date.now(), Date.now() + H);
    const r = await t.core.dispatch('models:status', {});
    expect(r.ok).toBe(true);
    const v = (r as { value: ModelsView }).value;
    expect(v).toMatchObject({ agentId: 'main', inheritsDefault: true, headline: 'expiring', checkExit: 2 });
    expect(v.rows.map((row) => [row.ref, row.state, row.credential.kind === 'profile' ? row.credential.profileId : row.credential.kind])).toEqual([
      ['anthropic/claude-opus-4-6', 'expiring', 'anthropic:work'],
      ['openrouter/anthropic/claude-sonnet-4.6', 'ready', 'env'],
      ['anthropic/claude-sonnet-4-6', 'expiring', 'anthropic:work'],
    ]);
    expect(v.rows[0]!.skipped).toMatchObject([{ profileId: 'anthropic:default', status: 'cooldown', reason: 'rate_limit' }]);
    expect(JSON.stringify(v)).not.toContain('AAAAAAAAAAAA');
    const work = await t.core.dispatch('models:status', { agentId: 'work' });
    expect(work.ok && work.value).toMatchObject({ agentId: 'work', inheritsDefault: false, rows: [{ ref: 'openrouter/x', state: 'ready' }] });
    const unknown = await t.core.dispatch('models:status', { agentId: 'nobody' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('sends models:changed when someone else changes a cooldown, and when the app changes the model; not twice for the same view', async () => {
    const t = useTestCore();
    writeState(t.stateDir, Date.now(), Date.now() + H);
    const seen: ModelsView[] = [];
    t.core.events.on('models:changed', (v) => seen.push(v));
    await t.core.start();
    await until(() => seen.find((v) => v.agentId === 'main'));
    const count = seen.length;
    // OpenClaw ends the cooldown (written behind the app's back): the watcher recomputes, the key serves again.
    writeDoneWhenCooldown(t.stateDir, Date.now() - 1000);
    const after = await until(() => seen.slice(count).find((v) => v.agentId === 'main'));
    expect(after.rows[0]!.credential).toMatchObject({ kind: 'profile', profileId: 'anthropic:default' });
    // The test core finds a 2026.5.28 install: its --check still counts the expiring token behind the key.
    expect([after.rows[0]!.state, after.headline, after.rows[0]!.skipped]).toEqual(['ready', 'expiring', []]);
    const before = seen.length;
    const set = await t.core.dispatch('models:setDefault', { model: 'openrouter/anthropic/claude-opus-4.6' });
    expect(set.ok ? true : set.error).toBe(true);
    const changed = await until(() => seen.slice(before).find((v) => v.agentId === 'main'));
    expect(changed.rows[0]).toMatchObject({ ref: 'openrouter/anthropic/claude-opus-4.6', credential: { kind: 'env', envVar: 'OPENROUTER_API_KEY' } });
    const settled = seen.length;
    await t.core.dispatch('models:status', {});
    await t.core.dispatch('auth:status', {});
    expect(seen.length).toBe(settled);
  });

  it('models:setFallbacks writes the fallbacks in order, keeps the default, refuses repeats and malformed refs, and [] removes them', async () => {
    const t = useTestCore();
    writeState(t.stateDir, Date.now(), Date.now() + H);
    const config = () => JSON.parse(fs.readFileSync(path.join(t.stateDir, 'openclaw.json'), 'utf8')).agents.defaults.model;
    const set = (fallbacks: string[]) => t.core.dispatch('models:setFallbacks', { fallbacks });
    expect((await set(['anthropic/claude-sonnet-4-6', 'openrouter/anthropic/claude-sonnet-4.6'])).ok).toBe(true);
    expect(config()).toEqual({ primary: 'anthropic/claude-opus-4-6', fallbacks: ['anthropic/claude-sonnet-4-6', 'openrouter/anthropic/claude-sonnet-4.6'] });
    const v = await t.core.dispatch('models:status', {});
    expect(v.ok && v.value.rows.map((r) => r.ref)).toEqual(['anthropic/claude-opus-4-6', 'anthropic/claude-sonnet-4-6', 'openrouter/anthropic/claude-sonnet-4.6']);
    const dup = await set(['anthropic/x', 'anthropic/x']);
    expect(dup.ok ? null : dup.error.fields).toEqual({ fallbacks: { key: 'validation.duplicateModel' } });
    const bad = await set(['not a model']);
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    expect(config().fallbacks).toHaveLength(2);
    expect((await set([])).ok).toBe(true);
    expect(config()).toEqual({ primary: 'anthropic/claude-opus-4-6' });
  });
});
