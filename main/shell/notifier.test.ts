import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fake-electron';
import { createNotifier } from './notifier';

const infos: string[] = [];
const logger = { info: (m: string) => infos.push(m), warn() {}, error() {} };

function setup(notificationsSupported = true) {
  const fake = createFakeElectron({ notificationsSupported });
  const clicks: (Record<string, string> | undefined)[] = [];
  const notifier = createNotifier({ Notification: fake.surface.Notification, onClick: (a) => clicks.push(a), logger });
  return { fake, notifier, clicks };
}

describe('createNotifier', () => {
  it('shows a native notification whose click carries the action', () => {
    const { fake, notifier, clicks } = setup();
    notifier.show({ id: 'a', title: 'Token expiring', body: 'anthropic:work expires in 1 hour', action: { view: 'renew', profileId: 'anthropic:work' } });
    const [n] = fake.notifications;
    expect(n).toMatchObject({ shown: true, options: { title: 'Token expiring', body: 'anthropic:work expires in 1 hour' } });
    n!.emit('click');
    expect(clicks).toEqual([{ view: 'renew', profileId: 'anthropic:work' }]);
  });

  it('replaces a notification shown again under the same id', () => {
    const { fake, notifier } = setup();
    notifier.show({ id: 'a', title: 'one', body: '' });
    notifier.show({ id: 'b', title: 'other', body: '' });
    notifier.show({ id: 'a', title: 'two', body: '' });
    expect(fake.notifications.map((n) => [n.options.title, n.closed])).toEqual([
      ['one', true],
      ['other', false],
      ['two', false],
    ]);
  });

  it('closes what is still on screen on dispose', () => {
    const { fake, notifier } = setup();
    notifier.show({ id: 'a', title: 'one', body: '' });
    notifier.show({ id: 'b', title: 'two', body: '' });
    notifier.dispose();
    expect(fake.notifications.every((n) => n.closed)).toBe(true);
  });

  it('logs and drops requests where notifications are unsupported', () => {
    const { fake, notifier } = setup(false);
    notifier.show({ id: 'a', title: 'Token expired', body: '' });
    expect(fake.notifications).toHaveLength(0);
    expect(infos.at(-1)).toContain('Token expired');
  });
});
