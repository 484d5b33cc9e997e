/**
 * No zod default and no English can reach a form: every form (the four credential kinds, the settings form, the
 * default model) is submitted with every field empty and with bad values, and each message, in every language,
 * must be that language's own sentence from its locale file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '../../../shared/contract';
import { fieldErrorOf } from '../../../shared/field-errors';
import { DEFAULT_SETTINGS } from '../../../shared/contract';
import { ModelRef } from '../../../shared/schemas';
import { i18n, UI_STRINGS } from '../i18n';
import en from '../../../shared/i18n/ui/en.json';
import fr from '../../../shared/i18n/ui/fr.json';
import zhCN from '../../../shared/i18n/ui/zh-CN.json';
import zhTW from '../../../shared/i18n/ui/zh-TW.json';
import { buildCredentialInput, CREDENTIAL_KINDS, emptyValues, type CredentialKind, type CredentialValues } from './credential-input';
import { fieldErrorText } from './error-words';
import type { FieldErrors } from './form-state';
import { draftToPatch, settingsToDraft, type SettingsDraft } from './settings-form';

type Tree = { [k: string]: string | Tree };
const LOCALES: Record<string, Tree> = { en, fr, 'zh-CN': zhCN, 'zh-TW': zhTW };
const NOW = new Date(2026, 10, 21, 12).getTime();

// The window loads a language on first use; load them all, through the window's own loader, before wording.
beforeAll(async () => {
  for (const [lng, load] of Object.entries(UI_STRINGS)) i18n.addResourceBundle(lng, 'translation', await load(), true, true);
});

function leaf(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** zod's own English ("Invalid input: expected string, received undefined", "Too small: ..."). */
const ZOD_DEFAULT = /invalid input|expected \w+, received|too (small|big)|unrecognized key|invalid (string|option)/i;

/** Checks every error of a form in every language; returns the English texts for further checks. */
function expectWordedEverywhere(errors: FieldErrors, what: string): Record<string, string> {
  const english: Record<string, string> = {};
  for (const [lng, tree] of Object.entries(LOCALES)) {
    const t = i18n.getFixedT(lng);
    for (const [field, error] of Object.entries(errors)) {
      const label = `${what} ${field} ${error.key} (${lng})`;
      const own = leaf(tree, error.key);
      expect(own, `${label}: the key has a sentence in this language`).toBeTypeOf('string');
      const text = fieldErrorText(t, error);
      expect(text, label).not.toMatch(ZOD_DEFAULT);
      expect(text, label).not.toMatch(/\{\{|validation\.|expiry\.|settings\./);
      expect(text, label).toBe(own!.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(error.params?.[v])));
      if (lng === 'en') english[field] = text;
      else expect(text, `${label}: not the English sentence`).not.toBe(english[field]);
    }
  }
  return english;
}

const credential = (kind: CredentialKind, values: Partial<CredentialValues>) => {
  const r = buildCredentialInput(kind, { ...emptyValues('main', kind), agentId: '', ...values }, NOW);
  if (r.ok) throw new Error(`${kind} accepted ${JSON.stringify(values)}`);
  return r.errors;
};

/** What each form says about its required fields left empty. */
const EMPTY: Record<CredentialKind, Record<string, string>> = {
  'anthropic-key': { apiKey: 'validation.missing.anthropicKey' },
  'setup-token': { token: 'validation.missing.setupToken' },
  cloudflare: { accountId: 'validation.missing.accountId', gatewayId: 'validation.missing.gatewayId', apiKey: 'validation.missing.providerKey' },
  'provider-token': { provider: 'validation.missing.provider', token: 'validation.missing.token' },
};

/** Bad values per form, with the key each field must get. */
const BAD: [CredentialKind, Partial<CredentialValues>, Record<string, FieldError>][] = [
  ['anthropic-key', { apiKey: 'sk-ant api03', profileName: 'My Key' }, { apiKey: { key: 'validation.singleValue' }, profileName: { key: 'validation.profileName' } }],
  ['anthropic-key', { apiKey: 'k'.repeat(16_385) }, { apiKey: { key: 'validation.tooLong', params: { maximum: 16_384 } } }],
  ['setup-token', { token: 'sk-ant-api03-wrongprefix' }, { token: { key: 'validation.setupTokenPrefix' } }],
  ['setup-token', { token: 'sk-ant-oat01-short', expiryPreset: 'custom', expiryCustom: '' }, { token: { key: 'validation.setupTokenLength' }, expiresAt: { key: 'expiry.customRequired' } }],
  ['setup-token', { token: `sk-ant-oat01-${'x'.repeat(80)}`, expiryPreset: 'custom', expiryCustom: '2020-01-01T10:00' }, { expiresAt: { key: 'expiry.customPast' } }],
  [
    'cloudflare',
    { accountId: 'not-hex', gatewayId: 'My Gateway', apiKey: 'a\nb', gatewayAuthToken: 'x y' },
    { accountId: { key: 'validation.accountId' }, gatewayId: { key: 'validation.gatewayId' }, apiKey: { key: 'validation.singleValue' }, gatewayAuthToken: { key: 'validation.singleValue' } },
  ],
  ['provider-token', { provider: 'Open AI', token: 'tok en' }, { provider: { key: 'validation.providerId' }, token: { key: 'validation.singleValue' } }],
];

describe('every form, every field empty, every language', () => {
  it.each(CREDENTIAL_KINDS)('%s: each required field gets its own sentence saying what to put there', (kind) => {
    const errors = credential(kind, {});
    expect(Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, e.key]))).toEqual(EMPTY[kind]);
    const english = expectWordedEverywhere(errors, kind);
    for (const text of Object.values(english)) expect(text).toMatch(/^(Paste|Enter|Choose) .+\.$/);
  });

  it('settings: an empty port and agent say what to enter; no warning left says what to keep', () => {
    const draft: SettingsDraft = { ...settingsToDraft(DEFAULT_SETTINGS), port: '', agentId: '', thresholds: [] };
    const r = draftToPatch(draft);
    expect(r).toEqual({ ok: false, errors: { port: { key: 'validation.missing.port' }, agentId: { key: 'validation.missing.agentId' }, thresholdsMs: { key: 'settings.thresholdsEmpty' } } });
    if (!r.ok) expectWordedEverywhere(r.errors, 'settings');
  });

  it('default model: an empty model says what to enter', () => {
    const r = ModelRef.safeParse('');
    expect(r.success).toBe(false);
    if (!r.success) expectWordedEverywhere({ model: fieldErrorOf(r.error.issues[0]!, 'model', '', 'models:setDefault') }, 'model');
  });
});

describe('every form with bad values, every language', () => {
  it.each(BAD)('%s %j', (kind, values, expected) => {
    const errors = credential(kind, values);
    expect(errors).toEqual(expected);
    expectWordedEverywhere(errors, kind);
  });

  it('settings: bad port, agent and thresholds', () => {
    const base = settingsToDraft(DEFAULT_SETTINGS);
    for (const draft of [
      { ...base, port: '80', agentId: 'Main Agent', thresholds: [{ amount: '0', unit: 'hours' as const }] },
      { ...base, port: 'abc', thresholds: Array.from({ length: 9 }, (_, i) => ({ amount: String(i + 1), unit: 'days' as const })) },
    ]) {
      const r = draftToPatch(draft);
      expect(r.ok).toBe(false);
      if (!r.ok) expectWordedEverywhere(r.errors, 'settings');
    }
  });

  it('default model: a malformed model', () => {
    const r = ModelRef.safeParse('claude');
    if (!r.success) expectWordedEverywhere({ model: fieldErrorOf(r.error.issues[0]!, 'model', 'claude') }, 'model');
    expect(r.success).toBe(false);
  });
});
