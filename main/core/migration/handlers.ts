/**
 * Import channels (`migration:*`): the state of the import into OpenClaw 2026.6+, starting it once the user agreed,
 * deleting the plain-text copies it leaves, and dropping a downloaded update. Wires the service to the context,
 * the gateway's control and a CLI for a release downloaded beside the one in use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InvokeChannel } from '../../../shared/contract';
import type { CoreContext, CoreModule } from '../context';
import type { GatewayControl } from '../gateway/handlers';
import { createOpenClawCli } from '../openclaw/cli';
import { locateOpenClaw } from '../openclaw/locate';
import { literalSecrets, REDACTED } from '../secrets/redact';
import { appUpdateDir } from '../openclaw/locate-candidates';
import { importsLegacyState, MigrationService, type StagedRelease } from './service';

/** The channels this module answers. */
export type MigrationChannel = Extract<InvokeChannel, `migration:${string}`>;

/** The migration module: handlers, lifecycle, and the service (the installer hands it downloaded updates). */
export interface MigrationModule extends CoreModule<MigrationChannel> {
  service: MigrationService;
}

/** The version in the `openclaw` package of an npm prefix, if any. */
function installedVersion(prefix: string): string | undefined {
  try {
    const v = (JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules', 'openclaw', 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Handlers for the import; what OpenClaw prints is redacted with every secret core knows (`ctx.secrets`). */
export function createMigrationModule(ctx: CoreContext, gateway: GatewayControl): MigrationModule {
  const staged = async (): Promise<StagedRelease | undefined> => {
    const dir = appUpdateDir(ctx.dataDir);
    const version = installedVersion(dir);
    if (!version || !importsLegacyState(version)) return undefined;
    const cli = createOpenClawCli({
      installation: {
        launch: async () => {
          const located = await locateOpenClaw({
            settingsPath: dir,
            env: ctx.env,
            homeDir: ctx.homeDir,
            platform: ctx.platform,
            dataDir: ctx.dataDir,
            loginShellPath: async () => undefined,
            selfNode: process.versions.electron ? undefined : process.execPath,
          });
          if (located.launch && !located.problem) return { launch: located.launch, located };
          return { problem: located.problem ?? { reason: 'not-installed', message: `OpenClaw ${version} could not be run from ${dir}.` }, located };
        },
      },
      clock: ctx.clock,
      platform: ctx.platform,
      env: ctx.env,
      stateDir: ctx.paths.stateDir,
      configPath: ctx.paths.configPath,
      port: () => ctx.settings.get().port,
    });
    return { version, cli };
  };
  const service = new MigrationService({
    paths: ctx.paths,
    dataDir: ctx.dataDir,
    clock: ctx.clock,
    logger: ctx.logger,
    installation: ctx.installation,
    cli: ctx.cli,
    staged,
    settings: ctx.settings,
    gateway,
    emit: (state) => ctx.events.emit('migration:state', state),
    remember: (values) => ctx.secrets.remember(...values),
    redact: (text) => ctx.secrets.redact(text),
    redactKnown: (text) => literalSecrets(ctx.secrets.secrets()).reduce((t, secret) => t.split(secret).join(REDACTED), text),
  });
  return {
    service,
    handlers: {
      'migration:state': async () => service.state(),
      'migration:start': () => service.startImport(),
      'migration:deleteCopies': (input) => service.deleteCopies(input.leftovers, input.backups),
      'migration:discardUpdate': () => service.discardUpdate(),
    },
    start: () => service.start(),
    async dispose() {
      service.dispose();
    },
  };
}
