import { describe, expect, it } from 'vitest';
import { GatewayStatus, type Alert, type AuthStatus, type GatewayState, type ProfileView } from '../../shared/contract';
import {
  buildTrayModel,
  EMPTY_TRAY_INPUT,
  MAX_CREDENTIAL_LINES,
  MAX_TOOLTIP_LENGTH,
  TRAY_ICON_STATES,
  trayIconFile,
  type TrayInput,
  type TrayMenuEntry,
  type TrayModel,
} from './tray-model';
import { authStatus } from '../testing/status-fixtures';
import { formatDate } from './tray-text';

const H = 3_600_000;
const AT = Date.UTC(2026, 5, 3, 12, 0);
const date = (ms: number) => formatDate(ms, 'en');

const gateway = (status: GatewayState['status'], extra: Partial<GatewayState> = {}): GatewayState => ({ status, port: 18789, owned: true, ...extra });

function profile(name: string, status: ProfileView['status'], extra: Partial<ProfileView> = {}): ProfileView {
  return { id: `anthropic:${name}`, provider: 'anthropic', name, type: 'token', label: 'sk-ant-o...AAAAAAAA', status, source: 'store', ...extra };
}

function auth(profiles: ProfileView[], extra: Partial<AuthStatus> = {}): AuthStatus {
  return authStatus('main', profiles, { computedAt: AT, ...extra });
}

function alert(name: string, kind: Alert['kind'], extra: Partial<Alert> = {}): Alert {
  return {
    id: `main|anthropic:${name}|${kind}`,
    agentId: 'main',
    profileId: `anthropic:${name}`,
    provider: 'anthropic',
    kind,
    thresholdMs: kind === 'threshold' ? 24 * H : 0,
    expiresAt: AT,
    raisedAt: AT - H,
    inUse: true,
    ...extra,
  };
}

const input = (patch: Partial<TrayInput>): TrayInput => ({ ...EMPTY_TRAY_INPUT, gateway: gateway('ready'), ...patch });
const items = (model: TrayModel) => model.menu.filter((e): e is Extract<TrayMenuEntry, { type: 'item' }> => e.type === 'item');
const item = (model: TrayModel, id: string) => items(model).find((e) => e.id === id);
const ids = (model: TrayModel) => model.menu.map((e) => (e.type === 'separator' ? '-' : e.id));
const credentialLabels = (model: TrayModel) => items(model).filter((e) => e.id.startsWith('credential:')).map((e) => e.label);

describe('buildTrayModel: the gateway part, for every status', () => {
  const cases: [GatewayState['status'], string, string, [boolean, boolean, boolean]][] = [
    ['not-installed', 'stopped', 'OpenClaw is not installed', [false, false, false]],
    ['stopped', 'stopped', 'Gateway: stopped', [true, false, false]],
    ['starting', 'starting', 'Gateway: starting…', [false, true, false]],
    ['running', 'starting', 'Gateway: running on port 18789 (not ready yet)', [false, true, true]],
    ['ready', 'ready', 'Gateway: ready on port 18789', [false, true, true]],
    ['stopping', 'starting', 'Gateway: stopping…', [false, false, false]],
    ['crashed', 'error', 'Gateway: crashed', [false, true, true]],
    ['failed', 'error', 'Gateway: failed', [true, false, false]],
    ['external', 'ready', 'Gateway: running outside ClawTray (port 18789)', [false, false, false]],
  ];

  it('covers every status of the contract', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual([...GatewayStatus.options].sort());
  });

  it.each(cases)('%s: icon %s, status line "%s", Start/Stop/Restart %j', (status, icon, line, [start, stop, restart]) => {
    const model = buildTrayModel(input({ gateway: gateway(status) }));
    expect(model.icon).toBe(icon);
    expect(TRAY_ICON_STATES).toContain(model.icon);
    expect(item(model, 'status')).toEqual({ type: 'item', id: 'status', label: line, enabled: false });
    expect(item(model, 'start')).toMatchObject({ label: 'Start the gateway', enabled: start, action: { kind: 'gateway', op: 'start' } });
    expect(item(model, 'stop')).toMatchObject({ label: 'Stop the gateway', enabled: stop, action: { kind: 'gateway', op: 'stop' } });
    expect(item(model, 'restart')).toMatchObject({ label: 'Restart the gateway', enabled: restart, action: { kind: 'gateway', op: 'restart' } });
    expect(model.tooltip.split('\n').slice(0, 2)).toEqual(['ClawTray', line]);
  });

  it('lays the menu out in order: status, gateway actions, window items, quit', () => {
    expect(ids(buildTrayModel(input({})))).toEqual(['status', '-', 'start', 'stop', 'restart', 'dashboard', '-', 'open', 'logs', 'settings', '-', 'quit']);
    expect(item(buildTrayModel(input({})), 'open')).toMatchObject({ label: 'Open ClawTray', enabled: true, action: { kind: 'open-window' } });
    expect(item(buildTrayModel(input({})), 'logs')).toMatchObject({ label: 'Open logs folder', enabled: true, action: { kind: 'open-logs' } });
    expect(item(buildTrayModel(input({})), 'settings')).toMatchObject({
      label: 'Settings…',
      action: { kind: 'open-view', request: { view: 'settings' } },
    });
  });

  it('says it is checking, with every gateway action off, before core has reported', () => {
    const model = buildTrayModel(EMPTY_TRAY_INPUT);
    expect(model.icon).toBe('stopped');
    expect(item(model, 'status')!.label).toBe('Gateway: checking…');
    expect(items(model).filter((e) => ['start', 'stop', 'restart'].includes(e.id)).map((e) => e.enabled)).toEqual([false, false, false]);
    expect(model.tooltip).toBe('ClawTray\nGateway: checking…');
  });

  it('offers to install OpenClaw (the gateway screen) when it is not installed', () => {
    const model = buildTrayModel(input({ gateway: gateway('not-installed') }));
    expect(item(model, 'install')).toMatchObject({ label: 'Install OpenClaw…', enabled: true, action: { kind: 'open-view', request: { view: 'gateway' } } });
    expect(item(buildTrayModel(input({})), 'install')).toBeUndefined();
  });

  it("offers OpenClaw's dashboard only while a gateway answers (the app's, ready, or someone else's)", () => {
    const offered = GatewayStatus.options.filter((status) => item(buildTrayModel(input({ gateway: gateway(status) })), 'dashboard'));
    expect(offered.sort()).toEqual(['external', 'ready']);
    expect(item(buildTrayModel(input({})), 'dashboard')).toEqual({ type: 'item', id: 'dashboard', label: 'Open the dashboard', enabled: true, action: { kind: 'open-dashboard' } });
    expect(item(buildTrayModel(EMPTY_TRAY_INPUT), 'dashboard')).toBeUndefined();
  });

  const reasons: [GatewayState, string][] = [
    [gateway('failed', { reason: 'port-in-use' }), 'Another program is using port 18789.'],
    [gateway('failed', { reason: 'config' }), 'OpenClaw refused its configuration.'],
    [gateway('failed', { reason: 'crash-loop' }), 'The gateway crashed several times in a row.'],
    [gateway('failed', { reason: 'node-missing' }), 'No suitable Node.js was found to run OpenClaw.'],
    [gateway('failed', { reason: 'spawn-error' }), 'The gateway could not be started.'],
    [gateway('failed', { reason: 'not-installed' }), 'OpenClaw was not found.'],
    [gateway('crashed'), 'The gateway stopped unexpectedly.'],
  ];
  it.each(reasons)('explains a failure in the tooltip: %j', (state, why) => {
    const model = buildTrayModel(input({ gateway: state }));
    expect(model.icon).toBe('error');
    expect(model.tooltip.split('\n')[2]).toBe(why);
  });
});

describe('buildTrayModel: "Quit and stop the gateway"', () => {
  const cases: [string, GatewayState | null, boolean, boolean][] = [
    ['owned, ready, kept running', gateway('ready'), true, true],
    ['owned, starting, kept running', gateway('starting'), true, true],
    ['owned, running, kept running', gateway('running'), true, true],
    ['owned, ready, stopped on quit', gateway('ready'), false, false],
    ['owned, stopped, kept running', gateway('stopped'), true, false],
    ['owned, failed, kept running', gateway('failed'), true, false],
    ['external, kept running', gateway('external', { owned: false }), true, false],
    ['unknown', null, true, false],
  ];
  it.each(cases)('%s -> offered: %s', (_name, state, keep, offered) => {
    const model = buildTrayModel(input({ gateway: state, keepGatewayRunning: keep }));
    expect(item(model, 'quit')).toMatchObject({ label: offered ? 'Quit ClawTray (the gateway keeps running)' : 'Quit ClawTray', action: { kind: 'quit' } });
    expect(item(model, 'quit-and-stop')).toEqual(
      offered ? { type: 'item', id: 'quit-and-stop', label: 'Quit and stop the gateway', enabled: true, action: { kind: 'quit-and-stop-gateway' } } : undefined,
    );
  });
});

describe('buildTrayModel: credentials needing attention', () => {
  type Case = { name: string; patch: Partial<TrayInput>; icon: TrayModel['icon']; lines: string[]; why?: string };
  const cases: Case[] = [
    { name: 'nothing wrong', patch: { auth: auth([profile('work', 'ok', { expiresAt: AT })]) }, icon: 'ready', lines: [] },
    {
      name: 'an expiring alert (2 hours left, 24-hour threshold)',
      patch: { auth: auth([profile('work', 'expiring', { expiresAt: AT })]), alerts: [alert('work', 'threshold')] },
      icon: 'attention',
      lines: [`Renew Anthropic “work”: expires ${date(AT)}`],
      why: `Anthropic “work” expires on ${date(AT)}.`,
    },
    {
      name: 'an expiring alert that was snoozed',
      patch: { alerts: [alert('work', 'threshold', { snoozedUntil: AT - 1000 })] },
      icon: 'ready',
      lines: [`Renew Anthropic “work”: expires ${date(AT)}`],
    },
    {
      name: 'an expired alert, in use by the default model',
      patch: { alerts: [alert('work', 'expired')] },
      icon: 'error',
      lines: ['Renew Anthropic “work”: expired'],
      why: 'Anthropic “work” has expired and the default model uses it.',
    },
    {
      name: 'an expired alert, in use, snoozed (still broken)',
      patch: { alerts: [alert('work', 'expired', { snoozedUntil: AT })] },
      icon: 'error',
      lines: ['Renew Anthropic “work”: expired'],
      why: 'Anthropic “work” has expired and the default model uses it.',
    },
    {
      name: 'an expired alert, not in use',
      patch: { alerts: [alert('work', 'expired', { inUse: false })] },
      icon: 'attention',
      lines: ['Renew Anthropic “work”: expired'],
      why: 'Anthropic “work” has expired.',
    },
    {
      name: 'an expired profile in use whose alert was dismissed',
      patch: { auth: auth([profile('work', 'expired', { expiresAt: AT })]) },
      icon: 'error',
      lines: ['Renew Anthropic “work”: expired'],
      why: 'Anthropic “work” has expired and the default model uses it.',
    },
    {
      name: 'an expiring profile without an alert (thresholds not reached)',
      patch: { auth: auth([profile('work', 'expiring', { expiresAt: AT })]) },
      icon: 'ready',
      lines: [`Renew Anthropic “work”: expires ${date(AT)}`],
    },
    {
      name: 'a missing secret the default model needs',
      patch: { auth: auth([profile('work', 'missing')]) },
      icon: 'attention',
      lines: ['Fix Anthropic “work”: secret missing'],
      why: 'Anthropic “work” has no usable secret and the default model needs it.',
    },
    {
      name: 'a missing secret of a provider not in use',
      patch: { auth: auth([profile('work', 'missing', { provider: 'openrouter', id: 'openrouter:work' })]) },
      icon: 'ready',
      lines: ['Fix OpenRouter “work”: secret missing'],
    },
    {
      name: 'a profile cooling down (listed, never alarming)',
      patch: { alerts: [alert('work', 'cooldown', { expiresAt: AT + H })] },
      icon: 'ready',
      lines: [`Anthropic “work”: paused until ${date(AT + H)}`],
    },
    {
      name: 'a disabled profile with no end known',
      patch: { auth: auth([profile('work', 'disabled')]) },
      icon: 'ready',
      lines: ['Anthropic “work”: disabled'],
    },
    {
      name: 'an alert of another agent names the agent',
      patch: { auth: auth([]), alerts: [alert('ops', 'threshold', { agentId: 'ops', inUse: false })] },
      icon: 'attention',
      lines: [`Renew Anthropic “ops” (agent “ops”): expires ${date(AT)}`],
      why: `Anthropic “ops” (agent “ops”) expires on ${date(AT)}.`,
    },
    {
      name: 'a failed gateway outranks an expiring credential in the tooltip',
      patch: { gateway: gateway('failed', { reason: 'port-in-use' }), alerts: [alert('work', 'threshold')] },
      icon: 'error',
      lines: [`Renew Anthropic “work”: expires ${date(AT)}`],
      why: 'Another program is using port 18789.',
    },
    {
      name: 'most urgent first: expired, missing, expiring, disabled, cooldown',
      patch: {
        auth: auth([profile('m', 'missing'), profile('d', 'disabled', { until: AT })]),
        alerts: [alert('c', 'cooldown'), alert('t', 'threshold'), alert('x', 'expired', { inUse: false })],
      },
      icon: 'attention',
      lines: [
        'Renew Anthropic “x”: expired',
        'Fix Anthropic “m”: secret missing',
        `Renew Anthropic “t”: expires ${date(AT)}`,
        `Anthropic “d”: disabled until ${date(AT)}`,
        `Anthropic “c”: paused until ${date(AT)}`,
      ],
      why: 'Anthropic “x” has expired.',
    },
  ];

  it.each(cases)('$name', ({ patch, icon, lines, why }) => {
    const model = buildTrayModel(input(patch));
    expect(model.icon).toBe(icon);
    expect(credentialLabels(model)).toEqual(lines);
    expect(model.tooltip.split('\n')[2]).toBe(why);
    expect(item(model, 'attention')).toEqual(lines.length ? { type: 'item', id: 'attention', label: 'Credentials needing attention', enabled: false } : undefined);
  });

  it('merges the auth status and the alert of one profile into one line with the most urgent state', () => {
    const model = buildTrayModel(input({ auth: auth([profile('work', 'expired', { expiresAt: AT })]), alerts: [alert('work', 'threshold')] }));
    expect(credentialLabels(model)).toEqual(['Renew Anthropic “work”: expired']);
    expect(model.icon).toBe('error');
  });

  it('opens the renew form of that profile, with its agent, provider and name', () => {
    const model = buildTrayModel(input({ alerts: [alert('ops', 'threshold', { agentId: 'ops' })] }));
    expect(items(model).find((e) => e.id.startsWith('credential:'))).toEqual({
      type: 'item',
      id: 'credential:ops:anthropic:ops',
      label: expect.any(String),
      enabled: true,
      action: { kind: 'open-view', request: { view: 'renew', agentId: 'ops', profileId: 'anthropic:ops', provider: 'anthropic', profileName: 'ops' } },
    });
  });

  it(`shows at most ${MAX_CREDENTIAL_LINES} lines and a way to the rest`, () => {
    const many = Array.from({ length: MAX_CREDENTIAL_LINES + 3 }, (_, i) => alert(`p${i}`, 'threshold', { expiresAt: AT + i }));
    const model = buildTrayModel(input({ alerts: many }));
    expect(credentialLabels(model)).toHaveLength(MAX_CREDENTIAL_LINES);
    expect(credentialLabels(model)[0]).toContain('“p0”');
    expect(item(model, 'more')).toEqual({ type: 'item', id: 'more', label: 'See 3 more in ClawTray…', enabled: true, action: { kind: 'open-view', request: { view: 'status' } } });
  });

  it(`keeps the tooltip within ${MAX_TOOLTIP_LENGTH} characters (Windows' limit)`, () => {
    const long = 'n'.repeat(200);
    const model = buildTrayModel(input({ alerts: [alert(long, 'threshold')] }));
    expect([...model.tooltip].length).toBe(MAX_TOOLTIP_LENGTH);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });
});

describe('buildTrayModel: languages', () => {
  const state = input({ keepGatewayRunning: true, alerts: [alert('work', 'expired')] });
  const cases: [TrayInput['language'], string, string, string][] = [
    ['en', 'Gateway: ready on port 18789', 'Renew Anthropic “work”: expired', 'Quit and stop the gateway'],
    ['fr', 'Passerelle\u00a0: prête sur le port 18789', 'Renouveler Anthropic «\u00a0work\u00a0»\u00a0: expiré', 'Quitter et arrêter la passerelle'],
    ['zh-CN', '网关：已就绪，端口 18789', '续期Anthropic“work”：已过期', '退出并停止网关'],
    ['zh-TW', '閘道：已就緒，連接埠 18789', '更新Anthropic「work」：已到期', '結束並停止閘道'],
  ];
  it.each(cases)('%s', (language, status, line, quitStop) => {
    const model = buildTrayModel({ ...state, language });
    expect(item(model, 'status')!.label).toBe(status);
    expect(credentialLabels(model)).toEqual([line]);
    expect(item(model, 'quit-and-stop')!.label).toBe(quitStop);
    for (const e of items(model)) expect(e.label).not.toMatch(/\{\{|^[a-z]+(_[a-zA-Z-]+)?$/);
  });

  it('keeps menu ids the same in every language', () => {
    const all = cases.map(([language]) => ids(buildTrayModel({ ...state, language })));
    for (const list of all) expect(list).toEqual(all[0]);
  });
});

describe('trayIconFile', () => {
  it('uses template images on macOS only', () => {
    expect(trayIconFile('attention', 'darwin')).toBe('attentionTemplate.png');
    expect(trayIconFile('attention', 'linux')).toBe('attention.png');
    expect(trayIconFile('error', 'win32')).toBe('error.png');
  });
});

describe('the models line', () => {
  const row = (state: string) => ({ state });
  const models = (headline: 'ready' | 'expiring' | 'missing', states: string[]) => ({ agentId: 'main', headline, rows: states.map(row) }) as unknown as TrayInput['models'];
  const line = (input: Partial<TrayInput>, language: TrayInput['language'] = 'en') => buildTrayModel({ ...EMPTY_TRAY_INPUT, language, ...input }).menu.find((e) => e.type === 'item' && e.id === 'models');

  it('sums the headline up under the status line and opens the Status page', () => {
    const menu = buildTrayModel({ ...EMPTY_TRAY_INPUT, models: models('ready', ['ready', 'ready']) }).menu;
    expect(menu[1]).toEqual({ type: 'item', id: 'models', label: 'Models: ready', enabled: true, action: { kind: 'open-view', request: { view: 'status' } } });
    expect(line({ models: models('expiring', ['expiring', 'ready']) })).toMatchObject({ label: 'Models: a credential expires within 24 h' });
    expect(line({ models: models('missing', ['ready', 'missing', 'cooldown']) })).toMatchObject({ label: 'Models: 2 without a usable credential' });
    expect(line({ models: models('missing', ['ready']) })).toMatchObject({ label: 'Models: a credential needs attention' });
    expect(line({ models: models('missing', []) })).toMatchObject({ label: 'Models: no default model yet' });
    expect(line({ models: models('missing', ['missing']) }, 'fr')).toMatchObject({ label: 'Modèles\u00a0: 1 sans identifiant utilisable' });
  });

  it('is absent until the view is known', () => {
    expect(line({})).toBeUndefined();
    expect(line({ models: null })).toBeUndefined();
  });
});
