/**
 * The window: a header with the gateway state, navigation between the four screens, the current screen (or the
 * first-run wizard), and a footer saying which OpenClaw folder is managed. Follows the language chosen in
 * settings and the shell's `app:navigate` requests (a notification or tray click opening a renew form).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from './api';
import { AppDataProvider, useAppData } from './hooks/use-app-data';
import { useLocale } from './hooks/use-locale';
import { applyLanguage } from './i18n';
import { hasUsableCredential } from './lib/credential-groups';
import { gatewayTone } from './lib/gateway-view';
import { resolveLanguage } from '../../shared/i18n/language';
import { routeFor, VIEWS, type Route } from './lib/navigate';
import { CredentialsView } from './views/CredentialsView';
import { GatewayView } from './views/GatewayView';
import { SettingsView } from './views/SettingsView';
import { StatusView } from './views/StatusView';
import { Wizard } from './wizard/Wizard';

/** The whole window. */
export function App() {
  return (
    <AppDataProvider>
      <Frame />
    </AppDataProvider>
  );
}

function Frame() {
  const { t } = useLocale();
  const { info, settings, auth, gateway, agentId } = useAppData();
  const [route, setRoute] = useState<Route>({ view: 'status' });
  const [wizardOpen, setWizardOpen] = useState<boolean | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const authRef = useRef(auth.value);
  authRef.current = auth.value;
  const agentRef = useRef(agentId);
  agentRef.current = agentId;

  const language = settings.value?.language;
  useEffect(() => applyLanguage(resolveLanguage(language ?? 'system', navigator.languages)), [language]);

  useEffect(
    () =>
      api().onAppNavigate((request) => {
        const next = routeFor(request, authRef.current, agentRef.current);
        if (!next) return;
        setWizardOpen(!!next.wizard);
        setRoute(next);
      }),
    [],
  );

  const known = settings.value !== null && (auth.value !== null || auth.error !== null);
  const firstRun = known && !settings.value!.onboardingDone && !hasUsableCredential(auth.value);
  useEffect(() => {
    if (known && wizardOpen === null) setWizardOpen(firstRun);
  }, [known, firstRun, wizardOpen]);
  const showWizard = wizardOpen === true;

  useEffect(() => {
    document.title = showWizard ? `ClawTray · ${t('wizard.docTitle')}` : `ClawTray · ${t(`nav.${route.view}`)}`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!showWizard && !route.form) headingRef.current?.focus();
  }, [route, showWizard, t]);

  const navigate = (next: Route) => {
    setWizardOpen(!!next.wizard);
    setRoute(next);
  };
  const status = gateway.value?.status;

  return (
    <div className="app">
      <header className="app-header">
        <h1>ClawTray</h1>
        <span className="gateway-pill" data-tone={gatewayTone(status)} aria-live="polite">
          {t('header.gatewayState', { status: status ? t(`gateway.status.${status}`) : '…' })}
        </span>
      </header>
      {wizardOpen === false && (
        <nav className="app-nav" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-current={route.view === v ? 'page' : undefined} onClick={() => navigate({ view: v })}>
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
      )}
      <main className="app-main">
        {wizardOpen === null && <p className="muted">{t('common.loading')}</p>}
        {showWizard && (
          <Wizard
            onFinish={() => {
              setWizardOpen(false);
              setRoute({ view: 'status' });
            }}
          />
        )}
        {wizardOpen === false && (
          <>
            <h2 ref={headingRef} tabIndex={-1} className="view-title">
              {t(`nav.${route.view}`)}
            </h2>
            {route.view === 'status' && <StatusView navigate={navigate} />}
            {route.view === 'credentials' && <CredentialsView form={route.form} navigate={navigate} />}
            {route.view === 'gateway' && <GatewayView navigate={navigate} />}
            {route.view === 'settings' && <SettingsView />}
          </>
        )}
      </main>
      {info && (
        <footer className="app-footer">
          <dl className="app-info" aria-label={t('about.label')}>
            <div>
              <dt>{t('about.version')}</dt>
              <dd data-testid="app-version">{info.version}</dd>
            </div>
            <div>
              <dt>{t('about.shell')}</dt>
              <dd data-testid="app-shell">{info.shell}</dd>
            </div>
            <div>
              <dt>{t('about.stateDir')}</dt>
              <dd data-testid="app-state-dir">{info.stateDir}</dd>
            </div>
            <div>
              <dt>{t('about.configPath')}</dt>
              <dd data-testid="app-config-path">{info.configPath}</dd>
            </div>
            <div>
              <dt>{t('about.agent')}</dt>
              <dd data-testid="app-agent">{agentId}</dd>
            </div>
          </dl>
        </footer>
      )}
    </div>
  );
}
