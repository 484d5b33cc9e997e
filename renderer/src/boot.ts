/**
 * The window's entry point, a few kilobytes so that it runs at once: it reaches main (the preload's bridge, or the
 * web shell's HTTP transport), asks for everything the first screen shows while the browser is still loading React
 * and the screens, then loads the app (`main.tsx`). The styles load with it, before the first paint.
 */
import type { Settings } from '../../shared/contract';
import type { AppLanguage } from '../../shared/i18n/notifications';
import { resolveLanguage } from '../../shared/i18n/language';
import { connect } from './boot/connect';
import { peekPrefetched, startPrefetch } from './boot/prefetch';
import { warmFormatters } from './lib/format';
import './styles.css';
import './components.css';


/** Shown instead of a blank window when the app's code does not load (a damaged install, or the web shell went away). */
const LOAD_FAILED: Record<AppLanguage, string> = {
  en: 'ClawTray could not load its window. Reload it; if that does not help, reinstall ClawTray.',
  fr: 'ClawTray n’a pas pu charger sa fenêtre. Rechargez-la ; si cela ne suffit pas, réinstallez ClawTray.',
  'zh-CN': 'ClawTray 无法加载窗口。请重新加载；如果仍然不行，请重新安装 ClawTray。',
  'zh-TW': 'ClawTray 無法載入視窗。請重新載入；如果仍然不行，請重新安裝 ClawTray。',
};

// The app's code is asked for first (the server sends it while it works out the answers), then the first screen's data.
const app = import('./main');
startPrefetch(connect());
// Once the language is known, build the date formatters while the app's code is still on its way.
void peekPrefetched<Settings>('settings:get')?.then((r) => r.ok && warmFormatters(resolveLanguage(r.value.language, navigator.languages)));

app.catch((err: unknown) => {
  const lng = resolveLanguage('system', navigator.languages);
  document.documentElement.lang = lng;
  const root = document.getElementById('root')!;
  root.textContent = `${LOAD_FAILED[lng]} (${err instanceof Error ? err.message : String(err)})`;
  root.setAttribute('role', 'alert');
});
