/**
 * Pure builder of what the tray shows: icon state, tooltip and menu entries as plain data, from the gateway
 * state, the selected agent's auth status, every agent's alerts and two settings. Both shells use it (Electron
 * renders it in `tray.ts`; the web shell serves it at `/api/shell/tray`), so it never imports Electron.
 */
import type { Alert, AuthStatus, GatewayState, GatewayStatus, ModelsView } from '../../shared/contract';
import type { AppLanguage } from '../../shared/i18n/notifications';
import { gatewayActions } from '../../shared/gateway-actions';
import { providerDisplayName } from '../../shared/provider-names';
import { attentionItems, isBlocking, needsAttention, type AttentionItem } from './tray-attention';
import { formatDate, trayTranslator, type TrayTranslate } from './tray-text';

/** The icon families in `resources/tray/` (see `scripts/make-icons.mjs`). */
export const TRAY_ICON_STATES = ['stopped', 'starting', 'ready', 'attention', 'error'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

/** What a menu entry does when clicked; the shell maps each kind to a real effect. */
export type TrayAction =
  | { kind: 'open-window' }
  | { kind: 'open-view'; request: { view: string } & Record<string, string> }
  | { kind: 'gateway'; op: 'start' | 'stop' | 'restart' }
  | { kind: 'open-logs' }
  | { kind: 'open-dashboard' }
  | { kind: 'quit' }
  | { kind: 'quit-and-stop-gateway' };

/** One menu line (clickable when it has an action and is enabled) or a separator. `id` is stable across languages. */
export type TrayMenuEntry = { type: 'item'; id: string; label: string; enabled: boolean; action?: TrayAction } | { type: 'separator' };

/** Everything the tray shows. */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuEntry[];
}

/** The state the tray is built from (kept current by `trackTrayInput`); gateway and auth are null until known. */
export interface TrayInput {
  gateway: GatewayState | null;
  /** The auth status of the agent chosen in settings. */
  auth: AuthStatus | null;
  /** Every agent's alerts, as `alerts:list` gives them. */
  alerts: Alert[];
  /** The language resolved from the settings (and the system's locale for `system`). */
  language: AppLanguage;
  /** The gateway the app started outlives the app (settings `keepGatewayRunning`). */
  keepGatewayRunning: boolean;
  /** The models view of the agent chosen in settings (null until known). */
  models?: Pick<ModelsView, 'agentId' | 'headline' | 'rows'> | null;
}

/** Before core has said anything. */
export const EMPTY_TRAY_INPUT: TrayInput = { gateway: null, auth: null, alerts: [], language: 'en', keepGatewayRunning: false, models: null };

/** At most this many credential lines; the rest are behind one "see more" line (the menu must stay usable). */
export const MAX_CREDENTIAL_LINES = 8;

/** Windows cuts tray tooltips at 127 characters; longer ones are shortened with an ellipsis. */
export const MAX_TOOLTIP_LENGTH = 127;

const GATEWAY_ICON: Record<GatewayStatus, TrayIconState> = {
  'not-installed': 'stopped',
  stopped: 'stopped',
  starting: 'starting',
  running: 'starting',
  stopping: 'starting',
  ready: 'ready',
  external: 'ready',
  crashed: 'error',
  failed: 'error',
};

/** States in which a gateway the app started is up, so quitting would leave it running when so configured. */
const PROCESS_UP: ReadonlySet<GatewayStatus> = new Set(['starting', 'running', 'ready']);

/** The gateway outlives a plain Quit: the app owns a running one and settings keep it running. */
export function gatewayOutlivesQuit(input: Pick<TrayInput, 'gateway' | 'keepGatewayRunning'>): boolean {
  const g = input.gateway;
  return !!g && g.owned && input.keepGatewayRunning && PROCESS_UP.has(g.status);
}

function credentialPhrase(t: TrayTranslate, item: AttentionItem, selectedAgent: string | undefined): string {
  const vars = { provider: providerDisplayName(item.provider), profile: item.name, agent: item.agentId };
  return t(selectedAgent === undefined || item.agentId === selectedAgent ? 'credential' : 'credentialAgent', vars);
}

function credentialLine(t: TrayTranslate, lang: AppLanguage, item: AttentionItem, selectedAgent: string | undefined): TrayMenuEntry {
  const credential = credentialPhrase(t, item, selectedAgent);
  const needsDate = item.kind === 'expiring' || item.kind === 'cooldown' || item.kind === 'disabled';
  let label: string;
  if (!needsDate) label = t(`line_${item.kind}`, { credential });
  else if (item.at === undefined) label = t(`line_${item.kind}Undated`, { credential });
  else label = t(`line_${item.kind}`, { credential, date: formatDate(item.at, lang) });
  return {
    type: 'item',
    id: `credential:${item.agentId}:${item.profileId}`,
    label,
    enabled: true,
    action: { kind: 'open-view', request: { view: 'renew', agentId: item.agentId, profileId: item.profileId, provider: item.provider, profileName: item.name } },
  };
}

function statusLine(t: TrayTranslate, gateway: GatewayState | null): string {
  return gateway ? t(`status_${gateway.status}`, { port: gateway.port }) : t('statusChecking');
}

/** Why the icon is what it is, in one sentence (empty when all is well). */
function reasonLine(t: TrayTranslate, lang: AppLanguage, input: TrayInput, items: AttentionItem[]): string {
  const g = input.gateway;
  if (g && (g.status === 'failed' || g.status === 'crashed')) return t(`reason_${g.reason ?? 'unknown'}`, { port: g.port });
  const selected = input.auth?.agentId;
  const blocking = items.find(isBlocking);
  if (blocking) return t('why_expiredInUse', { credential: credentialPhrase(t, blocking, selected) });
  const first = items.find(needsAttention);
  if (!first) return '';
  const credential = credentialPhrase(t, first, selected);
  if (first.kind === 'missing') return t('why_missing', { credential });
  if (first.kind === 'expiring' && first.at !== undefined) return t('why_expiring', { credential, date: formatDate(first.at, lang) });
  return t('why_expired', { credential });
}

function iconFor(input: TrayInput, items: AttentionItem[]): TrayIconState {
  const gatewayIcon = input.gateway ? GATEWAY_ICON[input.gateway.status] : 'stopped';
  if (gatewayIcon === 'error' || items.some(isBlocking)) return 'error';
  if (items.some(needsAttention)) return 'attention';
  return gatewayIcon;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function gatewayItems(t: TrayTranslate, gateway: GatewayState | null): TrayMenuEntry[] {
  const allowed = gatewayActions(gateway);
  const entries: TrayMenuEntry[] = (['start', 'stop', 'restart'] as const).map((op) => ({
    type: 'item',
    id: op,
    label: t(op),
    enabled: allowed[op],
    action: { kind: 'gateway', op },
  }));
  if (gateway?.status === 'ready' || gateway?.status === 'external') {
    entries.push({ type: 'item', id: 'dashboard', label: t('dashboard'), enabled: true, action: { kind: 'open-dashboard' } });
  }
  if (gateway?.status === 'not-installed') {
    entries.push({ type: 'item', id: 'install', label: t('install'), enabled: true, action: { kind: 'open-view', request: { view: 'gateway' } } });
  }
  return entries;
}

function credentialItems(t: TrayTranslate, lang: AppLanguage, items: AttentionItem[], selectedAgent: string | undefined): TrayMenuEntry[] {
  if (!items.length) return [];
  const shown = items.slice(0, MAX_CREDENTIAL_LINES);
  const entries: TrayMenuEntry[] = [
    { type: 'separator' },
    { type: 'item', id: 'attention', label: t('attentionHeader'), enabled: false },
    ...shown.map((item) => credentialLine(t, lang, item, selectedAgent)),
  ];
  const rest = items.length - shown.length;
  if (rest > 0) {
    entries.push({ type: 'item', id: 'more', label: t('more', { count: rest }), enabled: true, action: { kind: 'open-view', request: { view: 'status' } } });
  }
  return entries;
}

/** The compact models line ("Models: ready", "Models: 1 without a usable credential"); it opens the Status page. */
function modelsItems(t: TrayTranslate, models: TrayInput['models']): TrayMenuEntry[] {
  if (!models) return [];
  const unusable = models.rows.filter((r) => r.state !== 'ready' && r.state !== 'expiring').length;
  const label = !models.rows.length
    ? t('models_none')
    : models.headline === 'missing'
      ? unusable
        ? t('models_missing', { count: unusable })
        : t('models_attention')
      : t(`models_${models.headline}`);
  return [{ type: 'item', id: 'models', label, enabled: true, action: { kind: 'open-view', request: { view: 'status' } } }];
}

/** The whole tray for `input`: icon, tooltip and menu, in the input's language. */
export function buildTrayModel(input: TrayInput): TrayModel {
  const t = trayTranslator(input.language);
  const items = attentionItems(input.auth, input.alerts);
  const status = statusLine(t, input.gateway);
  const reason = reasonLine(t, input.language, input, items);
  const outlives = gatewayOutlivesQuit(input);
  const menu: TrayMenuEntry[] = [
    { type: 'item', id: 'status', label: status, enabled: false },
    ...modelsItems(t, input.models),
    { type: 'separator' },
    ...gatewayItems(t, input.gateway),
    ...credentialItems(t, input.language, items, input.auth?.agentId),
    { type: 'separator' },
    { type: 'item', id: 'open', label: t('open'), enabled: true, action: { kind: 'open-window' } },
    { type: 'item', id: 'logs', label: t('logs'), enabled: true, action: { kind: 'open-logs' } },
    { type: 'item', id: 'settings', label: t('settings'), enabled: true, action: { kind: 'open-view', request: { view: 'settings' } } },
    { type: 'separator' },
    { type: 'item', id: 'quit', label: t(outlives ? 'quitKeepsGateway' : 'quit'), enabled: true, action: { kind: 'quit' } },
  ];
  if (outlives) menu.push({ type: 'item', id: 'quit-and-stop', label: t('quitAndStop'), enabled: true, action: { kind: 'quit-and-stop-gateway' } });
  return {
    icon: iconFor(input, items),
    tooltip: shorten(['ClawTray', status, reason].filter(Boolean).join('\n'), MAX_TOOLTIP_LENGTH),
    menu,
  };
}

/** The PNG for an icon state: monochrome template images on macOS (the name must end in `Template`), colour elsewhere. */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `${state}Template.png` : `${state}.png`;
}
