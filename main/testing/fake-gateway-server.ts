/**
 * A fake OpenClaw gateway WebSocket endpoint that speaks the real protocol's handshake (`connect.challenge` event,
 * `connect` request with the token, `hello-ok`), so `gateway-rpc.ts` is tested through OpenClaw's own client.
 * Each method answers from `handlers` (return a value, or throw `{code, message, details}` for a gateway error);
 * tests can hold a request forever, drop every connection (a gateway restart) or close and reopen the port.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A gateway error a handler throws: becomes `{ok: false, error}` on the wire. */
export interface FakeGatewayError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Answers one method; may return a promise (one that never settles holds the request). */
export type FakeHandler = (params: Record<string, unknown>) => unknown;

/** The running fake. */
export interface FakeGatewayServer {
  port: number;
  token: string;
  handlers: Map<string, FakeHandler>;
  /** Every request after the handshake, in order. */
  calls: { method: string; params: Record<string, unknown> }[];
  /** The params of every `connect` request (token, scopes, protocol bounds). */
  connects: Record<string, unknown>[];
  /** How many `connect` handshakes succeeded (a reconnect adds one). */
  hellos(): number;
  /** Closes every open socket (code 1012, as a restarting gateway does); the server keeps listening. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** `new Promise` that never settles: a handler returning it holds the request until the connection drops. */
export const NEVER = (): Promise<never> => new Promise<never>(() => {});

/** Starts the fake on 127.0.0.1 (`port` 0: a free one). */
export async function startFakeGatewayServer(options: { token: string; port?: number; tickIntervalMs?: number }): Promise<FakeGatewayServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const sockets = new Set<WebSocket>();
  const handlers = new Map<string, FakeHandler>();
  const calls: FakeGatewayServer['calls'] = [];
  const connects: Record<string, unknown>[] = [];
  let hellos = 0;

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    let authed = false;
    const send = (frame: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(frame));
    send({ type: 'event', event: 'connect.challenge', payload: { nonce: randomUUID(), ts: Date.now() } });
    ws.on('message', async (raw) => {
      const frame = JSON.parse(String(raw)) as { type: string; id: string; method: string; params?: Record<string, unknown> };
      if (frame.type !== 'req') return;
      const params = frame.params ?? {};
      if (frame.method === 'connect') {
        connects.push(params);
        const auth = params.auth as { token?: string } | undefined;
        if (auth?.token !== options.token) {
          send({
            type: 'res',
            id: frame.id,
            ok: false,
            error: { code: 'INVALID_REQUEST', message: 'unauthorized: gateway token mismatch', details: { code: 'AUTH_TOKEN_MISMATCH' } },
          });
          ws.close(1008, 'unauthorized');
          return;
        }
        authed = true;
        hellos += 1;
        send({
          type: 'res',
          id: frame.id,
          ok: true,
          payload: {
            type: 'hello-ok',
            protocol: params.maxProtocol,
            server: { version: '2026.9.6-fake', connId: randomUUID() },
            features: { methods: [...handlers.keys()] },
            auth: { method: 'token', role: 'operator', scopes: params.scopes },
            policy: { tickIntervalMs: options.tickIntervalMs ?? 30_000 },
          },
        });
        return;
      }
      if (!authed) return;
      calls.push({ method: frame.method, params });
      const handler = handlers.get(frame.method);
      try {
        if (!handler) throw { code: 'INVALID_REQUEST', message: `unknown method: ${frame.method}` } satisfies FakeGatewayError;
        const payload = await handler(params);
        send({ type: 'res', id: frame.id, ok: true, payload });
      } catch (err) {
        const e = err as FakeGatewayError;
        send({ type: 'res', id: frame.id, ok: false, error: { code: e.code ?? 'UNAVAILABLE', message: e.message ?? String(err), ...(e.details ? { details: e.details } : {}) } });
      }
    });
  });

  return {
    port: (wss.address() as AddressInfo).port,
    token: options.token,
    handlers,
    calls,
    connects,
    hellos: () => hellos,
    dropConnections() {
      for (const ws of sockets) ws.close(1012, 'service restart');
    },
    close() {
      for (const ws of sockets) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
