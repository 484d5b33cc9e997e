/**
 * The settings that apply as soon as they change (`INSTANT_SETTINGS`: switches and lists): each change is stored at
 * once, shown as chosen while it is being stored, confirmed beside its field, and undone (with the reason) when main
 * refuses it.
 */
import { useState } from 'react';
import type { AppErrorShape, Settings } from '../../../shared/contract';
import { useAppData } from '../hooks/use-app-data';
import type { InstantSetting } from '../lib/settings-form';

/** What the screen needs for its instant settings. */
export interface InstantSettings {
  /** Whether the settings are known (`value` may be called). */
  ready: boolean;
  /** The value to show: the one being stored, else the stored one. */
  value<K extends InstantSetting>(key: K): Settings[K];
  /** Stores a new value now. */
  apply<K extends InstantSetting>(key: K, value: Settings[K]): Promise<void>;
  /** The setting stored last, for its "Saved." note. */
  applied: InstantSetting | null;
  /** Why main refused the last change, if it did. */
  failure: AppErrorShape | null;
}

/** The instant settings over the shared settings; `value` only once `ready`. */
export function useInstantSettings(): InstantSettings {
  const { settings, updateSettings } = useAppData();
  const [pending, setPending] = useState<Partial<Pick<Settings, InstantSetting>>>({});
  const [applied, setApplied] = useState<InstantSetting | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  return {
    ready: settings.value !== undefined && settings.value !== null,
    value: (key) => (pending[key] ?? settings.value![key]) as Settings[typeof key],
    async apply(key, value) {
      setPending((p) => ({ ...p, [key]: value }));
      setApplied(null);
      setFailure(null);
      const r = await updateSettings({ [key]: value });
      setPending((p) => {
        const next = { ...p };
        delete next[key];
        return next;
      });
      if (r.ok) setApplied(key);
      else setFailure(r.error);
    },
    applied,
    failure,
  };
}
