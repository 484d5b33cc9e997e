/**
 * The app's own preferences (never secrets), kept by electron-store in the Electron shell and by `conf` (the
 * library electron-store is built on) in the web shell and tests. Values that no longer validate fall back to
 * their defaults one key at a time, so one bad key never loses the others.
 */
import Conf from 'conf';
import { DEFAULT_SETTINGS, Settings } from '../../shared/contract';

/** The storage both electron-store and conf provide. */
export interface SettingsBackend {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

/** Read, update and observe settings. */
export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  onChange(listener: (next: Settings, prev: Settings) => void): () => void;
}

/** A conf store in `dataDir` (the web shell's `--data-dir`, or a test's temp dir). */
export function createConfBackend(dataDir: string): SettingsBackend {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'clawtray' });
}

/** Parses stored data key by key against the schema, keeping defaults for keys that are missing or invalid. */
export function coerceSettings(raw: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(Settings.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(value);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return out as Settings;
}

/** Wraps a backend with validation and change notification. */
export function createSettingsService(backend: SettingsBackend): SettingsService {
  const listeners = new Set<(next: Settings, prev: Settings) => void>();
  return {
    get: () => coerceSettings(backend.store),
    update(patch) {
      const prev = coerceSettings(backend.store);
      const next = Settings.parse({ ...prev, ...patch });
      backend.store = { ...backend.store, ...next };
      for (const l of [...listeners]) l(next, prev);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
