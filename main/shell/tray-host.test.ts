import { describe, expect, it } from 'vitest';
import { trayHostLikely } from './tray-host';

describe('trayHostLikely', () => {
  it.each([
    ['darwin', {}, true],
    ['win32', {}, true],
    ['linux', { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'KDE' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, true],
    ['linux', { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'X-Cinnamon' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'GNOME' }, false],
    ['linux', { DISPLAY: ':0' }, false],
    ['linux', { XDG_CURRENT_DESKTOP: 'KDE' }, false],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'GNOME', CLAWTRAY_TRAY: '1' }, true],
    ['linux', { DISPLAY: ':0', XDG_CURRENT_DESKTOP: 'KDE', CLAWTRAY_TRAY: '0' }, false],
  ] as const)('%s %o -> %s', (platform, env, expected) => {
    expect(trayHostLikely(platform, env)).toBe(expected);
  });
});
