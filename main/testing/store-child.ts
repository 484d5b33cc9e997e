/**
 * A second process for the store tests (bundled by `test-child.ts`): contends for the auth store lock, writes
 * until it is killed, or performs one write as another user. Prints one line of JSON per milestone.
 */
import crypto from 'node:crypto';
import { updateAuthStore } from '../core/credentials/profiles-file/store';
import { setEnvVar } from '../core/openclaw/env-file';
import { withFileLock } from '../core/fs/file-lock';
import { updateConfig } from '../core/openclaw/config-file';

const [command, target, ...rest] = process.argv.slice(2);
const say = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

async function main(): Promise<void> {
  if (!target) throw new Error('usage: store-child <command> <target> ...');
  switch (command) {
    case 'upsert': {
      const [prefix = 'p', count = '10'] = rest;
      for (let i = 0; i < Number(count); i++) {
        await updateAuthStore(
          target,
          (d) => {
            d.file.profiles[`test:${prefix}-${i}`] = { type: 'api_key', provider: 'test', key: `k-${prefix}-${i}` };
            d.file.counter = (typeof d.file.counter === 'number' ? d.file.counter : 0) + 1;
          },
          { lock: { timeoutMs: 60_000 } },
        );
      }
      say({ done: true });
      return;
    }
    case 'forever': {
      for (let n = 0; ; n++) {
        const big = crypto.randomBytes(96 * 1024).toString('hex');
        await updateAuthStore(target, (d) => {
          d.file.profiles['test:big'] = { type: 'api_key', provider: 'test', key: big };
          d.file.writes = n;
        });
        if (n === 0) say({ ready: true });
      }
    }
    case 'hold-lock': {
      await withFileLock(target, async () => {
        say({ locked: true });
        await new Promise((r) => setTimeout(r, Number(rest[0] ?? 1000)));
      });
      say({ released: true });
      return;
    }
    case 'write-config':
      await updateConfig(target, (cfg) => {
        cfg.touched = true;
      });
      say({ ok: true });
      return;
    case 'set-env':
      await setEnvVar(target, rest[0] ?? 'KEY', rest[1] ?? 'value');
      say({ ok: true });
      return;
    case 'upsert-once':
      await updateAuthStore(target, (d) => {
        d.file.profiles['test:one'] = { type: 'api_key', provider: 'test', key: 'k' };
      });
      say({ ok: true });
      return;
    default:
      throw new Error(`unknown command ${command}`);
  }
}

main().catch((err: { code?: string; message?: string }) => {
  say({ error: { code: err.code ?? 'ERROR', message: err.message } });
  process.exitCode = 1;
});
