/**
 * The settings screen's form as data: settings to an editable draft (strings for text inputs, rows for
 * thresholds) and back to a validated `settings:update` patch, with the contract's own validators. Which settings
 * apply as soon as they change (switches and lists) and which wait for Save (what is typed), and which typed ones
 * differ from what is stored (the screen asks before they are lost).
 */
import { Settings, type FieldError, type Language } from '../../../shared/contract';
import { fieldErrorOf, missingKey } from '../../../shared/field-errors';
import { rowsToThresholds, thresholdsToRows, type ThresholdRow } from './thresholds';
import type { FieldErrors } from './form-state';

/** What the settings form edits. */
export interface SettingsDraft {
  openclawPath: string;
  port: string;
  autoStartGateway: boolean;
  keepGatewayRunning: boolean;
  openAtLogin: boolean;
  thresholds: ThresholdRow[];
  language: Language;
  agentId: string;
}

/** The draft for the current settings. */
export function settingsToDraft(s: Settings): SettingsDraft {
  return {
    openclawPath: s.openclawPath ?? '',
    port: String(s.port),
    autoStartGateway: s.autoStartGateway,
    keepGatewayRunning: s.keepGatewayRunning,
    openAtLogin: s.openAtLogin,
    thresholds: thresholdsToRows(s.thresholdsMs),
    language: s.language,
    agentId: s.agentId,
  };
}

/** The patch for `settings:update`, or the errors per field. */
export function draftToPatch(d: SettingsDraft): { ok: true; patch: Partial<Settings> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const path = d.openclawPath.trim();
  const portText = d.port.trim();
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (portText === '') errors.port = { key: missingKey('port') };
  else if (!Settings.shape.port.safeParse(port).success) errors.port = { key: 'validation.port' };
  const thresholds = rowsToThresholds(d.thresholds);
  if (!thresholds.ok) errors.thresholdsMs = { key: thresholds.errorKey };
  const agent = Settings.shape.agentId.safeParse(d.agentId);
  if (!agent.success) errors.agentId = fieldErrorOf(agent.error.issues[0]!, 'agentId', d.agentId, 'settings:update');
  if (path.includes('\n') || path.includes('\0')) errors.openclawPath = { key: 'validation.singleValue' };
  if (Object.keys(errors).length > 0 || !thresholds.ok || !agent.success) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      openclawPath: path === '' ? null : path,
      port,
      autoStartGateway: d.autoStartGateway,
      keepGatewayRunning: d.keepGatewayRunning,
      openAtLogin: d.openAtLogin,
      thresholdsMs: thresholds.value,
      language: d.language,
      agentId: agent.data,
    },
  };
}

/** The error of one field of the draft (the same rules as Save), for checking a field when the user leaves it. Pure. */
export function settingsFieldError(d: SettingsDraft, field: string): FieldError | undefined {
  const r = draftToPatch(d);
  return r.ok ? undefined : r.errors[field];
}

/** `errors` with `field` set to `message`, or without it when there is none. Pure. */
export function withFieldError(errors: FieldErrors, field: string, message: FieldError | undefined): FieldErrors {
  const next = { ...errors };
  if (message) next[field] = message;
  else delete next[field];
  return next;
}

/**
 * Settings that apply as soon as they change, as a switch or a list choice does anywhere else: nothing half-typed
 * can be in them, and the user sees the effect at once (the language, the agent shown).
 */
export const INSTANT_SETTINGS = ['autoStartGateway', 'keepGatewayRunning', 'openAtLogin', 'language', 'agentId'] as const;
export type InstantSetting = (typeof INSTANT_SETTINGS)[number];

/** Settings typed in (the path, the port, the warnings): checked when left and stored by Save, once complete. */
export const TYPED_SETTINGS = ['openclawPath', 'port', 'thresholds'] as const;
export type TypedSetting = (typeof TYPED_SETTINGS)[number];

/** A typed field's value as it would be stored, for comparing a draft with the settings. */
function storedForm(d: SettingsDraft, field: TypedSetting): string {
  if (field === 'thresholds') {
    const r = rowsToThresholds(d.thresholds);
    return r.ok ? r.value.join(',') : JSON.stringify(d.thresholds);
  }
  return d[field].trim();
}

/** The typed fields whose draft differs from the stored settings (what leaving the screen would lose). Pure. */
export function unsavedFields(d: SettingsDraft, stored: Settings): TypedSetting[] {
  const saved = settingsToDraft(stored);
  return TYPED_SETTINGS.filter((f) => storedForm(d, f) !== storedForm(saved, f));
}

/** The part of a validated patch that Save stores: the typed settings (the others were stored when changed). Pure. */
export function typedPatch(patch: Partial<Settings>): Partial<Settings> {
  const { openclawPath, port, thresholdsMs } = patch;
  return { openclawPath, port, thresholdsMs };
}
