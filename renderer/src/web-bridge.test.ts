import { describe, expect, it } from 'vitest';
import { buildApi, eventMethodName, methodName, type Transport } from '../../shared/api';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/contract';

describe('the channel names baked into the window', () => {
  it('are exactly the contract channels and events', () => {
    expect(__CLAWTRAY_CHANNELS__.invoke).toEqual(INVOKE_CHANNELS);
    expect(__CLAWTRAY_CHANNELS__.events).toEqual(EVENT_CHANNELS);
  });
});

describe('the web bridge', () => {
  it('has one method per contract channel and event, each carried by the transport', async () => {
    const calls: string[] = [];
    const transport: Transport = {
      invoke: async (channel) => {
        calls.push(channel);
        return { ok: true, value: null };
      },
      subscribe: (event) => {
        calls.push(`on ${event}`);
        return () => undefined;
      },
    };
    const api = buildApi(transport, __CLAWTRAY_CHANNELS__) as unknown as Record<string, (arg?: unknown) => unknown>;
    for (const channel of INVOKE_CHANNELS) await api[methodName(channel)]!();
    for (const event of EVENT_CHANNELS) api[eventMethodName(event)]!(() => undefined);
    expect(calls).toEqual([...INVOKE_CHANNELS, ...EVENT_CHANNELS.map((e) => `on ${e}`)]);
  });
});
