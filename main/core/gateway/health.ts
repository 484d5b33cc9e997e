/**
 * HTTP probes of a gateway's health endpoints (`/healthz`, `/readyz`, `/startupz`) over loopback with undici and
 * short explicit timeouts, so a port held by a program that never answers costs at most a second, and a refused
 * connection costs nothing.
 */
import { Agent, request } from 'undici';

/** What a probe saw: an HTTP status and parsed JSON body, or no answer at all. */
export type ProbeResult = { status: number; body: unknown } | { status: 0; error: string };

/** Timeouts of the probe client. */
export interface HealthTimeouts {
  connectMs: number;
  /** Covers headers and body. */
  requestMs: number;
}

/** Short enough for a tight startup loop, long enough for a busy 2-core machine. */
export const DEFAULT_HEALTH_TIMEOUTS: HealthTimeouts = { connectMs: 500, requestMs: 1000 };

const MAX_BODY = 64 * 1024;

/** A probe client with its own connection pool; `close()` it when done. */
export interface HealthClient {
  get(port: number, path: string): Promise<ProbeResult>;
  close(): Promise<void>;
}

/** Creates a client probing `http://127.0.0.1:<port><path>`. */
export function createHealthClient(timeouts: HealthTimeouts = DEFAULT_HEALTH_TIMEOUTS): HealthClient {
  const agent = new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.requestMs,
    bodyTimeout: timeouts.requestMs,
    keepAliveTimeout: 4_000,
    connections: 2,
  });
  return {
    async get(port, path) {
      try {
        const res = await request(`http://127.0.0.1:${port}${path}`, {
          method: 'GET',
          dispatcher: agent,
          headersTimeout: timeouts.requestMs,
          bodyTimeout: timeouts.requestMs,
          signal: AbortSignal.timeout(timeouts.connectMs + timeouts.requestMs),
          headers: { accept: 'application/json' },
        });
        let text = '';
        for await (const chunk of res.body) {
          text += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
          if (text.length > MAX_BODY) {
            res.body.destroy();
            break;
          }
        }
        return { status: res.statusCode, body: parseJson(text) };
      } catch (err) {
        return { status: 0, error: err instanceof Error ? (err as NodeJS.ErrnoException).code ?? err.message : String(err) };
      }
    },
    close: () => agent.close().catch(() => undefined),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True when a `/healthz` answer is an OpenClaw gateway's (`200 {"ok":true,"status":"live"}`). */
export function isOpenClawLive(r: ProbeResult): boolean {
  if (r.status !== 200 || !r.body || typeof r.body !== 'object') return false;
  const b = r.body as Record<string, unknown>;
  return b.ok === true && (b.status === 'live' || b.status === undefined);
}

/** The version an OpenClaw `/startupz` answer reports, if any. */
export function versionFromStartupz(r: ProbeResult): string | undefined {
  if (r.status !== 200 || !r.body || typeof r.body !== 'object') return undefined;
  const b = r.body as Record<string, unknown>;
  for (const v of [b.version, (b.server as Record<string, unknown> | undefined)?.version, (b.gateway as Record<string, unknown> | undefined)?.version]) {
    if (typeof v === 'string' && v.length < 64) return v;
  }
  return undefined;
}
