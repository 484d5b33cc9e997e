/**
 * Resolves OpenClaw's state dir, config path and per-agent dirs exactly as OpenClaw does
 * (`OPENCLAW_STATE_DIR`, `OPENCLAW_CONFIG_PATH`, `OPENCLAW_HOME`, `OPENCLAW_PROFILE`), so the app edits the very
 * files the gateway reads. An explicit override (the web shell's `--state-dir`) wins over the environment.
 */
import path from 'node:path';
import { AgentId } from '../../../shared/schemas';
import { CoreError } from '../errors';

/** The resolved locations of OpenClaw's files for one run of the app. */
export interface OpenClawPaths {
  stateDir: string;
  configPath: string;
  envPath: string;
  agentsDir: string;
}

/** Inputs for resolution; `env` and `homeDir` are passed in so tests stay hermetic. */
export interface PathInputs {
  env: Record<string, string | undefined>;
  homeDir: string;
  stateDirOverride?: string | undefined;
}

function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(home, p.slice(2));
  return p;
}

/** `OPENCLAW_HOME` replaces `$HOME` for OpenClaw's defaults. */
export function openclawHome(inputs: PathInputs): string {
  const h = inputs.env.OPENCLAW_HOME?.trim();
  return h ? path.resolve(expandHome(h, inputs.homeDir)) : inputs.homeDir;
}

/** Resolves the state dir, config path and `.env` path. */
export function resolveOpenClawPaths(inputs: PathInputs): OpenClawPaths {
  const home = openclawHome(inputs);
  const { env } = inputs;
  let stateDir: string;
  if (inputs.stateDirOverride) {
    stateDir = path.resolve(expandHome(inputs.stateDirOverride, inputs.homeDir));
  } else if (env.OPENCLAW_STATE_DIR?.trim()) {
    stateDir = path.resolve(expandHome(env.OPENCLAW_STATE_DIR.trim(), home));
  } else {
    // OpenClaw's own profile rule (cli/profile-utils): "default" in any case means no profile.
    const profile = env.OPENCLAW_PROFILE?.trim();
    const valid = profile && profile.toLowerCase() !== 'default' && /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(profile);
    stateDir = path.join(home, valid ? `.openclaw-${profile}` : '.openclaw');
  }
  const configEnv = inputs.stateDirOverride ? undefined : env.OPENCLAW_CONFIG_PATH?.trim();
  const configPath = configEnv ? path.resolve(expandHome(configEnv, home)) : path.join(stateDir, 'openclaw.json');
  return { stateDir, configPath, envPath: path.join(stateDir, '.env'), agentsDir: path.join(stateDir, 'agents') };
}

/** The agent dir holding `auth-profiles.json`; the id is validated so nothing user-typed reaches a path raw. */
export function agentDir(paths: OpenClawPaths, agentId: string): string {
  const parsed = AgentId.safeParse(agentId);
  if (!parsed.success) throw new CoreError('VALIDATION', 'errors.agent.invalid', { params: { agent: agentId }, fields: { agentId: { key: 'validation.agentId' } } });
  return path.join(paths.agentsDir, parsed.data, 'agent');
}
