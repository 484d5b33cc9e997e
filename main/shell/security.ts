/**
 * Every security restriction of the Electron shell, in one place so a reviewer can read the whole policy at once
 * (in the spirit of Podman Desktop's `security-restrictions.ts`):
 *
 * - the renderer runs sandboxed, context-isolated, without Node and without `<webview>`;
 * - it is served from the privileged `app://clawtray` scheme (never `file://`), with a path-traversal check and a
 *   Content-Security-Policy header identical to the meta tag in `renderer/index.html`;
 * - no web contents may navigate, redirect, open windows or attach webviews; https links to a short allow-list
 *   of hosts open in the user's browser instead, and so does OpenClaw's dashboard, but only as plain http on
 *   127.0.0.1 at the gateway's own port (the one loopback address the app ever opens);
 * - every permission request and permission check is answered "no" (the app needs no camera, no notifications
 *   from the page, no clipboard reads, ...).
 */
import fs from 'node:fs/promises';
import { contentTypeFor, resolveRendererPath } from '../serve/renderer-files';
import type { Logger } from '../core/context';
import type { AppLike, CustomSchemeLike, ProtocolLike, SessionLike, WebContentsLike, WebPreferencesLike } from './electron-surface';

/** The renderer's scheme and host: its origin is `app://clawtray`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clawtray';
/** Where the window starts. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs of our own renderer. Compares protocol and host rather than `URL.origin`, which Node reports as
 * `"null"` for non-special schemes such as `app:`.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The only webPreferences the window is ever created with. */
export function secureWebPreferences(preloadPath: string): WebPreferencesLike {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Hosts whose https pages the renderer may open in the user's browser (docs and provider consoles). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'openclaw.ai',
  'docs.openclaw.ai',
  'github.com',
  'console.anthropic.com',
  'docs.anthropic.com',
  'dash.cloudflare.com',
  'developers.cloudflare.com',
];

/**
 * True for OpenClaw's dashboard on the gateway's port: `http://127.0.0.1:<port>/...`, no credentials and no query
 * (the token travels in the fragment, which no server sees). `localhost` is refused: it may resolve elsewhere.
 */
export function isDashboardUrl(url: string, gatewayPorts: readonly number[]): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'http:' &&
      u.hostname === '127.0.0.1' &&
      gatewayPorts.some((port) => u.port === String(port)) &&
      u.username === '' &&
      u.password === '' &&
      u.search === ''
    );
  } catch {
    return false;
  }
}

/**
 * True for an https URL on an allow-listed host (exact host match, default port, no credentials), or for the
 * dashboard on one of `gatewayPorts` (see `isDashboardUrl`).
 */
export function isAllowedExternalUrl(url: string, gatewayPorts: readonly number[] = []): boolean {
  if (isDashboardUrl(url, gatewayPorts)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.port === '' && u.username === '' && u.password === '' && EXTERNAL_LINK_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/** What the hardening handlers need besides the contents themselves. */
export interface HardeningDeps {
  openExternal(url: string): Promise<void>;
  logger: Logger;
  /** The gateway's port(s) right now, for the dashboard (none: no dashboard link is allowed). */
  gatewayPorts?: () => readonly number[];
}

/** The origin of a URL for log lines (never the full URL, which could carry a token). */
function originForLog(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable URL)';
  }
}

function openIfAllowed(url: string, deps: HardeningDeps): void {
  if (!isAllowedExternalUrl(url, deps.gatewayPorts?.() ?? [])) {
    deps.logger.warn(`blocked a link to ${originForLog(url)}`);
    return;
  }
  deps.openExternal(url).catch((err: unknown) => deps.logger.error('could not open a link in the browser', err));
}

/**
 * Core's way to open a page in the default browser (`CoreDeps.browser`): the same allow-list as links, and a
 * refused address is an error the user sees rather than a silent no-op.
 */
export function createCheckedBrowser(deps: HardeningDeps): { open(url: string): Promise<void> } {
  return {
    async open(url) {
      if (!isAllowedExternalUrl(url, deps.gatewayPorts?.() ?? [])) {
        deps.logger.warn(`blocked opening ${originForLog(url)} in the browser`);
        throw new Error(`ClawTray does not open ${originForLog(url)}`);
      }
      await deps.openExternal(url);
    },
  };
}

/** Denies navigation, redirects, new windows and webviews for one web contents. */
export function hardenWebContents(contents: WebContentsLike, deps: HardeningDeps): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url, deps);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    deps.logger.warn(`blocked a redirect to ${originForLog(url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, deps);
    return { action: 'deny' };
  });
}

const hardenedSessions = new WeakSet<SessionLike>();

/** Answers every permission request and check of a session with "no". Idempotent per session. */
export function denyAllPermissions(session: SessionLike): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hardens every web contents the app ever creates, including ones we did not expect. Call before `ready`. */
export function hardenApp(app: AppLike, deps: HardeningDeps): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, deps);
    denyAllPermissions(contents.session);
  });
}

/** `app://` is a standard, secure scheme so the renderer gets a real origin, `fetch` and the CSP. */
export const PRIVILEGED_SCHEMES: CustomSchemeLike[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false } },
];

/** Process-wide settings that Electron only accepts before `ready`. */
export function applyPreReadySecurity(app: AppLike, protocol: ProtocolLike): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
}

/** Used when the built `index.html` has no CSP meta tag: nothing loads, which is loud and safe. */
export const FALLBACK_CSP = "default-src 'none'";

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The `content` of `<meta http-equiv="Content-Security-Policy">`, or null when the page has none. */
export function extractMetaCsp(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs.set(m[1]!.toLowerCase(), decodeAttribute(m[2] ?? m[3] ?? ''));
    }
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
      const content = attrs.get('content')?.trim();
      if (content) return content;
    }
  }
  return null;
}

/** A request as the protocol handler reads it (a subset of the Fetch `Request`). */
export interface ProtocolRequest {
  url: string;
  method: string;
}

/** Options for the `app://` handler; `readFile` is injectable for tests. */
export interface AppProtocolOptions {
  root: string;
  logger: Logger;
  readFile?: (file: string) => Promise<Uint8Array>;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves the built renderer from `root` for `protocol.handle('app', ...)`. Anything outside `root`, on another
 * host, or missing answers 404; every response carries the same CSP as the page's meta tag (read once from the
 * built `index.html`, so the two cannot disagree).
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: ProtocolRequest) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fs.readFile(file));
  let csp: Promise<string> | undefined;
  const loadCsp = () =>
    (csp ??= (async () => {
      const index = resolveRendererPath(options.root, '/');
      const found = index ? extractMetaCsp(Buffer.from(await readFile(index).catch(() => new Uint8Array())).toString('utf8')) : null;
      if (!found) options.logger.warn('the renderer has no CSP meta tag; serving it with a deny-all policy');
      return found ?? FALLBACK_CSP;
    })());

  return async (request) => {
    if (!isAppUrl(request.url)) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = resolveRendererPath(options.root, new URL(request.url).pathname);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = {
      'content-type': contentTypeFor(file),
      'content-security-policy': await loadCsp(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
