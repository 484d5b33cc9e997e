/**
 * Pure: which models an agent uses, read from `openclaw.json` as OpenClaw reads it. The agent's own entry in
 * `agents.list` (or `agents.entries`) wins over `agents.defaults`; a model setting is a string or
 * `{ primary, fallbacks }`; an alias (`agents.defaults.models[ref].alias`) or a bare model id is resolved to
 * `provider/model` (a bare id is Anthropic's, OpenClaw's default provider).
 */
import { hasOwn } from '../../../shared/own-keys';

/** The models one agent uses, in the order OpenClaw tries them. */
export interface AgentModels {
  /** The agent has no model of its own: it uses the global default. */
  inheritsDefault: boolean;
  primary: string | null;
  fallbacks: string[];
  image: string | null;
  imageFallbacks: string[];
}

/** OpenClaw's provider for a model id written without one. */
export const DEFAULT_PROVIDER = 'anthropic';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function at(root: unknown, ...keys: string[]): unknown {
  let node = root;
  for (const k of keys) node = isObject(node) && hasOwn(node, k) ? node[k] : undefined;
  return node;
}

function setting(v: unknown): { primary: string | null; fallbacks: string[] } {
  if (nonEmpty(v)) return { primary: v.trim(), fallbacks: [] };
  const primary = at(v, 'primary');
  const fallbacks = at(v, 'fallbacks');
  return { primary: nonEmpty(primary) ? primary.trim() : null, fallbacks: Array.isArray(fallbacks) ? fallbacks.filter(nonEmpty).map((f) => f.trim()) : [] };
}

/** `provider/model` for a ref as written in config: aliases resolved, a bare id given the default provider. */
export function resolveModelRef(config: Record<string, unknown>, raw: string): string {
  const listed = at(config, 'agents', 'defaults', 'models');
  if (isObject(listed)) {
    for (const [ref, entry] of Object.entries(listed)) if (at(entry, 'alias') === raw && ref.includes('/')) return ref;
  }
  return raw.includes('/') ? raw : `${DEFAULT_PROVIDER}/${raw}`;
}

/** The provider part of `provider/model`. */
export const providerOfRef = (ref: string): string => ref.slice(0, ref.indexOf('/')).toLowerCase();

/** The models `agentId` uses: its own entry first, else the defaults. */
export function agentModels(config: Record<string, unknown>, agentId: string): AgentModels {
  const list = at(config, 'agents', 'list');
  const own = Array.isArray(list) ? list.find((a) => at(a, 'id') === agentId) : at(config, 'agents', 'entries', agentId);
  const mine = setting(at(own, 'model'));
  const text = mine.primary ? mine : setting(at(config, 'agents', 'defaults', 'model'));
  const ownImage = setting(at(own, 'imageModel'));
  const image = ownImage.primary ? ownImage : setting(at(config, 'agents', 'defaults', 'imageModel'));
  const resolve = (r: string) => resolveModelRef(config, r);
  return {
    inheritsDefault: !mine.primary,
    primary: text.primary ? resolve(text.primary) : null,
    fallbacks: text.fallbacks.map(resolve),
    image: image.primary ? resolve(image.primary) : null,
    imageFallbacks: image.fallbacks.map(resolve),
  };
}
