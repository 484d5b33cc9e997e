import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';

const g = globalThis as unknown as { window?: unknown };

afterEach(() => {
  delete g.window;
});

describe('connect, in the desktop app', () => {
  it("carries the entry point's channel calls and event subscriptions over the preload's bridge", async () => {
    const seen: string[] = [];
    const bridge = {
      authStatus: async (input: unknown) => {
        seen.push(`authStatus ${JSON.stringify(input)}`);
        return { ok: true, value: 'status' };
      },
      onAlertsChanged: (listener: (p: unknown) => void) => {
        seen.push('onAlertsChanged');
        listener({ alerts: [] });
        return () => seen.push('off');
      },
    };
    g.window = { clawtray: bridge };
    const transport = connect();
    expect(await transport.invoke('auth:status', {})).toEqual({ ok: true, value: 'status' });
    const got: unknown[] = [];
    const off = transport.subscribe('alerts:changed', (p) => got.push(p));
    off();
    expect(got).toEqual([{ alerts: [] }]);
    expect(seen).toEqual(['authStatus {}', 'onAlertsChanged', 'off']);
  });
});
