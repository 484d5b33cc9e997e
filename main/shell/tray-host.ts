/**
 * Whether a tray icon will actually be visible. macOS and Windows always show one; on Linux it needs a
 * StatusNotifier/AppIndicator host, which plain GNOME lacks. When there is none, closing the window must quit
 * instead of hiding the app where nobody can reach it.
 */

/** Desktops known to ship a tray host by default (matched against `XDG_CURRENT_DESKTOP`, case-insensitive). */
const DESKTOPS_WITH_TRAY = ['kde', 'xfce', 'lxqt', 'lxde', 'mate', 'x-cinnamon', 'cinnamon', 'budgie', 'unity', 'pantheon', 'deepin', 'ubuntu'];

/**
 * Best guess at whether the tray icon can be seen. `CLAWTRAY_TRAY=1` or `=0` overrides the guess for desktops
 * this list gets wrong (GNOME with the AppIndicator extension, tiling window managers with a bar).
 */
export function trayHostLikely(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  if (env.CLAWTRAY_TRAY === '1') return true;
  if (env.CLAWTRAY_TRAY === '0') return false;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':');
  return desktops.some((d) => DESKTOPS_WITH_TRAY.includes(d.trim()));
}
