/**
 * The RPC follows the gateway: connected (with the token from openclaw.json) while it is running, ready or an
 * external one; disconnected in any other state or without a token; a late token read never wins over a newer state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { GatewayState } from '../../../shared/contract';
import { createEventHub } from '../events';
import { useTempDirs } from '../../testing/use-temp-dirs';
import { followGateway, gatewayToken } from './gateway-rpc-link';

const tempDir = useTempDirs();
const state = (status: GatewayState['status'], port = 18901): GatewayState => ({ status, port, owned: true });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('followGateway', () => {
  it('connects while the gateway is up and disconnects otherwise', async () => {
    const events = createEventHub();
    const rpc = { setTarget: vi.fn(), nudge: vi.fn() };
    const stop = followGateway(rpc, events, async () => 'tok-0123456789');
    for (const s of ['starting', 'running', 'ready', 'stopping', 'external', 'crashed'] as const) {
      events.emit('gateway:state', state(s));
      await flush();
    }
    expect(rpc.setTarget.mock.calls.map((c) => c[0])).toEqual([
      null,
      { port: 18901, token: 'tok-0123456789' },
      { port: 18901, token: 'tok-0123456789' },
      null,
      { port: 18901, token: 'tok-0123456789' },
      null,
    ]);
    expect(rpc.nudge).toHaveBeenCalledTimes(1);
    stop();
    events.emit('gateway:state', state('ready'));
    await flush();
    expect(rpc.setTarget).toHaveBeenCalledTimes(6);
  });

  it('without a token it does not connect, and a slow token read loses to a newer state', async () => {
    const events = createEventHub();
    const rpc = { setTarget: vi.fn(), nudge: vi.fn() };
    let release: (t: string) => void = () => {};
    const reads = [new Promise<string | undefined>((r) => (release = r)), Promise.resolve(undefined)];
    followGateway(rpc, events, () => reads.shift()!);
    events.emit('gateway:state', state('ready'));
    events.emit('gateway:state', state('running', 19000));
    await flush();
    release('tok-late-0123456789');
    await flush();
    expect(rpc.setTarget.mock.calls.map((c) => c[0])).toEqual([null]);
  });
});

describe('gatewayToken', () => {
  it('reads gateway.auth.token from openclaw.json (JSON5), undefined when absent or unreadable', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'openclaw.json');
    expect(await gatewayToken(file)).toBeUndefined();
    fs.writeFileSync(file, "{ gateway: { auth: { mode: 'token', token: ' tok-abc ' } } }");
    expect(await gatewayToken(file)).toBe('tok-abc');
    fs.writeFileSync(file, '{ broken');
    expect(await gatewayToken(file)).toBeUndefined();
  });
});
