/**
 * The app, loaded by the entry point (`boot.ts`), which has already made sure `window.clawtray` exists (preload in
 * Electron, the HTTP bridge in the web shell) and asked for the first screen's data: renders the app with its
 * translations.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { LocaleProvider } from './hooks/use-locale';
import { i18n } from './i18n';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <LocaleProvider>
        <App />
      </LocaleProvider>
    </I18nextProvider>
  </StrictMode>,
);
