/**
 * Asks before removing a credential and shows every place its secret is (asked of main with `auth:secretPlaces`,
 * which never sends a value): the credential store, a `.env` variable with the same value, a secret in
 * `openclaw.json` such as Cloudflare's `cf-aig-authorization` header, and backup copies. All are ticked, so
 * "Remove" leaves the secret nowhere; the user may untick one to keep it there (the store always goes).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { AppErrorShape, SecretPlace } from '../../../shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { useLocale } from '../hooks/use-locale';

/** A place's file as the user knows it: relative to OpenClaw's state folder when it is inside it. Pure. */
export function placeFile(file: string, stateDir: string): string {
  const dir = stateDir.replace(/[\\/]+$/, '');
  return dir && (file.startsWith(`${dir}/`) || file.startsWith(`${dir}\\`)) ? file.slice(dir.length + 1) : file;
}

/** The dialog; `onConfirm` gets the ids of the ticked places (undefined while they could not be listed: all). */
export function RemoveDialog(props: {
  profileId: string;
  agentId: string;
  stateDir: string;
  /** What removing does, given the places it will clear besides the store (none while they are being looked up). */
  message: (cleared: readonly SecretPlace[]) => ReactNode;
  busy: boolean;
  error: AppErrorShape | null;
  onConfirm: (places: string[] | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useLocale();
  const legendId = useId();
  const [places, setPlaces] = useState<SecretPlace[] | null>(null);
  const [lookupError, setLookupError] = useState<AppErrorShape | null>(null);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const { profileId, agentId } = props;

  useEffect(() => {
    let live = true;
    void api()
      .authSecretPlaces({ profileId, agentId })
      .then((r) => {
        if (!live) return;
        if (r.ok) setPlaces(r.value.places);
        else setLookupError(r.error);
      });
    return () => {
      live = false;
    };
  }, [profileId, agentId]);

  const label = (p: SecretPlace): string => {
    const file = placeFile(p.file, props.stateDir);
    const text = p.kind === 'store' ? t('remove.place.store', { file }) : p.kind === 'backup' ? t('remove.place.backup', { file }) : t('remove.place.named', { name: p.name ?? '', file });
    return p.likely ? `${text} ${t('remove.place.likely')}` : text;
  };
  const toggle = (id: string, on: boolean) =>
    setUnticked((old) => {
      const next = new Set(old);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ConfirmDialog
      title={t('remove.title', { profile: profileId })}
      message={
        <>
          {props.message(places ? places.filter((p) => !p.required && !unticked.has(p.id)) : [])}
          {places === null && !lookupError && <p className="muted">{t('remove.looking')}</p>}
          {lookupError && <ErrorNote error={lookupError} />}
          {places && (
            <fieldset className="field remove-places" aria-describedby={`${legendId}-help`}>
              <legend>{t('remove.placesLegend')}</legend>
              <p id={`${legendId}-help`} className="help">
                {places.length > 1 ? t('remove.placesHelp') : t('remove.placesOnlyStore')}
              </p>
              <ul>
                {places.map((p) => (
                  <li key={p.id} className="field-check">
                    <input
                      id={`${legendId}-${p.id}`}
                      type="checkbox"
                      name="place"
                      value={p.id}
                      checked={p.required || !unticked.has(p.id)}
                      disabled={p.required || props.busy}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                    />
                    <label htmlFor={`${legendId}-${p.id}`}>{label(p)}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </>
      }
      confirmLabel={t('remove.confirm')}
      busy={props.busy}
      error={<ErrorNote error={props.error} />}
      onConfirm={() => props.onConfirm(places ? places.filter((p) => !p.required && !unticked.has(p.id)).map((p) => p.id) : undefined)}
      onCancel={props.onCancel}
    />
  );
}
