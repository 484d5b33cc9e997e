/**
 * The idle-CPU probe of `gateway.bench.ts`, run as plain bundled JavaScript in its own Node process (tsx's loader
 * thread alone costs about 1 % of a core, which would hide what the core itself spends). Starts a core with the
 * given `openclaw`, waits for `ready`, settles (BENCH_GATEWAY_SETTLE_MS), then reports `process.cpuUsage()` over the window as JSON.
 * Usage: node <bundle> <openclawPath> <seconds>
 */
import { freePort } from '../main/testing/gateway-test-support';
import { makeTestCore } from '../main/testing/test-support';

async function main(): Promise<void> {
  const [openclawPath, seconds] = [process.argv[2]!, Number(process.argv[3] ?? 60)];
  const t = makeTestCore({ env: { PATH: process.env.PATH } });
  await t.core.dispatch('settings:update', { openclawPath, port: await freePort() });
  await t.core.start();
  await t.core.dispatch('gateway:start', {});
  for (;;) {
    const s = await t.core.dispatch('gateway:state', {});
    if (s.ok && (s.value as { status: string }).status === 'ready') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_GATEWAY_SETTLE_MS ?? 10_000)));
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const c = process.cpuUsage(c0);
  const wallMs = performance.now() - w0;
  await t.cleanup();
  console.log(JSON.stringify({ userMs: c.user / 1000, systemMs: c.system / 1000, wallMs }));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
