/**
 * Maps a request path to a file of the built renderer, for both shells (Electron's `app://` protocol and the web
 * shell's HTTP server). One function, so the path-traversal check exists once.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Content types of the files Vite emits. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, `application/octet-stream` when unknown. */
export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * True unless following links (symlinks, Windows junctions) takes `full` out of `base`. Both sides go through the
 * same `realpath`, so a drive letter or folder spelled in another case on Windows compares equal. A file that does
 * not exist passes: reading it answers 404 anyway.
 */
function staysInsideAfterLinks(base: string, full: string, p: path.PlatformPath): boolean {
  let realFull: string;
  try {
    realFull = fs.realpathSync.native(full);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  let realBase: string;
  try {
    realBase = fs.realpathSync.native(base);
  } catch {
    return false;
  }
  return realFull === realBase || realFull.startsWith(realBase + p.sep);
}

/**
 * Resolves a URL pathname (`/assets/x.js`) under `root`; `/` maps to `index.html`. Returns null for anything
 * that would leave `root` (`..`, encoded separators, NUL, a link pointing outside) so the caller answers 404.
 * `p` is the path flavour, injectable so tests can play Windows paths on any machine.
 */
export function resolveRendererPath(root: string, urlPathname: string, p: path.PlatformPath = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((seg) => seg === '..')) return null;
  const base = p.resolve(root);
  const full = p.resolve(base, relative);
  if (full !== base && !full.startsWith(base + p.sep)) return null;
  return staysInsideAfterLinks(base, full, p) ? full : null;
}
