/**
 * "How do you want to connect?": the four ways, each a large button with one line saying who it is for. Used
 * by the first-run wizard and the credentials screen.
 */
import { useLocale } from '../hooks/use-locale';
import { CREDENTIAL_KINDS, type CredentialKind } from '../lib/credential-input';

/** The four choices as a labelled group of buttons. */
export function KindChooser({ onChoose, headingLevel = 3 }: { onChoose: (kind: CredentialKind) => void; headingLevel?: 2 | 3 }) {
  const { t } = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="kind-chooser" aria-labelledby="kind-chooser-title">
      <Heading id="kind-chooser-title">{t('connect.question')}</Heading>
      <ul className="kind-list">
        {CREDENTIAL_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" className="kind-button" onClick={() => onChoose(kind)} aria-labelledby={`kind-${kind}-title`} aria-describedby={`kind-${kind}-desc`}>
              <span id={`kind-${kind}-title`} className="kind-title">{t(`connect.${kind}.title`)}</span>
              <span id={`kind-${kind}-desc`} className="kind-desc">
                {t(`connect.${kind}.summary`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
