/**
 * What the gateway needs in `openclaw.json` before the app starts it: `gateway.mode = "local"`, `gateway.bind =
 * "loopback"` and a persisted token (`gateway.auth = {mode: "token", token}`), because without one OpenClaw invents
 * a new token at each start. Written through the config store, so nothing else in the file changes.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { objectAt, readConfig, updateConfig, valueAt, type OpenClawConfig } from '../openclaw/config-file';

/** What the supervisor learns from the config it ensured. */
export interface GatewayConfigInfo {
  /** The gateway token (for redaction), when the auth mode is token. */
  token: string | undefined;
  /** Where OpenClaw writes its JSONL log. */
  logFile: string;
}

/** A new random gateway token (48 hex characters). */
export function newGatewayToken(): string {
  return randomBytes(24).toString('hex');
}

/** Applies the gateway's needs to a config object in place. Pure apart from `makeToken`. */
export function applyGatewayDefaults(config: OpenClawConfig, makeToken: () => string = newGatewayToken): void {
  const gateway = objectAt(config, ['gateway']);
  if (gateway.mode !== 'local') gateway.mode = 'local';
  if (gateway.bind !== 'loopback') gateway.bind = 'loopback';
  const auth = valueAt(gateway, ['auth']);
  const authObj = auth && typeof auth === 'object' && !Array.isArray(auth) ? (auth as Record<string, unknown>) : undefined;
  const mode = authObj?.mode;
  if (mode !== undefined && mode !== 'token') return;
  const token = authObj?.token;
  if (typeof token === 'string' && token.trim()) {
    if (mode === undefined) objectAt(gateway, ['auth']).mode = 'token';
    return;
  }
  const next = objectAt(gateway, ['auth']);
  next.mode = 'token';
  next.token = makeToken();
}

/** OpenClaw's default JSONL log for `date` (local day), used when `logging.file` is not set. */
export function defaultLogFile(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return path.join(process.platform === 'win32' ? os.tmpdir() : '/tmp', 'openclaw', `openclaw-${day}.log`);
}

/** Reads what the config says about the gateway's token and log file. Pure. */
export function gatewayInfoFrom(config: OpenClawConfig, now: Date): GatewayConfigInfo {
  const token = valueAt(config, ['gateway', 'auth', 'token']);
  const file = valueAt(config, ['logging', 'file']);
  return { token: typeof token === 'string' && token ? token : undefined, logFile: typeof file === 'string' && file ? file : defaultLogFile(now) };
}

/** Ensures the config at `configPath` lets the app run the gateway, and reports its token and log file. */
export async function ensureGatewayConfig(configPath: string, now: number): Promise<GatewayConfigInfo> {
  const config = await updateConfig(configPath, (c) => applyGatewayDefaults(c), { now });
  return gatewayInfoFrom(config, new Date(now));
}

/** Reads the gateway's token and log file without changing anything (for a gateway the app did not just start). */
export async function readGatewayConfigInfo(configPath: string, now: number): Promise<GatewayConfigInfo> {
  try {
    return gatewayInfoFrom((await readConfig(configPath, { now })).config, new Date(now));
  } catch {
    return gatewayInfoFrom({}, new Date(now));
  }
}
