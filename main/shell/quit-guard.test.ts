import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fake-electron';
import { installQuitGuard } from './quit-guard';

const silent = { info() {}, warn() {}, error() {} };

function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('installQuitGuard', () => {
  it('holds the quit until dispose finishes, disposing once however often quit is asked', async () => {
    const fake = createFakeElectron();
    const gate = deferred();
    let disposals = 0;
    let quittingCalls = 0;
    installQuitGuard(fake.surface.app, {
      onQuitting: () => void quittingCalls++,
      dispose: () => {
        disposals++;
        return gate.promise;
      },
      logger: silent,
    });
    fake.app.quit();
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    expect(disposals).toBe(1);
    expect(quittingCalls).toBe(1);
    gate.resolve();
    await gate.promise;
    await new Promise((r) => setImmediate(r));
    expect(fake.app.quitted).toBe(true);
    expect(disposals).toBe(1);
  });

  it('still quits when dispose fails, and logs it', async () => {
    const fake = createFakeElectron();
    const errors: string[] = [];
    installQuitGuard(fake.surface.app, {
      onQuitting() {},
      dispose: async () => {
        throw new Error('gateway would not stop');
      },
      logger: { ...silent, error: (m: string) => errors.push(m) },
    });
    fake.app.quit();
    await new Promise((r) => setImmediate(r));
    expect(fake.app.quitted).toBe(true);
    expect(errors).toEqual(['shutdown failed']);
  });
});
