import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../shared/api';
import type { EventChannel, InvokeChannel, Result } from '../../../shared/contract';
import { peekPrefetched, prefetchedOr, startPrefetch, takePrefetched } from './prefetch';

/** A transport that answers each channel with a counter and lets the test fire events. */
function fakeTransport() {
  const asked: InvokeChannel[] = [];
  const listeners = new Map<EventChannel, Set<(p: unknown) => void>>();
  const transport: Transport = {
    invoke: async (channel) => {
      asked.push(channel);
      return { ok: true, value: { channel, n: asked.length } } as Result<unknown>;
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventChannel) => [...(listeners.get(event) ?? [])].forEach((l) => l({}));
  const listening = (event: EventChannel) => listeners.get(event)?.size ?? 0;
  return { transport, asked, emit, listening };
}

describe('the first screen asked for early', () => {
  it('sends every request at once, and each answer is taken once', async () => {
    const f = fakeTransport();
    startPrefetch(f.transport, [{ channel: 'app:info' }, { channel: 'auth:status', event: 'auth:status' }]);
    expect(f.asked).toEqual(['app:info', 'auth:status']);
    expect(await peekPrefetched('app:info')).toEqual({ ok: true, value: { channel: 'app:info', n: 1 } });
    expect(await takePrefetched('app:info')).toEqual({ ok: true, value: { channel: 'app:info', n: 1 } });
    expect(takePrefetched('app:info')).toBeUndefined();
    expect(await takePrefetched('auth:status')).toMatchObject({ ok: true });
    expect(f.listening('auth:status')).toBe(0);
  });

  it('drops an answer whose event arrived before the app took it, so the app asks again', async () => {
    const f = fakeTransport();
    startPrefetch(f.transport, [{ channel: 'gateway:state', event: 'gateway:state' }]);
    f.emit('gateway:state');
    const r = await prefetchedOr('gateway:state', () => f.transport.invoke('gateway:state', {}));
    expect(r).toEqual({ ok: true, value: { channel: 'gateway:state', n: 2 } });
  });

  it('asks again when the early answer is refused (another agent) or failed', async () => {
    const f = fakeTransport();
    startPrefetch(f.transport, [{ channel: 'auth:status', event: 'auth:status' }]);
    const r = await prefetchedOr<{ n: number }>('auth:status', () => f.transport.invoke('auth:status', {}) as Promise<Result<{ n: number }>>, (v) => v.n === 99);
    expect(r).toEqual({ ok: true, value: { channel: 'auth:status', n: 2 } });

    const failing: Transport = { ...f.transport, invoke: async () => ({ ok: false, error: { code: 'INTERNAL', key: 'errors.request.unreachable', message: 'down' } }) };
    startPrefetch(failing, [{ channel: 'settings:get' }]);
    const s = await prefetchedOr('settings:get', () => f.transport.invoke('settings:get', {}));
    expect(s).toMatchObject({ ok: true, value: { channel: 'settings:get' } });
  });

  it('without an early answer, asks main', async () => {
    const f = fakeTransport();
    expect(await prefetchedOr('alerts:list', () => f.transport.invoke('alerts:list', {}))).toMatchObject({ ok: true });
    expect(f.asked).toEqual(['alerts:list']);
  });
});
