import { afterEach, describe, expect, it } from 'vitest';
import { alive, makeTestGateway, treeOf } from '../../testing/gateway-test-support';
import { isPortFree } from './port-holder';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('GatewaySupervisor start/stop cycles', () => {
  it('50 start -> ready -> stop cycles leave no process and no port behind', async () => {
    const g = await makeTestGateway({ env: { FAKE_GATEWAY_MODE: 'grandchild' } });
    cleanups.push(g.cleanup);
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = await g.sup.start();
      expect(s.status).toBe('starting');
      await g.waitFor('ready');
      seen.push(...treeOf(s.pid!));
      expect((await g.sup.stop()).status).toBe('stopped');
    }
    expect(new Set(seen).size).toBeGreaterThanOrEqual(100);
    expect(alive(seen)).toEqual([]);
    expect(await isPortFree(g.port)).toBe(true);
  }, 120_000);
});
