/**
 * The window's entry point, a few kilobytes so that it runs at once: it reaches main (the preload's bridge, or the
 * web shell's HTTP transport), asks for everything the first screen shows while the browser is still loading React
 * and the screens, then loads the app (`main.tsx`). The styles load with it, before the first paint.
 */
import type { Settings } from '../../shared/contract';
import { resolveLanguage } from '../../shared/i18n/language';
import { connect } from './boot/connect';
import { peekPrefetched, startPrefetch } from './boot/prefetch';
import { warmFormatters } from './lib/format';
import './styles.css';
import './components.css';

startPrefetch(connect());
// Once the language is known, build the date formatters while the app's code is still on its way.
void peekPrefetched<Settings>('settings:get')?.then((r) => r.ok && warmFormatters(resolveLanguage(r.value.language, navigator.languages)));
import('./main').catch((err: unknown) => {
  // Only a broken install gets here (the app's own files are missing): say so instead of showing a blank window.
  document.getElementById('root')!.textContent = `ClawTray could not load its window (${err instanceof Error ? err.message : String(err)}). Reinstall ClawTray.`;
});
