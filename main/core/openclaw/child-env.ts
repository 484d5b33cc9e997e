/**
 * The environment every OpenClaw process the app starts gets, the gateway and each CLI run alike: the allow-listed
 * part of the app's (`process/child-env.ts`: PATH, home, locale, proxies, `OPENCLAW_*` and the provider credentials
 * OpenClaw reads; never the app's own variables), the supervised-child flags of openclaw-reference.md ("The gateway process"), the managed state dir and config
 * path, the gateway port, and the chosen Node first on PATH. A CLI run that saw another state dir or port would
 * talk to (or refuse) the wrong gateway, so both build it here.
 */
import { childEnv } from '../process/child-env';
import type { LaunchSpec } from './locate';

/** Flags for an OpenClaw process run under the app: no self-respawn, no Bonjour, no self-update, no colours. */
export const OPENCLAW_CHILD_FLAGS = {
  OPENCLAW_NO_RESPAWN: '1',
  OPENCLAW_DISABLE_BONJOUR: '1',
  OPENCLAW_NO_AUTO_UPDATE: '1',
  OPENCLAW_EXEC_SHELL_SNAPSHOT: '0',
  NO_COLOR: '1',
} as const;

/** What the environment is built from. `port` is set for CLI runs (the gateway gets `--port` on its command line). */
export interface ChildEnvInputs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  stateDir: string;
  configPath: string;
  launch: Pick<LaunchSpec, 'pathDir'>;
  port?: number;
  /** Extra variable names to pass (test fakes only). */
  passthrough?: ((name: string) => boolean) | undefined;
}

/** The child's environment. Pure. */
export function openclawChildEnv(o: ChildEnvInputs): Record<string, string | undefined> {
  const win = o.platform === 'win32';
  const base = childEnv('openclaw', o.env, { platform: o.platform, passthrough: o.passthrough });
  const pathKey = win ? (Object.keys(base).find((k) => k.toUpperCase() === 'PATH') ?? 'Path') : 'PATH';
  const env: Record<string, string | undefined> = { ...base, ...OPENCLAW_CHILD_FLAGS, OPENCLAW_STATE_DIR: o.stateDir, OPENCLAW_CONFIG_PATH: o.configPath };
  if (o.port !== undefined) env.OPENCLAW_GATEWAY_PORT = String(o.port);
  if (o.launch.pathDir) env[pathKey] = [o.launch.pathDir, base[pathKey]].filter(Boolean).join(win ? ';' : ':');
  return env;
}
