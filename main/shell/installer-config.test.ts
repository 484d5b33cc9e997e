import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID } from './shell';
import { TRAY_ICON_STATES, trayIconFile } from '../tray/tray-model';

const root = path.join(__dirname, '..', '..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

/** `[{ target: 'dmg' }, 'zip']` -> `['dmg', 'zip']`. */
const targetNames = (platform: string): string[] => (config[platform].target as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config as Configuration, { isEnabled: false, add() {} } as never)).resolves.toBeUndefined();
  });

  it('names the app as the shell does', () => {
    expect(config.appId).toBe('ai.clawtray.app');
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('ClawTray');
  });

  it('packages the bundles and package.json, whose main is in them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/index.mjs');
  });

  it('ships the tray icons as extra resources, and every icon the tray asks for exists', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/tray', to: 'tray', filter: ['*.png'] }]);
    for (const state of TRAY_ICON_STATES) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const file = trayIconFile(state, platform);
        expect(fs.existsSync(path.join(root, 'resources', 'tray', file)), file).toBe(true);
        expect(fs.existsSync(path.join(root, 'resources', 'tray', file.replace('.png', '@2x.png'))), file).toBe(true);
      }
    }
  });

  it('builds a dmg for macOS, nsis for Windows, AppImage and deb for Linux', () => {
    expect(targetNames('mac')).toEqual(['dmg']);
    expect(targetNames('win')).toEqual(['nsis']);
    expect(targetNames('linux').sort()).toEqual(['AppImage', 'deb']);
  });

  it('turns off running as Node and the inspector, and locks the app to its checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).not.toBe(false);
  });
});
