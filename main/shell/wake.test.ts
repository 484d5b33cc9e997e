import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fake-electron';
import { resumeOnWake } from './wake';

const tick = () => new Promise((r) => setImmediate(r));

describe('resumeOnWake', () => {
  it('re-evaluates on resume and on unlock-screen', async () => {
    const fake = createFakeElectron();
    let runs = 0;
    resumeOnWake(fake.powerMonitor, async () => void runs++, { info() {}, warn() {}, error() {} });
    fake.powerMonitor.emit('resume');
    await tick();
    fake.powerMonitor.emit('unlock-screen');
    await tick();
    expect(runs).toBe(2);
    fake.powerMonitor.emit('suspend');
    await tick();
    expect(runs).toBe(2);
  });

  it('folds wake-ups during a run into one more run', async () => {
    const fake = createFakeElectron();
    const releases: (() => void)[] = [];
    let runs = 0;
    resumeOnWake(fake.powerMonitor, () => new Promise<void>((r) => (runs++, releases.push(r))), { info() {}, warn() {}, error() {} });
    fake.powerMonitor.emit('resume');
    fake.powerMonitor.emit('unlock-screen');
    fake.powerMonitor.emit('resume');
    expect(runs).toBe(1);
    releases[0]!();
    await tick();
    await tick();
    expect(runs).toBe(2);
    releases[1]!();
    await tick();
    await tick();
    expect(runs).toBe(2);
  });

  it('logs a failed re-evaluation and keeps listening', async () => {
    const fake = createFakeElectron();
    const errors: string[] = [];
    let runs = 0;
    resumeOnWake(
      fake.powerMonitor,
      async () => {
        runs++;
        throw new Error('disk gone');
      },
      { info() {}, warn() {}, error: (m) => errors.push(m) },
    );
    fake.powerMonitor.emit('resume');
    await tick();
    await tick();
    fake.powerMonitor.emit('resume');
    await tick();
    await tick();
    expect(runs).toBe(2);
    expect(errors).toEqual(['re-evaluation after wake-up failed', 're-evaluation after wake-up failed']);
  });
});
