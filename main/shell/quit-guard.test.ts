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

  it('asks first when told to: "stay" keeps everything running, the next quit asks again, "leave" shuts down once', async () => {
    const fake = createFakeElectron();
    const answers: ((leave: boolean) => void)[] = [];
    let disposals = 0;
    let quittingCalls = 0;
    installQuitGuard(fake.surface.app, {
      onQuitting: () => void quittingCalls++,
      dispose: async () => void disposals++,
      confirm: () => new Promise<boolean>((resolve) => answers.push(resolve)),
      logger: silent,
    });
    fake.app.quit();
    fake.app.quit();
    expect(answers, 'one question while it is open').toHaveLength(1);
    answers[0]!(false);
    await new Promise((r) => setImmediate(r));
    expect({ quitted: fake.app.quitted, disposals, quittingCalls }).toEqual({ quitted: false, disposals: 0, quittingCalls: 0 });

    fake.app.quit();
    expect(answers).toHaveLength(2);
    answers[1]!(true);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect({ quitted: fake.app.quitted, disposals, quittingCalls }).toEqual({ quitted: true, disposals: 1, quittingCalls: 1 });
  });

  it('with nothing to ask, shuts down in the same turn as without a question', () => {
    const fake = createFakeElectron();
    let quittingCalls = 0;
    installQuitGuard(fake.surface.app, { onQuitting: () => void quittingCalls++, dispose: async () => undefined, confirm: () => true, logger: silent });
    fake.app.quit();
    expect(quittingCalls).toBe(1);
  });
});
