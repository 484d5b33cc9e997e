import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthClient, isOpenClawLive, versionFromStartupz } from './health';
import { freePort } from '../../testing/gateway-test-support';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('health answers', () => {
  it('recognises an OpenClaw /healthz answer and nothing else', () => {
    expect(isOpenClawLive({ status: 200, body: { ok: true, status: 'live' } })).toBe(true);
    expect(isOpenClawLive({ status: 200, body: { ok: true } })).toBe(true);
    expect(isOpenClawLive({ status: 200, body: '<html>' })).toBe(false);
    expect(isOpenClawLive({ status: 200, body: { status: 'ok' } })).toBe(false);
    expect(isOpenClawLive({ status: 503, body: { ok: true, status: 'live' } })).toBe(false);
    expect(isOpenClawLive({ status: 0, error: 'ECONNREFUSED' })).toBe(false);
  });
  it('reads the version from /startupz when it is JSON, and ignores HTML', () => {
    expect(versionFromStartupz({ status: 200, body: { version: '2026.5.28', uptimeMs: 5 } })).toBe('2026.5.28');
    expect(versionFromStartupz({ status: 200, body: undefined })).toBeUndefined();
  });
});

describe('createHealthClient', () => {
  it('answers quickly for a closed port and within its timeouts for a port that never speaks', async () => {
    const client = createHealthClient({ connectMs: 200, requestMs: 300 });
    closers.push(() => client.close());
    const closed = await freePort();
    const t0 = Date.now();
    expect((await client.get(closed, '/healthz')).status).toBe(0);
    expect(Date.now() - t0).toBeLessThan(1000);
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    const port = await new Promise<number>((r) => silent.listen(0, '127.0.0.1', () => r((silent.address() as net.AddressInfo).port)));
    closers.push(
      () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy();
          silent.close(() => r());
        }),
    );
    const t1 = Date.now();
    const r = await client.get(port, '/healthz');
    expect(r.status).toBe(0);
    expect(Date.now() - t1).toBeLessThan(2000);
  });
});
