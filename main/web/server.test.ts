import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, makeTestCore } from '../testing/test-support';
import { startWebServer, type WebServer } from './server';

let server: WebServer;
let cleanup: () => Promise<void>;
let rendererDir: string;
let emitAlerts: () => void;

beforeEach(async () => {
  const t = makeTestCore();
  const r = makeTempDir();
  rendererDir = r.dir;
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  emitAlerts = () => t.context.events.emit('alerts:changed', { alerts: [] });
  server = await startWebServer({
    core: t.core,
    rendererDir,
    shellRoutes: {
      notifications: () => ({ notifications: [] }),
      broken: () => {
        throw new Error('boom');
      },
    },
  });
  cleanup = async () => {
    await server.close();
    await t.cleanup();
    r.cleanup();
  };
});
afterEach(() => cleanup());

/** Raw request, so Host and Origin can be anything (fetch would not let us forge Host). */
function request(method: string, p: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: p, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });

describe('web shell server', () => {
  it('answers app:info with the token and refuses it without', async () => {
    const ok = await request('POST', '/api/invoke/app:info', auth(), '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ ok: true, value: { shell: 'web' } });
    const none = await request('POST', '/api/invoke/app:info', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(403);
    const wrong = await request('POST', '/api/invoke/app:info', { authorization: 'Bearer nope' }, '{}');
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Host and a foreign Origin, even with the token', async () => {
    expect((await request('POST', '/api/invoke/app:info', { ...auth(), host: `evil.example:${server.port}` }, '{}')).status).toBe(403);
    expect((await request('POST', '/api/invoke/app:info', { ...auth(), origin: 'http://evil.example' }, '{}')).status).toBe(403);
    expect((await request('GET', '/', { host: `evil.example:${server.port}` })).status).toBe(403);
    const same = await request('POST', '/api/invoke/app:info', { ...auth(), origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` }, '{}');
    expect(same.status).toBe(200);
  });

  it('returns VALIDATION for bad JSON and bad input, 404 for an unknown channel', async () => {
    const badJson = await request('POST', '/api/invoke/app:info', auth(), '{nope');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'errors.request.badJson' } });
    const bad = JSON.parse((await request('POST', '/api/invoke/gateway:logs', auth(), '{"limit":-1}')).text);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { limit: { key: 'validation.tooSmall', params: { minimum: 1 } } } } });
    const unknown = await request('POST', '/api/invoke/nope:x', auth(), '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'errors.channel.unknown', params: { channel: 'nope:x' } } });
  });

  it('serves the renderer with a CSP and refuses traversal', async () => {
    const page = await request('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request('GET', '/%2e%2e/%2e%2e/etc/passwd', {})).status).toBe(404);
  });

  it('answers 500 when a shell route throws, and keeps serving', async () => {
    const broken = await request('GET', '/api/shell/broken', auth());
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.text)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await request('GET', '/api/shell/notifications', auth())).status).toBe(200);
  });

  it('streams contract events over SSE to an authorised client', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth() }, (res) => {
        expect(res.statusCode).toBe(200);
        let text = '';
        res.on('data', (c) => {
          text += c;
          if (text.includes('event: alerts:changed')) {
            resolve(text);
            req.destroy();
          }
        });
        setTimeout(emitAlerts, 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"alerts":[]}');
  });

  it('answers an oversized body with the coded 413 on a real socket (no reset), then keeps serving', async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, 'a');
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1');
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => (text += c));
      socket.on('end', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `POST /api/invoke/app:info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      socket.end(body);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    const json = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { code: string; message: string } };
    expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(json.error.message).toMatch(/too large/i);
    const after = await request('POST', '/api/invoke/app:info', auth(), '{}');
    expect(after.status).toBe(200);
  });

  it('answers a chunked oversized body (no length announced) with 413 too, through an ordinary client', async () => {
    const r = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/invoke/app:info', headers: auth() }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 'b');
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never treats an inherited name as a shell route', async () => {
    for (const name of ['constructor', 'tostring', 'valueof']) {
      const r = await request('GET', `/api/shell/${name}`, auth());
      expect(r.status, name).toBe(404);
    }
    expect((await request('GET', '/api/shell/notifications', auth())).status).toBe(200);
  });
});
