import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/contract';
import { draftToPatch, settingsFieldError, settingsToDraft, typedPatch, unsavedFields, withFieldError } from './settings-form';

describe('settings form', () => {
  it('round-trips the defaults into a patch the contract accepts', () => {
    const r = draftToPatch(settingsToDraft(DEFAULT_SETTINGS));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.patch.openclawPath).toBeNull();
    expect(r.patch.thresholdsMs).toEqual(DEFAULT_SETTINGS.thresholdsMs);
    expect(Settings.partial().strict().safeParse(r.patch).success).toBe(true);
  });
  it('trims the path and reads the port', () => {
    const d = { ...settingsToDraft(DEFAULT_SETTINGS), openclawPath: '  /opt/openclaw/bin/openclaw ', port: ' 19001 ' };
    const r = draftToPatch(d);
    expect(r.ok && r.patch).toMatchObject({ openclawPath: '/opt/openclaw/bin/openclaw', port: 19001 });
  });
  it('refuses a port out of range or not a number, a bad agent and bad thresholds, all at once', () => {
    const d = { ...settingsToDraft(DEFAULT_SETTINGS), port: '80', agentId: 'Main Agent', thresholds: [] };
    expect(draftToPatch(d)).toEqual({
      ok: false,
      errors: { port: { key: 'validation.port' }, thresholdsMs: { key: 'settings.thresholdsEmpty' }, agentId: { key: 'validation.agentId' } },
    });
    expect(draftToPatch({ ...settingsToDraft(DEFAULT_SETTINGS), port: '1e4' })).toMatchObject({ ok: false, errors: { port: { key: 'validation.port' } } });
  });
});

describe('settingsFieldError', () => {
  it('checks one field with the rules of Save, and withFieldError sets or clears it', () => {
    const draft = settingsToDraft(DEFAULT_SETTINGS);
    expect(settingsFieldError({ ...draft, port: '80' }, 'port')).toEqual({ key: 'validation.port' });
    expect(settingsFieldError({ ...draft, port: '80' }, 'openclawPath')).toBeUndefined();
    expect(settingsFieldError(draft, 'port')).toBeUndefined();
    expect(withFieldError({ port: { key: 'x' } }, 'port', undefined)).toEqual({});
    expect(withFieldError({}, 'port', { key: 'validation.port' })).toEqual({ port: { key: 'validation.port' } });
  });
});

describe('unsaved typed settings', () => {
  const stored = { ...DEFAULT_SETTINGS, openclawPath: '/opt/openclaw', port: 19001 };
  it('lists the typed fields that differ from what is stored, ignoring spaces and equivalent warnings', () => {
    const draft = settingsToDraft(stored);
    expect(unsavedFields(draft, stored)).toEqual([]);
    expect(unsavedFields({ ...draft, openclawPath: ' /opt/openclaw ', port: '19001 ' }, stored)).toEqual([]);
    expect(unsavedFields({ ...draft, thresholds: [...draft.thresholds].reverse() }, stored), 'the same warnings in another order').toEqual([]);
    expect(unsavedFields({ ...draft, port: '19002', openclawPath: '' }, stored)).toEqual(['openclawPath', 'port']);
    expect(unsavedFields({ ...draft, thresholds: [{ amount: '', unit: 'hours' }] }, stored)).toEqual(['thresholds']);
  });
  it('ignores the settings that apply at once, and Save stores only the typed ones', () => {
    const draft = { ...settingsToDraft(stored), language: 'fr' as const, openAtLogin: true };
    expect(unsavedFields(draft, stored)).toEqual([]);
    const r = draftToPatch(draft);
    expect(r.ok && typedPatch(r.patch)).toEqual({ openclawPath: '/opt/openclaw', port: 19001, thresholdsMs: DEFAULT_SETTINGS.thresholdsMs });
  });
});
