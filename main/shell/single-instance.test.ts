import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fake-electron';
import { acquireSingleInstance } from './single-instance';

describe('acquireSingleInstance', () => {
  it('quits when another instance holds the lock', () => {
    const fake = createFakeElectron({ lock: false });
    let focused = 0;
    expect(acquireSingleInstance(fake.surface.app, () => void focused++)).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    fake.app.emit('second-instance');
    expect(focused).toBe(0);
  });

  it('keeps running and hands every second launch to the callback', () => {
    const fake = createFakeElectron({ lock: true });
    let focused = 0;
    expect(acquireSingleInstance(fake.surface.app, () => void focused++)).toBe(true);
    fake.app.emit('second-instance', {}, ['clawtray'], '/');
    fake.app.emit('second-instance', {}, ['clawtray'], '/');
    expect(focused).toBe(2);
    expect(fake.app.quitCalls).toBe(0);
  });
});
