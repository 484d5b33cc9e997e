/**
 * Refusals read in the user's language (issue 9 item 5, issue 12 item 3): the window is switched to French or
 * Traditional Chinese, forms are submitted empty and with bad values, and a save main refuses (a corrupt
 * credential file), and every message shown must be a sentence of that language's locale file: never English,
 * never zod's own text ("Invalid input: expected string, received undefined").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import en from '../shared/i18n/ui/en.json';
import fr from '../shared/i18n/ui/fr.json';
import zhTW from '../shared/i18n/ui/zh-TW.json';
import { expect, test } from './fixtures';
import { authProfilesPath, openView, skipWizard, snapScreen } from './window-support';

type Tree = { [k: string]: string | Tree };
type Lang = 'fr' | 'zh-TW';
const TREES: Record<Lang | 'en', Tree> = { en, fr, 'zh-TW': zhTW };

/** The string at a dotted key of a locale. */
function s(lng: Lang | 'en', key: string): string {
  let node: string | Tree | undefined = TREES[lng];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${lng} string for ${key}`);
  return node;
}

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}

/** A locale string as a pattern: its `{{variables}}` match anything. */
function pattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 's');
}

const ZOD_DEFAULT = /invalid input|expected \w+, received|too (small|big)|unrecognized key|invalid (string|option)/i;

/**
 * Every message inside `scope` (field errors, and the text of alerts except data such as paths) is a sentence of
 * `lng`'s locale file and none of English's. Returns the messages.
 */
async function expectOnly(scope: Locator, lng: Lang): Promise<string[]> {
  const texts = (await scope.locator('.field-error, [role="alert"] > p, [role="alert"] dt').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  expect(texts.length).toBeGreaterThan(0);
  const own = leaves(TREES[lng]).map(pattern);
  const english = leaves(en).filter((e) => !leaves(TREES[lng]).includes(e)).map(pattern);
  for (const text of texts) {
    expect(text, 'no zod default').not.toMatch(ZOD_DEFAULT);
    expect(own.some((p) => p.test(text)), `"${text}" is a ${lng} sentence`).toBe(true);
    expect(english.some((p) => p.test(text)), `"${text}" is not English`).toBe(false);
  }
  return texts;
}

/** Switches the (English) window to `lng` through Settings, as a user would. */
async function switchTo(page: Page, lng: Lang): Promise<void> {
  await openView(page, 'Settings');
  await page.getByLabel('Language').selectOption(lng);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await expect(page.getByRole('status').filter({ hasText: s(lng, 'settings.applied') })).toBeVisible();
}

/** Opens the credentials screen and the form of `kind`, in `lng`. */
async function openForm(page: Page, lng: Lang, kind: 'anthropic-key' | 'setup-token' | 'cloudflare' | 'provider-token'): Promise<Locator> {
  await page.getByRole('navigation').getByRole('button', { name: s(lng, 'nav.credentials') }).click();
  await page.getByRole('button', { name: s(lng, `connect.${kind}.title`), exact: true }).click();
  const form = page.locator('form.credential-form');
  await expect(form.getByRole('heading', { name: s(lng, `connect.${kind}.formTitle`) })).toBeVisible();
  return form;
}

async function save(form: Locator, lng: Lang): Promise<void> {
  await form.getByRole('button', { name: s(lng, 'form.save'), exact: true }).click();
}

/** The error shown beside a labelled field. */
function errorOf(form: Locator, label: string): Locator {
  return form.locator('.field').filter({ has: form.page().getByLabel(label, { exact: true }) }).locator('.field-error');
}

for (const lng of ['fr', 'zh-TW'] as const) {
  test(`in ${lng}, refused Cloudflare and setup-token forms and a refused save show only ${lng} sentences`, async ({ page, shell }) => {
    await skipWizard(page);
    await switchTo(page, lng);

    // Cloudflare: every required field empty, then a malformed account id.
    const cloudflare = await openForm(page, lng, 'cloudflare');
    await save(cloudflare, lng);
    await expect(errorOf(cloudflare, s(lng, 'form.cloudflare.accountId.label'))).toHaveText(s(lng, 'validation.missing.accountId'));
    await expect(errorOf(cloudflare, s(lng, 'form.cloudflare.gatewayId.label'))).toHaveText(s(lng, 'validation.missing.gatewayId'));
    await expect(errorOf(cloudflare, s(lng, 'form.cloudflare.apiKey.label'))).toHaveText(s(lng, 'validation.missing.providerKey'));
    expect(await expectOnly(cloudflare, lng)).toHaveLength(4);
    await snapScreen(page, `form-cloudflare-empty-${lng}`);
    await cloudflare.getByLabel(s(lng, 'form.cloudflare.accountId.label'), { exact: true }).fill('not-a-real-account-id');
    await cloudflare.getByLabel(s(lng, 'form.cloudflare.gatewayId.label'), { exact: true }).fill('My Gateway');
    await save(cloudflare, lng);
    await expect(errorOf(cloudflare, s(lng, 'form.cloudflare.accountId.label'))).toHaveText(s(lng, 'validation.accountId'));
    await expect(errorOf(cloudflare, s(lng, 'form.cloudflare.gatewayId.label'))).toHaveText(s(lng, 'validation.gatewayId'));
    await expectOnly(cloudflare, lng);

    // Setup-token: the wrong prefix, then too short.
    const setup = await openForm(page, lng, 'setup-token');
    const token = setup.getByLabel(s(lng, 'form.setupToken.label'), { exact: true });
    await token.fill('sk-ant-api03-not-a-setup-token');
    await save(setup, lng);
    await expect(errorOf(setup, s(lng, 'form.setupToken.label'))).toHaveText(s(lng, 'validation.setupTokenPrefix'));
    await expectOnly(setup, lng);
    await token.fill('sk-ant-oat01-short');
    await save(setup, lng);
    await expect(errorOf(setup, s(lng, 'form.setupToken.label'))).toHaveText(s(lng, 'validation.setupTokenLength'));
    await expectOnly(setup, lng);
    await snapScreen(page, `form-setup-token-refused-${lng}`);

    // A save main refuses: the credential file does not parse, so it is kept and nothing is written.
    const store = authProfilesPath(shell.stateDir);
    fs.mkdirSync(path.dirname(store), { recursive: true });
    fs.writeFileSync(store, '{ "profiles": ');
    const key = await openForm(page, lng, 'anthropic-key');
    await key.getByLabel(s(lng, 'form.anthropicKey.label'), { exact: true }).fill(`sk-ant-api03-${'k'.repeat(40)}`);
    await save(key, lng);
    const note = key.getByRole('alert').filter({ hasText: s(lng, 'form.saveFailed') });
    await expect(note).toBeVisible();
    await expect(note.locator('p').nth(1)).toHaveText(pattern(s(lng, 'errors.file.corrupt')));
    await expect(note.getByText(s(lng, 'errors.step.check'), { exact: true })).toBeVisible();
    await expectOnly(key, lng);
    expect(fs.readFileSync(store, 'utf8')).toBe('{ "profiles": ');
    await snapScreen(page, `form-save-refused-${lng}`);
  });
}

test('empty fields in fr: every form submitted empty says, per field, in French, what to put there', async ({ page }) => {
  await skipWizard(page);
  await switchTo(page, 'fr');
  const expected = {
    'anthropic-key': [['form.anthropicKey.label', 'validation.missing.anthropicKey']],
    'setup-token': [['form.setupToken.label', 'validation.missing.setupToken']],
    cloudflare: [
      ['form.cloudflare.accountId.label', 'validation.missing.accountId'],
      ['form.cloudflare.gatewayId.label', 'validation.missing.gatewayId'],
      ['form.cloudflare.apiKey.label', 'validation.missing.providerKey'],
    ],
    'provider-token': [
      ['form.provider.label', 'validation.missing.provider'],
      ['form.token.label', 'validation.missing.token'],
    ],
  } as const;
  for (const [kind, fields] of Object.entries(expected)) {
    const form = await openForm(page, 'fr', kind as keyof typeof expected);
    await save(form, 'fr');
    for (const [label, message] of fields) await expect(errorOf(form, s('fr', label))).toHaveText(s('fr', message));
    await expect(form.locator('.field-error')).toHaveCount(fields.length + 1);
    await expectOnly(form, 'fr');
  }

  await page.getByRole('navigation').getByRole('button', { name: s('fr', 'nav.settings') }).click();
  const settings = page.locator('form.settings-form');
  await settings.getByLabel(s('fr', 'settings.port.label'), { exact: true }).fill('');
  await settings.getByRole('button', { name: s('fr', 'settings.save') }).click();
  await expect(errorOf(settings, s('fr', 'settings.port.label'))).toHaveText(s('fr', 'validation.missing.port'));
  await expectOnly(settings, 'fr');
  await snapScreen(page, 'settings-empty-port-fr');
});
