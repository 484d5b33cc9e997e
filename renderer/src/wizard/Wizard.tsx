/**
 * The first-run assistant: choose how to connect -> fill the form -> save -> start the gateway (and choose whether it
 * comes back after a reboot) -> the status panel. Every step can be skipped; the credentials screen opens it again.
 */
import { useEffect, useRef, useState } from 'react';
import { InstallCard } from '../gateway/InstallCard';
import { CredentialForm } from '../forms/CredentialForm';
import { KindChooser } from '../forms/KindChooser';
import type { SaveResult } from '../forms/use-credential-form';
import { SavedLine } from '../forms/SavedLine';
import { useAppData } from '../hooks/use-app-data';
import { useLocale } from '../hooks/use-locale';
import type { CredentialKind } from '../lib/credential-input';
import { focusFirstField } from '../lib/focus';
import { gatewayTone } from '../lib/gateway-view';
import { GatewayProblem } from '../status/GatewayCard';
import { GatewayControls } from '../status/GatewayControls';
import { ComeBackChoices } from './ComeBackChoices';
import { DashboardButton } from '../gateway/DashboardButton';

type Step = 'choose' | 'form' | 'start';
const STEPS: Step[] = ['choose', 'form', 'start'];

/** The wizard; `onFinish` is called when it is done or skipped (after settings record it). */
export function Wizard({ onFinish }: { onFinish: () => void }) {
  const { t } = useLocale();
  const { agentId, auth, gateway, updateSettings } = useAppData();
  const [step, setStep] = useState<Step>('choose');
  const [kind, setKind] = useState<CredentialKind>('anthropic-key');
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const formRef = useRef<HTMLDivElement>(null);

  // A chosen card opens its form with the focus in the first field, so a pasted key lands there; other steps start
  // at their heading.
  useEffect(() => {
    if (step !== 'form' || !focusFirstField(formRef.current)) headingRef.current?.focus();
  }, [step]);

  const finish = async () => {
    await updateSettings({ onboardingDone: true });
    onFinish();
  };
  const state = gateway.value;
  const running = state && ['starting', 'running', 'ready', 'external'].includes(state.status);

  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <div className="wizard-head">
        <h2 id="wizard-title" ref={headingRef} tabIndex={-1}>
          {t(`wizard.title.${step}`)}
        </h2>
        {step !== 'start' && (
          <button type="button" className="button-link" onClick={() => void finish()}>
            {t('wizard.skip')}
          </button>
        )}
      </div>
      <ol className="steps" aria-label={t('wizard.progress')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} data-done={STEPS.indexOf(step) > i || undefined}>
            {t(`wizard.step.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'choose' && (
        <div className="card">
          <p className="lead">{t('wizard.welcome')}</p>
          <KindChooser
            onChoose={(k) => {
              setKind(k);
              setStep('form');
            }}
          />
        </div>
      )}
      {step === 'form' && (
        <div ref={formRef}>
          <CredentialForm
            request={{ kind, prefill: { agentId } }}
            agentId={agentId}
            agents={auth.value?.agents ?? [agentId]}
            onSaved={(r) => {
              setSaved(r);
              void auth.reload();
              setStep('start');
            }}
            actions={
              <button type="button" onClick={() => setStep('choose')}>
                {t('common.back')}
              </button>
            }
          />
        </div>
      )}
      {step === 'start' && (
        <div className="card">
          {saved && (
            <div className="note note-ok" role="status">
              <SavedLine saved={saved} />
            </div>
          )}
          <p className="lead">{t('wizard.startIntro')}</p>
          <p>
            {t('wizard.gatewayLabel')}{' '}
            <span className="chip" data-tone={gatewayTone(state?.status)} data-testid="wizard-gateway-status">
              {state ? t(`gateway.status.${state.status}`) : t('common.loading')}
            </span>
          </p>
          {state && state.status !== 'not-installed' && <GatewayProblem state={state} />}
          {state?.status === 'not-installed' && <InstallCard installation={state.installation} />}
          <GatewayControls state={state} onState={gateway.set} primary="start" labels={{ start: t('wizard.startGateway') }} />
          <DashboardButton state={state} />
          <ComeBackChoices />
          <div className="form-actions">
            <button type="button" onClick={() => setStep('form')}>
              {t('common.back')}
            </button>
            <button type="button" className={running ? 'button-primary' : undefined} onClick={() => void finish()}>
              {t('wizard.finish')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
