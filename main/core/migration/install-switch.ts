/**
 * Switching the app from the OpenClaw in use to a release "Update OpenClaw" downloaded beside it, and back. The
 * download waits in `openclaw-update`; the switch moves the app's own install aside (`openclaw.previous`), puts the
 * download in its place and, when the release in use was found elsewhere (PATH, the Settings path), points the
 * "OpenClaw path" setting at the app's install. Undo puts everything back; `finish` drops the earlier release.
 */
import fs from 'node:fs';
import type { OpenClawInstallation } from '../openclaw/installation';
import { appInstallDir, appUpdateDir } from '../openclaw/locate-candidates';
import type { SettingsService } from '../settings';
import type { InstallSwitch } from './import-run';

/** The switch, plus dropping the earlier release once the import succeeded. */
export interface ReleaseSwitch extends InstallSwitch {
  finish(): void;
}

/** Builds the switch to the release in `openclaw-update`, expected to be `version`. */
export function createReleaseSwitch(o: {
  dataDir: string;
  version: string;
  settings: Pick<SettingsService, 'get' | 'update'>;
  installation: Pick<OpenClawInstallation, 'current' | 'refresh' | 'version'>;
}): ReleaseSwitch {
  const update = appUpdateDir(o.dataDir);
  const target = appInstallDir(o.dataDir);
  const previous = `${target}.previous`;
  let setting: { before: string | null } | undefined;
  return {
    async apply() {
      if (!fs.existsSync(update)) throw new Error(`The downloaded release is missing (${update}).`);
      const inUse = o.installation.current()?.installation.source;
      fs.rmSync(previous, { recursive: true, force: true });
      if (fs.existsSync(target)) fs.renameSync(target, previous);
      fs.renameSync(update, target);
      if (inUse !== 'app' || o.settings.get().openclawPath) {
        setting = { before: o.settings.get().openclawPath };
        o.settings.update({ openclawPath: target });
      }
      await o.installation.refresh();
      if (o.installation.version() !== o.version) {
        throw new Error(`OpenClaw ${o.version} could not be run from ${target} (found ${o.installation.version() ?? 'none'}).`);
      }
    },
    async undo() {
      if (fs.existsSync(target)) {
        fs.rmSync(update, { recursive: true, force: true });
        fs.renameSync(target, update);
      }
      if (fs.existsSync(previous)) fs.renameSync(previous, target);
      if (setting) o.settings.update({ openclawPath: setting.before });
      setting = undefined;
      await o.installation.refresh();
    },
    finish() {
      fs.rmSync(previous, { recursive: true, force: true });
    },
  };
}
