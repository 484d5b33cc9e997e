/**
 * Who may talk to the web shell: pure checks of the Host, Origin and Authorization headers, kept apart from the
 * server so each rule is tested on its own. The shell listens on 127.0.0.1 only; these checks add DNS-rebinding
 * (Host), cross-site (Origin) and other-local-user (bearer token) protection.
 */
import { timingSafeEqual } from 'node:crypto';

/** The headers the guard looks at. */
export interface GuardHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  authorization?: string | undefined;
}

/** Why a request was refused, or null when it may go on. */
export type GuardVerdict = null | 'host' | 'origin' | 'token';

/** Hosts the page may be reached under. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Host must name our loopback address and port: anything else is a rebinding attempt or a stray request. */
export function checkHost(headers: GuardHeaders, port: number): GuardVerdict {
  return headers.host && allowedHosts(port).includes(headers.host.toLowerCase()) ? null : 'host';
}

/** An Origin, when a browser sends one, must be our own. */
export function checkOrigin(headers: GuardHeaders, port: number): GuardVerdict {
  if (headers.origin === undefined) return null;
  return allowedHosts(port).some((h) => headers.origin === `http://${h}`) ? null : 'origin';
}

/** `Authorization: Bearer <token>` compared in constant time. */
export function checkToken(headers: GuardHeaders, token: string): GuardVerdict {
  const m = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  if (!m) return 'token';
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'token';
}

/** All three checks for `/api/*`; static files need only Host and Origin (the page gets its token from the URL). */
export function guardApi(headers: GuardHeaders, port: number, token: string): GuardVerdict {
  return checkHost(headers, port) ?? checkOrigin(headers, port) ?? checkToken(headers, token);
}
