import { describe, expect, it } from 'vitest';
import { Alert, AppInfo, ErrorCode, GatewayInstallation, GatewayOwner, GatewayOwnerChoice, GatewayStatus, InstallFailure, InstallProgress, MigrationFailure, MigrationReason, MigrationStep, ModelRow, ModelsView, ProfileStatus } from '../../shared/contract';
import { CREDENTIAL_KINDS } from './lib/credential-input';
import { EXPIRY_PRESETS } from './lib/expiry-presets';
import { FAILURE_REASONS } from './lib/gateway-view';
import { VIEWS } from './lib/navigate';
import { ERROR_KEYS, GATEWAY_DETAIL_KEYS, VALIDATION_KEYS } from '../../shared/message-keys';
import en from '../../shared/i18n/ui/en.json';
import fr from '../../shared/i18n/ui/fr.json';
import zhCN from '../../shared/i18n/ui/zh-CN.json';
import zhTW from '../../shared/i18n/ui/zh-TW.json';
import { notificationStrings } from '../../shared/i18n/notifications';
import { trayStrings } from '../../shared/i18n/tray';

const LANGS = ['en', 'fr', 'zh-CN', 'zh-TW'] as const;
type Tree = { [k: string]: string | Tree };
const TREES: Record<(typeof LANGS)[number], Tree> = { en, fr, 'zh-CN': zhCN, 'zh-TW': zhTW };
/** The renderer's own sources, as text (Vite's glob import: no Node APIs in renderer code). */
const SOURCES = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?code>/g)].map((m) => m[0]).sort();
const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(TREES[l])])) as Record<(typeof LANGS)[number], Map<string, string>>;
const english = flat.en;
const has = (key: string) => english.has(key) || english.has(`${key}_other`);

describe('translations', () => {
  it('French puts a non-breaking space (U+00A0) before : ; ? ! and », and after « (window, tray, notifications)', () => {
    const french = [...flat.fr, ...Object.entries(trayStrings.fr), ...Object.entries(notificationStrings.fr)];
    const wrong = french.filter(([, text]) => / [:;?!»]|« /.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(wrong, 'replace the plain space with U+00A0 in these').toEqual([]);
  });

  it.each(LANGS)('%s has exactly the keys of English (plural forms aside)', (lng) => {
    const keys = (m: Map<string, string>) => [...new Set([...m.keys()].map(base))].sort();
    expect(keys(flat[lng])).toEqual(keys(english));
  });

  it.each(LANGS)('%s has every plural form its language needs', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const plurals = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map(base));
    for (const key of plurals) for (const c of categories) expect(flat[lng].has(`${key}_${c}`), `${lng} ${key}_${c}`).toBe(true);
  });

  it.each(LANGS)('%s keeps the variables and markup of every English string', (lng) => {
    for (const [key, value] of flat[lng]) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`)!;
      expect(vars(value), `${lng} ${key}`).toEqual(vars(source));
      expect(tags(value), `${lng} ${key}`).toEqual(tags(source));
      if (key !== 'install.phase.idle') expect(value.trim(), `${lng} ${key}`).not.toBe('');
    }
  });

  it('has a string for every key the code builds from the contract', () => {
    const wanted = [
      ...ProfileStatus.options.map((s) => `credential.status.${s}`),
      ...GatewayStatus.options.map((s) => `gateway.status.${s}`),
      ...GatewayOwner.options.map((o) => `gateway.ownerText.${o}`),
      ...GatewayOwnerChoice.options.flatMap((c) => ['choice', 'confirmTitle', 'confirm', 'confirmButton', 'done'].map((f) => `settings.owner.${f}.${c}`)),
      ...AppInfo.shape.gatewayService.unwrap().shape.kind.options.map((k) => `settings.owner.kind.${k}`),
      ...FAILURE_REASONS.flatMap((r) => [`gateway.reason.${r}`, `gateway.next.${r}`]),
      ...ErrorCode.options.flatMap((c) => [`errors.code.${c}`, `errors.next.${c}`, `errors.fallback.${c}`]),
      ...['check', 'credential', 'env', 'config', 'backups'].map((s) => `errors.step.${s}`),
      'gateway.open.gateway',
      'gateway.open.settings',
      ...CREDENTIAL_KINDS.flatMap((k) => ['title', 'formTitle', 'summary', 'intro'].map((f) => `connect.${k}.${f}`)),
      ...EXPIRY_PRESETS.map((p) => `expiry.preset.${p}`),
      ...InstallProgress.shape.phase.options.map((p) => `install.phase.${p}`),
      ...InstallProgress.shape.step.unwrap().options.map((p) => `install.step.${p}`),
      ...InstallFailure.options.map((f) => `install.failure.${f}`),
      ...MigrationStep.options.map((s) => `migration.step.${s}`),
      ...MigrationFailure.options.map((f) => `migration.failure.${f}`),
      ...MigrationReason.shape.kind.options.map((k) => `migration.reason.${k}`),
      ...GatewayInstallation.shape.source.unwrap().options.map((s) => `install.sourceName.${s}`),
      ...Alert.shape.kind.options.map((k) => `alerts.text.${k}`),
      ...['one-hour', 'tomorrow-morning', 'next-threshold'].map((c) => `alerts.snoozeChoice.${c}`),
      ...['start', 'stop', 'restart'].flatMap((a) => [`gateway.action.${a}`, `gateway.busy.${a}`]),
      ...['api_key', 'token', 'oauth'].map((t) => `credential.type.${t}`),
      ...['choose', 'form', 'start'].flatMap((s) => [`wizard.title.${s}`, `wizard.step.${s}`]),
      ...VIEWS.map((v) => `nav.${v}`),
      ...ModelRow.shape.state.options.map((s) => `models.state.${s}`),
      ...ModelRow.shape.role.options.map((r) => `models.role.${r}`),
      ...['profile', 'env-file', 'environment', 'config', 'none'].map((v) => `models.via.${v}`),
      ...ModelsView.shape.headline.options.map((h) => `models.headline.${h}`),
      ...['renew', 'add-credential', 'wait-or-next', 'wait-only'].map((a) => `models.action.${a}`),
      ...VALIDATION_KEYS,
      ...ERROR_KEYS,
      ...GATEWAY_DETAIL_KEYS,
    ];
    expect(wanted.filter((k) => !has(k))).toEqual([]);
  });

  it('has a string for every literal key used in the renderer', () => {
    const used = new Set<string>();
    for (const src of Object.values(SOURCES)) {
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z-]+\.[a-zA-Z0-9.-]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/i18nKey="([^"]+)"/g)) used.add(m[1]!);
      for (const m of src.matchAll(/'((?:expiry|settings|validation)\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !has(k)).sort()).toEqual([]);
  });

  it("never shows main's English error message (it is for logs): errors are worded from their keys", () => {
    const readers = Object.entries(SOURCES).filter(([, src]) => /\b(?:error|failure|problem|state|progress)\??\.message\b/.test(src));
    expect(readers.map(([file]) => file)).toEqual([]);
  });
});
