/**
 * OpenClaw's model catalog for the picker: `openclaw models list --all --json` (OpenClaw answers through its
 * gateway when one runs, else from its local catalog), kept to the models OpenClaw says are `available` (their
 * provider has a credential) plus the models configured in `openclaw.json`, with names and context sizes. The CLI
 * run is slow (seconds to a minute on a busy machine), so the answer is cached for the core's life and refreshed
 * only on request; while none is known, or when OpenClaw cannot list (2026.6+ without a gateway), the configured
 * models alone are offered (`source: 'config'`), and free text stays the last resort.
 */
import { z } from 'zod';
import type { AuthStatus, ModelCatalog } from '../../../shared/contract';
import type { CliResult } from '../openclaw/cli';

const Listed = z.object({
  models: z.array(
    z.object({ key: z.string(), name: z.string().optional(), contextWindow: z.number().optional(), available: z.boolean().optional() }).passthrough(),
  ),
});

/** The available models of a `models list --json` output, or null when it is not one. */
export function parseModelsList(stdout: string): ModelCatalog['models'] | null {
  const start = stdout.indexOf('{');
  if (start < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(stdout.slice(start));
  } catch {
    return null;
  }
  const parsed = Listed.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.models
    .filter((m) => m.available === true && m.key.includes('/'))
    .map((m) => ({ ref: m.key, ...(m.name && m.name !== m.key ? { name: m.name } : {}), ...(m.contextWindow ? { contextWindow: m.contextWindow } : {}) }));
}

/** The configured models first (they are in use or chosen), then the catalog's, each once. */
export function mergeCatalog(configured: AuthStatus['models'], listed: ModelCatalog['models']): ModelCatalog['models'] {
  const out = new Map<string, ModelCatalog['models'][number]>();
  for (const m of listed) out.set(m.ref, m);
  const merged = configured.map((c) => ({ ...out.get(c.ref), ref: c.ref, ...(c.name ? { name: c.name } : {}) }));
  for (const m of merged) out.delete(m.ref);
  return [...merged, ...[...out.values()].sort((a, b) => a.ref.localeCompare(b.ref))];
}

/** What the catalog needs: a way to run OpenClaw's CLI, and the clock. */
export interface CatalogDeps {
  run: (args: string[]) => Promise<CliResult>;
  now: () => number;
}

/** The catalog of one core: `get` answers at once from what is known and starts a listing when none ran yet. */
export function createCatalog(deps: CatalogDeps) {
  let listed: { models: ModelCatalog['models']; at: number } | null = null;
  let running: Promise<void> | null = null;

  function list(): Promise<void> {
    running ??= deps
      .run(['models', 'list', '--all', '--json'])
      .then((r) => {
        const models = r.ended === 'exit' && r.code === 0 ? parseModelsList(r.stdout) : null;
        if (models) listed = { models, at: deps.now() };
      })
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    /** The catalog now; `wait` waits for a listing in flight (or a new one with `refresh`). */
    async get(configured: AuthStatus['models'], options: { refresh?: boolean; wait?: boolean } = {}): Promise<ModelCatalog> {
      if (options.refresh || (!listed && !running)) {
        const pending = list();
        if (options.wait) await pending;
      } else if (options.wait && running) await running;
      if (!listed) return { source: 'config', models: mergeCatalog(configured, []), listing: running !== null };
      return { source: 'openclaw', models: mergeCatalog(configured, listed.models), listedAt: listed.at, listing: running !== null };
    },
  };
}
