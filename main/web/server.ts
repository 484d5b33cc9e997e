/**
 * The web shell's HTTP server: serves the built renderer and carries the same contract as Electron's IPC over
 * loopback HTTP (`POST /api/invoke/<channel>`, Server-Sent Events at `/api/events`). It is a transport only:
 * every call goes through core's dispatcher, with the same validation as in Electron.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasOwn } from '../../shared/own-keys';
import { appError } from '../../shared/app-error';
import { isInvokeChannel } from '../../shared/contract';
import type { AppCore } from '../core/app-core';
import { RENDERER_CSP } from '../serve/csp';
import { contentTypeFor, resolveRendererPath } from '../serve/renderer-files';
import { checkHost, checkOrigin, guardApi } from './request-guard';

/** Extra read-only JSON endpoints under `/api/shell/<name>` (recorded notifications, the tray model). */
export type ShellRoutes = Record<string, () => unknown>;

/** Options for `startWebServer`. */
export interface WebServerOptions {
  core: AppCore;
  rendererDir: string;
  port?: number;
  token?: string;
  shellRoutes?: ShellRoutes;
  heartbeatMs?: number;
}

/** A running web shell. */
export interface WebServer {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/** The largest request body the web shell reads. */
const MAX_BODY = 4 * 1024 * 1024;
/** How much of a larger body is read and thrown away before its 413 answer (beyond that, the connection is dropped). */
const MAX_DISCARD = 64 * 1024 * 1024;
const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function forbidden(res: http.ServerResponse, why: string): void {
  sendJson(res, 403, { ok: false, error: appError('FORBIDDEN', 'errors.request.forbidden', { why }) });
}

/** A body over `MAX_BODY`; `drained` says whether it was read to its end (so the answer reaches the client). */
class BodyTooLarge extends Error {
  constructor(readonly drained: boolean) {
    super('too-large');
  }
}

/**
 * Reads a request body of at most `MAX_BODY` bytes. A longer one is read on and thrown away up to `MAX_DISCARD`,
 * so that the 413 answer is read by the client instead of being lost to a connection reset; past that bound the
 * connection is given up.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (chunks.length) chunks.length = 0;
      if (size > MAX_DISCARD) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge(false));
      }
    });
    req.on('end', () => (size > MAX_BODY ? reject(new BodyTooLarge(true)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

async function handleInvoke(core: AppCore, channel: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      if (!err.drained) res.once('finish', () => req.socket.destroy());
      sendJson(res, 413, { ok: false, error: appError('VALIDATION', 'errors.request.tooLarge', { maximum: MAX_BODY }) });
      return;
    }
    sendJson(res, 400, { ok: false, error: appError('VALIDATION', 'errors.request.badJson') });
    return;
  }
  const result = await core.dispatch(channel, input);
  sendJson(res, isInvokeChannel(channel) ? 200 : 404, result);
}

function handleEvents(core: AppCore, req: http.IncomingMessage, res: http.ServerResponse, heartbeatMs: number, open: Set<http.ServerResponse>): void {
  res.writeHead(200, { ...BASE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write('retry: 2000\n\n');
  open.add(res);
  const unsubscribe = core.events.onAny((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
}

/** A shell route that throws answers 500: a throw inside the request listener would kill the process and orphan the gateway. */
function serveShellRoute(route: () => unknown, res: http.ServerResponse): void {
  let body: unknown;
  try {
    body = route();
  } catch {
    return sendJson(res, 500, { ok: false, error: appError('INTERNAL', 'errors.unexpected') });
  }
  sendJson(res, 200, body);
}

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse): void {
  const file = resolveRendererPath(rendererDir, pathname);
  if (!file) {
    res.writeHead(404, BASE_HEADERS).end('Not found');
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, BASE_HEADERS).end('Not found');
      return;
    }
    const type = contentTypeFor(file);
    const headers: Record<string, string> = { ...BASE_HEADERS, 'content-type': type };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = RENDERER_CSP;
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers).end(data);
  });
}

/** Starts the server on 127.0.0.1 (never another interface) with a fresh random token unless one is given. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const openStreams = new Set<http.ServerResponse>();
  let port = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { host: req.headers.host, origin: req.headers.origin, authorization: req.headers.authorization };
    if (url.pathname.startsWith('/api/')) {
      const verdict = guardApi(headers, port, token);
      if (verdict) return forbidden(res, verdict);
      const invoke = /^\/api\/invoke\/([A-Za-z0-9:_-]+)$/.exec(url.pathname);
      if (invoke && req.method === 'POST') return void handleInvoke(options.core, invoke[1]!, req, res);
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(options.core, req, res, options.heartbeatMs ?? 25_000, openStreams);
      const shell = /^\/api\/shell\/([a-z-]+)$/.exec(url.pathname);
      const routes = options.shellRoutes ?? {};
      const route = shell && req.method === 'GET' && hasOwn(routes, shell[1]!) ? routes[shell[1]!] : undefined;
      if (route) return serveShellRoute(route, res);
      return sendJson(res, 404, { ok: false, error: appError('NOT_FOUND', 'errors.request.noEndpoint') });
    }
    const verdict = checkHost(headers, port) ?? checkOrigin(headers, port);
    if (verdict) return forbidden(res, verdict);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, BASE_HEADERS).end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of openStreams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
