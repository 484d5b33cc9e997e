/**
 * The expiry alert thresholds as editable rows (an amount and hours or days), up to eight, at least one.
 */
import { useLocale } from '../hooks/use-locale';
import { MAX_THRESHOLDS, type ThresholdRow } from '../lib/thresholds';

/** The rows editor; `error` is already translated. */
export function ThresholdsField({ rows, onChange, error }: { rows: ThresholdRow[]; onChange: (rows: ThresholdRow[]) => void; error?: string | undefined }) {
  const { t } = useLocale();
  const update = (i: number, patch: Partial<ThresholdRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field thresholds" aria-describedby="thresholds-help">
      <legend>{t('settings.thresholds.label')}</legend>
      <p id="thresholds-help" className="help">
        {t('settings.thresholds.help')}
      </p>
      <ul className="threshold-rows">
        {rows.map((row, i) => (
          <li key={i} className="inline-form">
            <input
              type="number"
              min={1}
              step="any"
              inputMode="decimal"
              value={row.amount}
              onChange={(e) => update(i, { amount: e.target.value })}
              aria-label={t('settings.thresholds.amount', { n: i + 1 })}
              aria-invalid={error ? true : undefined}
            />
            <select value={row.unit} onChange={(e) => update(i, { unit: e.target.value as ThresholdRow['unit'] })} aria-label={t('settings.thresholds.unit', { n: i + 1 })}>
              <option value="hours">{t('settings.thresholds.hours')}</option>
              <option value="days">{t('settings.thresholds.days')}</option>
            </select>
            <button type="button" className="button-quiet" onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={rows.length <= 1}>
              {t('settings.thresholds.remove')}
              <span className="visually-hidden"> {t('settings.thresholds.amount', { n: i + 1 })}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => onChange([...rows, { amount: '', unit: 'hours' }])} disabled={rows.length >= MAX_THRESHOLDS}>
        {t('settings.thresholds.add')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
