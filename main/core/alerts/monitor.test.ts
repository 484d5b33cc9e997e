import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AuthStatus, ProfileView } from '../../../shared/contract';
import { tomorrowAt } from '../../../shared/snooze';
import { ledgerPath } from './ledger-file';
import { authStatus, profileView } from '../../testing/status-fixtures';
import type { NotificationRequest } from '../context';
import { createDispatcher, type Handlers } from '../dispatch';
import { createEventHub } from '../events';
import { createExpiryMonitor, type AuthStatusSource, type ExpiryMonitor } from './monitor';
import { createFakeClock, type FakeClock } from '../../testing/fake-clock';
import { createSettingsService, type SettingsService } from '../settings';
import { makeTempDir } from '../../testing/test-support';
import { createAlertsModule } from './handlers';
import { createCoreContext } from '../context';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** An in-memory auth service: `set` changes an agent's profiles and announces the new status, as a file edit would. */
function fakeAuth(clock: FakeClock) {
  const agents = new Map<string, ProfileView[]>([['main', []]]);
  const listeners = new Set<(s: AuthStatus) => void>();
  const state = { reads: 0, failing: false };
  const status = (id: string) => authStatus(id, agents.get(id) ?? [], { agents: [...agents.keys()], computedAt: clock.now() });
  const source: AuthStatusSource = {
    listAgents: () => [...agents.keys()],
    getStatus: async (id = 'main') => {
      state.reads++;
      if (state.failing) throw new Error('auth-profiles.json could not be read');
      return status(id);
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    state,
    /** Changes an agent's profiles; `announce: false` is a change the app was not told about. */
    set(agentId: string, profiles: ProfileView[], announce = true) {
      agents.set(agentId, profiles);
      if (announce) for (const l of [...listeners]) l(status(agentId));
    },
  };
}

const token = (expiresAt: number, id = 'anthropic:work') => profileView(id, { type: 'token', expiresAt });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A monitor over a temp data dir; `restart()` builds a new one on the same dir, clock, auth and settings. */
function harness(options: { settings?: Partial<Parameters<SettingsService['update']>[0]> } = {}) {
  const dir = makeTempDir();
  cleanups.push(dir.cleanup);
  const clock = createFakeClock(new Date(2026, 0, 15, 12, 0).getTime());
  const auth = fakeAuth(clock);
  const backend = { store: {} as Record<string, unknown> };
  const settings = createSettingsService(backend);
  if (options.settings) settings.update(options.settings);
  const shown: NotificationRequest[] = [];
  const changes: Alert[][] = [];
  const events = createEventHub();
  events.on('alerts:changed', (p) => changes.push(p.alerts));
  const warnings: string[] = [];
  const make = () => {
    const m = createExpiryMonitor({
      source: auth.source,
      clock,
      ledgerFile: ledgerPath(dir.dir),
      notifier: { show: (n) => shown.push(n) },
      settings,
      events,
      logger: { info() {}, warn: (w) => warnings.push(w), error: (e) => warnings.push(e) },
      env: { LANG: 'en_US.UTF-8' },
    });
    cleanups.push(() => m.dispose());
    return m;
  };
  const h = {
    dir: dir.dir,
    clock,
    auth,
    settings,
    shown,
    changes,
    warnings,
    monitor: make() as ExpiryMonitor,
    /** Lets queued work finish (list() runs after everything queued before it). */
    flush: () => h.monitor.list(),
    async advance(ms: number) {
      clock.advance(ms);
      return h.flush();
    },
    async restart() {
      await h.monitor.dispose();
      h.monitor = make();
      await h.monitor.start();
    },
  };
  return h;
}

describe('expiry monitor', () => {
  it('raises each threshold and "expired" once, on one timer per crossing and nothing else', async () => {
    const h = harness();
    const expires = h.clock.now() + 8 * D;
    h.auth.set('main', [token(expires)]);
    await h.monitor.start();
    expect(await h.flush()).toEqual([]);
    const firedBefore = h.clock.timersFired;
    await h.advance(D - 1);
    expect(h.shown).toEqual([]);
    await h.advance(1);
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 7 days']);
    await h.advance(6 * D);
    await h.advance(23 * H);
    await h.advance(H);
    expect(h.shown.map((n) => n.title)).toEqual([
      'Anthropic token expires in 7 days',
      'Anthropic token expires in 24 hours',
      'Anthropic token expires in 1 hour',
      'Anthropic token has expired',
    ]);
    expect(h.clock.timersFired - firedBefore).toBe(4);
    expect(h.clock.pending()).toBe(0);
    await h.advance(30 * D);
    expect(h.shown).toHaveLength(4);
    const [alert] = await h.flush();
    expect(alert).toMatchObject({ kind: 'expired', profileId: 'anthropic:work', expiresAt: expires, raisedAt: expires, inUse: true });
    expect(h.changes.at(-1)).toEqual([alert]);
    expect(h.shown[3]!.action).toEqual({ view: 'renew', agentId: 'main', profileId: 'anthropic:work', provider: 'anthropic', profileName: 'work' });
  });

  it('does not repeat an alert on status events, on resume, or after a restart with the persisted ledger', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 20 * H)]);
    await h.monitor.start();
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 20 hours']);
    const [raised] = await h.flush();
    h.auth.set('main', [token(h.clock.now() + 20 * H)]);
    await h.monitor.resume();
    await h.advance(10 * M);
    await h.restart();
    expect(h.shown).toHaveLength(1);
    expect(await h.flush()).toEqual([raised]);
    const file = ledgerPath(h.dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).entries)).toEqual([raised!.id]);
  });

  it('raises only the most urgent alert for crossings missed while the app was off', async () => {
    const h = harness();
    const expires = h.clock.now() + 8 * D;
    h.auth.set('main', [token(expires)]);
    await h.monitor.start();
    await h.monitor.dispose();
    h.clock.advance(8 * D - 30 * M);
    await h.restart();
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 30 minutes']);
    expect((await h.flush()).map((a) => a.thresholdMs)).toEqual([H]);
  });

  it('clears the alerts of a renewed or removed profile, and alerts the new expiry when its time comes', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 2 * H), token(h.clock.now() - H, 'openrouter:default')]);
    await h.monitor.start();
    expect((await h.flush()).map((a) => a.profileId).sort()).toEqual(['anthropic:work', 'openrouter:default']);
    const renewedAt = h.clock.now() + 10 * D;
    h.auth.set('main', [token(renewedAt)]);
    expect(await h.flush()).toEqual([]);
    expect(h.changes.at(-1)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(ledgerPath(h.dir), 'utf8')).entries).toEqual({});
    await h.advance(3 * D);
    expect(h.shown.at(-1)!.title).toBe('Anthropic token expires in 7 days');
    expect(h.shown).toHaveLength(3);
  });

  it('snoozes for an hour, then reminds once', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 5 * D)]);
    await h.monitor.start();
    const [a] = await h.flush();
    await h.monitor.snooze(a!.id, h.clock.now() + H);
    expect((await h.flush())[0]!.snoozedUntil).toBe(h.clock.now() + H);
    await h.advance(H - 1);
    expect(h.shown).toHaveLength(1);
    await h.advance(1);
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 5 days', 'Reminder: Anthropic token expires in 5 days']);
    expect((await h.flush())[0]!.snoozedUntil).toBeUndefined();
    await h.restart();
    await h.advance(H);
    expect(h.shown).toHaveLength(2);
  });

  it('snoozes until tomorrow 9:00 local time, across a restart', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 5 * D)]);
    await h.monitor.start();
    const [a] = await h.flush();
    const nine = tomorrowAt(h.clock.now());
    await h.monitor.snooze(a!.id, nine);
    await h.restart();
    await h.advance(nine - h.clock.now() - 1);
    expect(h.shown).toHaveLength(1);
    await h.advance(1);
    expect(h.shown).toHaveLength(2);
    expect(new Date(h.clock.now()).getHours()).toBe(9);
  });

  it('snoozes until the next threshold, where only the next alert is shown', async () => {
    const h = harness();
    const expires = h.clock.now() + 5 * D;
    h.auth.set('main', [token(expires)]);
    await h.monitor.start();
    const [a] = await h.flush();
    await h.monitor.snooze(a!.id, 'next-threshold');
    expect((await h.flush())[0]!.snoozedUntil).toBe(expires - D);
    await h.advance(expires - D - h.clock.now());
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 5 days', 'Anthropic token expires in 24 hours']);
    expect((await h.flush()).map((x) => [x.thresholdMs, x.snoozedUntil])).toEqual([[D, undefined]]);
  });

  it('dismisses an alert for good, while the next threshold still alerts', async () => {
    const h = harness();
    const expires = h.clock.now() + 2 * D;
    h.auth.set('main', [token(expires)]);
    await h.monitor.start();
    const [a] = await h.flush();
    await h.monitor.dismiss(a!.id);
    expect(await h.flush()).toEqual([]);
    await h.restart();
    expect(await h.flush()).toEqual([]);
    await expect(h.monitor.dismiss(a!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.advance(D);
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 2 days', 'Anthropic token expires in 24 hours']);
  });

  it('re-evaluates at once on resume after a sleep, raising only the most urgent alert', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 2 * D)]);
    await h.monitor.start();
    expect(h.shown).toHaveLength(1);
    const reads = h.auth.state.reads;
    h.clock.shiftWall(3 * D);
    await h.monitor.resume();
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 2 days', 'Anthropic token has expired']);
    expect(h.auth.state.reads).toBeGreaterThan(reads);
  });

  it('re-reads everything when its timer fires late after a clock jump', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 2 * D)]);
    await h.monitor.start();
    h.auth.set('main', [token(h.clock.now() + 2 * D), token(h.clock.now() + 2 * H, 'openrouter:default')], false);
    const reads = h.auth.state.reads;
    h.clock.jump(2 * D + H);
    await h.flush();
    expect(h.auth.state.reads).toBeGreaterThan(reads);
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 2 days', 'Anthropic token has expired', 'OpenRouter token has expired']);
  });

  it('fires the 7-day alert of a 60-day expiry through chained timers', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + 60 * D)]);
    await h.monitor.start();
    await h.advance(53 * D - 1);
    expect(h.shown).toEqual([]);
    expect(h.clock.timersFired).toBe(2);
    await h.advance(1);
    expect(h.shown.map((n) => n.title)).toEqual(['Anthropic token expires in 7 days']);
    expect(h.clock.timersFired).toBe(3);
  });

  it('follows threshold and language settings', async () => {
    const h = harness({ settings: { language: 'fr' } });
    h.auth.set('main', [token(h.clock.now() + 10 * D)]);
    await h.monitor.start();
    expect(h.shown).toEqual([]);
    h.settings.update({ thresholdsMs: [14 * D, H] });
    await h.flush();
    expect(h.shown.map((n) => n.title.replace(/\s/g, ' '))).toEqual(['Le jeton Anthropic expire dans 10 jours']);
  });

  it('keeps alerts of an agent whose files cannot be read, and picks up a new agent', async () => {
    const h = harness();
    h.auth.set('main', [token(h.clock.now() + H)]);
    await h.monitor.start();
    h.auth.state.failing = true;
    await h.monitor.resume();
    expect((await h.flush()).map((a) => a.agentId)).toEqual(['main']);
    expect(h.warnings.some((w) => w.includes('could not read'))).toBe(true);
    h.auth.state.failing = false;
    h.auth.set('work', [token(h.clock.now() + 3 * H)]);
    await h.flush();
    expect((await h.flush()).map((a) => a.agentId).sort()).toEqual(['main', 'work']);
    expect(h.shown.at(-1)!.body).toContain('(agent “work”)');
  });

  it('starts afresh from a corrupt ledger, keeping a copy of it', async () => {
    const h = harness();
    fs.writeFileSync(ledgerPath(h.dir), '{"version":1,"entries":', { mode: 0o600 });
    h.auth.set('main', [token(h.clock.now() + H)]);
    await h.monitor.start();
    expect(h.shown).toHaveLength(1);
    expect(fs.readdirSync(h.dir).some((f) => f.startsWith('alerts-ledger.json.corrupt-'))).toBe(true);
    expect(h.warnings.join('\n')).toMatch(/copy is kept/);
  });
});

describe('alerts handlers', () => {
  it('list, snooze and dismiss through the contract, with clear errors', async () => {
    const dir = makeTempDir();
    cleanups.push(dir.cleanup);
    const clock = createFakeClock();
    const auth = fakeAuth(clock);
    auth.set('main', [token(clock.now() + 3 * D)]);
    const ctx = createCoreContext({ shell: 'web', version: 't', dataDir: dir.dir, env: {}, homeDir: dir.dir, clock, settingsBackend: { store: {} } });
    const mod = createAlertsModule(ctx, auth.source);
    cleanups.push(() => mod.dispose!());
    await mod.start!();
    // Only the module's own channels are called: the rest of the table is not needed here.
    const dispatch = createDispatcher(mod.handlers as Handlers);
    const listed = await dispatch('alerts:list', {});
    expect(listed.ok && listed.value.alerts.map((a) => a.thresholdMs)).toEqual([7 * D]);
    const id = listed.ok ? listed.value.alerts[0]!.id : '';
    expect(await dispatch('alerts:snooze', { id, until: 'tomorrow' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch('alerts:snooze', { id, until: clock.now() - 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch('alerts:snooze', { id: 'nope', until: clock.now() + H })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('alerts:snooze', { id, until: 'next-threshold' })).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('alerts:dismiss', { id })).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('alerts:list', {})).toEqual({ ok: true, value: { alerts: [] } });
    expect(fs.existsSync(path.join(dir.dir, 'alerts-ledger.json'))).toBe(true);
  });
});
