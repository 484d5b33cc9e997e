/**
 * The environment a child gets when it must not inherit the app's: only what a package manager and its install
 * scripts need to find tools, files, the network and the user's language (PATH, home and temp folders, locale,
 * proxy, CA bundle and npm config variables). Provider keys (`ANTHROPIC_API_KEY`...), OpenClaw's and the app's own
 * variables, `NODE_OPTIONS` (which could load code into every Node the child starts) and anything else unknown
 * stay behind. Names are matched case-insensitively on Windows, where `Path` and `PATH` are the same variable.
 */

/** Variables passed by exact name. */
export const ALLOWED_NAMES: readonly string[] = [
  // where things are
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_HOME',
  // Windows' own folders and command lookup
  'USERNAME',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'TEMP',
  'TMP',
  // language
  'LANG',
  'LANGUAGE',
  'TZ',
  // network: proxies and the certificate authorities a company proxy needs
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

/** Variables passed by prefix: the locale categories and npm's own configuration. */
export const ALLOWED_PREFIXES: readonly string[] = ['LC_', 'NPM_CONFIG_'];

/** Whether a variable may reach a child. Pure. */
export function isAllowedEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return ALLOWED_NAMES.includes(upper) || ALLOWED_PREFIXES.some((p) => upper.startsWith(p));
}

/**
 * The allowed part of `env`, plus `extra` (which wins). Relative PATH entries are dropped (from `extra` too): a
 * child must never run a program from whatever folder the app was started in. Pure.
 */
export function allowListedEnv(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  extra: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !isAllowedEnvName(name)) continue;
    out[name] = name.toUpperCase() === 'PATH' ? absolutePathEntries(value, platform) : value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (platform === 'win32') for (const k of Object.keys(out)) if (k.toUpperCase() === name.toUpperCase()) delete out[k];
    out[name] = name.toUpperCase() === 'PATH' ? absolutePathEntries(value, platform) : value;
  }
  return out;
}

/** A PATH value without its empty and relative entries. Pure. */
export function absolutePathEntries(value: string, platform: NodeJS.Platform): string {
  const sep = platform === 'win32' ? ';' : ':';
  const absolute = platform === 'win32' ? /^(?:[A-Za-z]:[\\/]|\\\\)/ : /^\//;
  return value
    .split(sep)
    .filter((entry) => absolute.test(entry))
    .join(sep);
}

/** The PATH variable's name in `env` (`Path` on many Windows machines). Pure. */
export function pathKey(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  return platform === 'win32' ? (Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'Path') : 'PATH';
}
