/**
 * The window: a header with the gateway state, navigation between the four screens, the current screen (or the
 * first-run wizard), and a footer saying which OpenClaw folder is managed. Follows the language chosen in
 * settings and the shell's `app:navigate` requests (a notification or tray click opening a renew form).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { LeaveDialog } from './components/LeaveDialog';
import { api } from './api';
import { AppDataProvider, useAppData } from './hooks/use-app-data';
import { LeaveGuardProvider, useBeforeUnload, useQuitPrompt, type LeaveBlocker } from './hooks/use-leave-guard';
import { openclawText } from './lib/openclaw-text';
import { useLocale } from './hooks/use-locale';
import { applyLanguage } from './i18n';
import { hasUsableCredential } from './lib/credential-groups';
import { gatewayTone } from './lib/gateway-view';
import { resolveLanguage } from '../../shared/i18n/language';
import { routeFor, VIEWS, type Route } from './lib/navigate';
import { StatusView } from './views/StatusView';

// The status panel is the first screen and comes with the app; the others load on first use (and, once the window is
// idle, ahead of it), so the first screen never waits for the forms, the wizard, the settings or the gateway page.
const loadCredentials = () => import('./views/CredentialsView').then((m) => ({ default: m.CredentialsView }));
const loadGateway = () => import('./views/GatewayView').then((m) => ({ default: m.GatewayView }));
const loadSettings = () => import('./views/SettingsView').then((m) => ({ default: m.SettingsView }));
const loadWizard = () => import('./wizard/Wizard').then((m) => ({ default: m.Wizard }));
const CredentialsView = lazy(loadCredentials);
const GatewayView = lazy(loadGateway);
const SettingsView = lazy(loadSettings);
const Wizard = lazy(loadWizard);

/** Loads the other screens' code once the first screen is up and the window has nothing else to do. */
function preloadScreensWhenIdle(): () => void {
  const load = () => void Promise.all([loadCredentials(), loadGateway(), loadSettings(), loadWizard()]).catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(load, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(load, 1000);
  return () => window.clearTimeout(id);
}

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
  // A screen with unsaved changes (Settings) blocks leaving it: the frame asks first, the browser asks on reload, and
  // Electron's main asks before quitting.
  const [blocker, setBlocker] = useState<LeaveBlocker | null>(null);
  const [leavingTo, setLeavingTo] = useState<Route | null>(null);
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useBeforeUnload(blocker !== null && info?.shell === 'web');
  useQuitPrompt(blocker, info?.shell === 'electron');

  const language = resolveLanguage(settings.value?.language ?? 'system', navigator.languages);
  const [readyLanguage, setReadyLanguage] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void applyLanguage(language).then(() => current && setReadyLanguage(language));
    return () => {
      current = false;
    };
  }, [language]);

  const go = (next: Route) => {
    // Leaving a screen leaves its blocker behind (its unmount effects may run later than the next click).
    if (next.view !== route.view || next.wizard) {
      blockerRef.current = null;
      setBlocker(null);
    }
    setWizardOpen(!!next.wizard);
    setRoute(next);
  };
  /** Goes to `next`, or asks first when the screen has unsaved changes. */
  const navigate = (next: Route) => (blockerRef.current ? setLeavingTo(next) : go(next));
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(
    () =>
      api().onAppNavigate((request) => {
        const next = routeFor(request, authRef.current, agentRef.current);
        if (next) navigateRef.current(next);
      }),
    [],
  );

  // Decided once settings, the credentials and the language's strings are in: the first screen shows in its language.
  const known = settings.value !== null && (auth.value !== null || auth.error !== null) && readyLanguage === language;
  const firstRun = known && !settings.value!.onboardingDone && !hasUsableCredential(auth.value);
  useEffect(() => {
    if (known && wizardOpen === null) setWizardOpen(firstRun);
  }, [known, firstRun, wizardOpen]);
  const showWizard = wizardOpen === true;
  const decided = wizardOpen !== null;
  useEffect(() => (decided ? preloadScreensWhenIdle() : undefined), [decided]);

  useEffect(() => {
    document.title = showWizard ? `ClawTray · ${t('wizard.docTitle')}` : `ClawTray · ${t(`nav.${route.view}`)}`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!showWizard && !route.form && !route.focus) headingRef.current?.focus();
  }, [route, showWizard, t]);

  const status = gateway.value?.status;
  const loading = <p className="muted">{t('common.loading')}</p>;

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
            <button key={v} type="button" aria-current={route.view === v ? 'page' : undefined} data-unsaved={(blocker && route.view === v) || undefined} onClick={() => (v === route.view && !route.form ? go({ view: v }) : navigate({ view: v }))}>
              {t(`nav.${v}`)}
              {blocker && route.view === v && <span className="visually-hidden"> ({t('nav.unsaved')})</span>}
            </button>
          ))}
        </nav>
      )}
      <main className="app-main">
        {wizardOpen === null && loading}
        {showWizard && (
          <Suspense fallback={loading}>
            <Wizard
              onFinish={() => {
                setWizardOpen(false);
                setRoute({ view: 'status' });
              }}
            />
          </Suspense>
        )}
        {wizardOpen === false && (
          <>
            <h2 ref={headingRef} tabIndex={-1} className="view-title">
              {t(`nav.${route.view}`)}
            </h2>
            {/* The heading stays outside: it takes the focus on navigation while a screen's code is still loading. One
                boundary per screen: a screen left while the next one loads is unmounted, not kept hidden with its state. */}
            <Suspense key={route.view} fallback={loading}>
              <LeaveGuardProvider value={setBlocker}>
                {route.view === 'status' && <StatusView navigate={navigate} />}
                {route.view === 'credentials' && <CredentialsView form={route.form} navigate={navigate} />}
                {route.view === 'gateway' && <GatewayView navigate={navigate} />}
                {route.view === 'settings' && <SettingsView focus={route.focus} />}
              </LeaveGuardProvider>
            </Suspense>
            {leavingTo && blocker && (
              <LeaveDialog
                blocker={blocker}
                onStay={() => setLeavingTo(null)}
                onLeave={() => {
                  setLeavingTo(null);
                  go(leavingTo);
                }}
              />
            )}
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
              <dt>{t('about.openclaw')}</dt>
              <dd data-testid="app-openclaw">{openclawText(t, auth.value?.openclaw ?? info.openclaw)}</dd>
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
