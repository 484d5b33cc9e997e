/**
 * Install channels (`gateway:install`, `gateway:update`, `gateway:cancelInstall`): wires the installer to the
 * context. After "Install for me" the installation is searched again and the gateway refreshed; after "Update
 * OpenClaw" the new release waits beside the old one and is handed to the import (`onUpdateReady`), which switches
 * to it only once the state folder was imported.
 */
import type { InvokeChannel } from '../../../shared/contract';
import type { CoreContext, CoreModule } from '../context';
import { Installer } from './installer';

/** The channels this module answers. */
export type InstallChannel = Extract<InvokeChannel, 'gateway:install' | 'gateway:update' | 'gateway:cancelInstall'>;

/** What the installer module needs from the other modules. */
export interface InstallerModuleDeps {
  /** One line for the gateway log (redacted there). */
  note(line: string): void;
  /** After "Install for me": the gateway looks for OpenClaw again. */
  refreshGateway(): Promise<unknown>;
  /** After "Update OpenClaw": the new release in `dir` awaits the import. */
  onUpdateReady(dir: string): Promise<void>;
}

/** Handlers for installing and updating OpenClaw. */
export function createInstallerModule(ctx: CoreContext, deps: InstallerModuleDeps): CoreModule<InstallChannel> {
  const installer = new Installer({
    platform: ctx.platform,
    env: ctx.env,
    dataDir: ctx.dataDir,
    clock: ctx.clock,
    findNpm: () => ctx.installation.findNpm(),
    findNode: (range) => ctx.installation.findNode(range),
    emitProgress: (p) => ctx.events.emit('gateway:install', p),
    note: (line) => deps.note(line),
    secrets: () => ctx.secrets.secrets(),
    envPassthrough: ctx.childEnvPassthrough,
    onInstalled: async (mode, dir) => {
      if (mode === 'update') return deps.onUpdateReady(dir);
      await ctx.installation.refresh();
      await deps.refreshGateway();
    },
  });
  return {
    handlers: {
      'gateway:install': () => installer.start('install'),
      'gateway:update': () => installer.start('update'),
      'gateway:cancelInstall': () => installer.cancel(),
    },
    async dispose() {
      await installer.cancel();
    },
  };
}
