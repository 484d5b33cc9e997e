/**
 * The environment every child the app starts gets, built from an allow-list instead of the app's whole
 * environment: a child sees what it needs to run (PATH, home, locale, temp dirs, proxies and certificates, the
 * Windows system variables) and, by kind, what it is documented to read: OpenClaw its `OPENCLAW_*` variables and
 * the provider and channel credentials it takes from the environment (the gateway legitimately uses
 * `ANTHROPIC_API_KEY`); npm its `npm_config_*` settings and never a provider key; a helper (a login shell, a
 * `--version` probe, `ps`, `lsof`) nothing more. The app's own variables (`CLAWTRAY_*`, Electron's) never pass,
 * and PATH keeps only absolute directories, so a launch from a terminal in an untrusted folder never runs a
 * program from it. Pure.
 */
import path from 'node:path';

/** Who the child is. */
export type ChildKind = 'helper' | 'openclaw' | 'npm';

/** Variables every child may get (exact names; Windows compares them without case). */
const BASE_NAMES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'USERNAME',
  'SHELL',
  'ZDOTDIR',
  'TERM',
  'NO_COLOR',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_CACHE_HOME',
  'XDG_STATE_HOME',
  'XDG_RUNTIME_DIR',
  'DBUS_SESSION_BUS_ADDRESS',
  // Windows: a process cannot start sockets, find its shell or resolve extensions without these.
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'PROGRAMFILES(X86)',
  'COMMONPROGRAMFILES',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
];
/** Locale categories (`LC_ALL`, `LC_CTYPE`, ...). */
const LOCALE = /^LC_[A-Z]+$/;

/**
 * What OpenClaw documents reading from the environment: its own `OPENCLAW_*` settings, and the credentials and
 * endpoints of the providers and channels it talks to (`ANTHROPIC_API_KEY`, `OPENCLAW_LIVE_*_KEYS`,
 * `CLOUDFLARE_AI_GATEWAY_API_KEY`, `TELEGRAM_BOT_TOKEN`, `AWS_*`, `GOOGLE_APPLICATION_CREDENTIALS`, ...).
 */
const OPENCLAW_NAMES: readonly RegExp[] = [
  /^OPENCLAW_[A-Z0-9_]+$/,
  /^[A-Z][A-Z0-9_]*_(?:API_KEYS?|API_TOKEN|ACCESS_TOKEN|OAUTH_TOKEN|BOT_TOKEN|APP_TOKEN|AUTH_TOKEN|SIGNING_SECRET|BASE_URL|API_HOST|API_BASE|ENDPOINT|API_VERSION)$/,
  /^(?:ANTHROPIC|OPENAI|AZURE|AWS|GOOGLE|GCLOUD|GEMINI|VERTEX|VAULT|CLAUDE|XAI|OLLAMA|OPENROUTER|CLOUDFLARE|MINIMAX|DEEPGRAM|ELEVENLABS|MISTRAL|GROQ|TELEGRAM|SLACK|DISCORD)_[A-Z0-9_]+$/,
];
/** npm's own settings (registry, cache, proxy, certificates, auth to a private registry). */
const NPM_NAMES: readonly RegExp[] = [/^npm_config_[a-z0-9_/:.-]+$/i];
/** Never passed, whatever matched: the app's own variables and Electron's. */
const NEVER: readonly RegExp[] = [/^CLAWTRAY_/i, /^ELECTRON_/i, /^CHROME_/i, /^npm_(?:lifecycle|package|node_execpath|execpath|command)/i];

/** Options of `childEnv`. */
export interface ChildEnvOptions {
  platform: NodeJS.Platform;
  /** Extra names to pass (test fakes configured through their environment); never needed in the shipped app. */
  passthrough?: ((name: string) => boolean) | undefined;
}

/** Whether `name` may reach a child of `kind`. Pure. */
export function allowedInChild(kind: ChildKind, name: string, options: ChildEnvOptions): boolean {
  if (NEVER.some((re) => re.test(name))) return false;
  const upper = options.platform === 'win32' ? name.toUpperCase() : name;
  if (BASE_NAMES.includes(upper) || LOCALE.test(upper) || /^(?:http|https|no|all)_proxy$/.test(name)) return true;
  if (kind === 'openclaw' && OPENCLAW_NAMES.some((re) => re.test(upper))) return true;
  if (kind === 'npm' && NPM_NAMES.some((re) => re.test(name))) return true;
  return options.passthrough?.(name) ?? false;
}

/** A PATH value with only absolute directories (relative and empty entries name the current folder). Pure. */
export function absolutePathValue(value: string | undefined, platform: NodeJS.Platform): string | undefined {
  if (value === undefined) return undefined;
  const p = platform === 'win32' ? path.win32 : path.posix;
  return value
    .split(p.delimiter)
    .filter((dir) => dir !== '' && p.isAbsolute(dir) && (platform !== 'win32' || /^(?:[A-Za-z]:[\\/]|\\\\)/.test(dir)))
    .join(p.delimiter);
}

/** The environment for a child of `kind`: the allowed variables of `env`, PATH made absolute-only. Pure. */
export function childEnv(kind: ChildKind, env: Readonly<Record<string, string | undefined>>, options: ChildEnvOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !allowedInChild(kind, name, options)) continue;
    out[name] = name.toUpperCase() === 'PATH' ? absolutePathValue(value, options.platform)! : value;
  }
  return out;
}
