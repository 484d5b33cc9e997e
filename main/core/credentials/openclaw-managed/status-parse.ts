/**
 * Pure: what OpenClaw 2026.6+ reports about an agent's credentials, turned into the seam's plain records. Two
 * sources say it: the gateway's `models.authStatus` (statuses, expiries, own/inherited, order; no masked labels)
 * and the CLI's `models status --json --agent A` (statuses, expiries, masked labels, cooldowns; no own/inherited,
 * no order). Both keep OpenClaw's own status as `reported`, so the status the app shows is OpenClaw's wherever the
 * app cannot compute it from the expiry (an expired token reported without its date, a cooldown without its end).
 */
import { z } from 'zod';
import { CoreError } from '../../errors';
import { DEFAULT_AGENT_ID } from '../../openclaw/agents';
import type { RpcAuthStatus } from '../../openclaw/gateway-rpc-schemas';
import { remaskLabel } from '../../../../shared/masking';
import type { CredentialRecord } from '../backend';
import { migrationRequiredError } from '../../openclaw/refusals';

/** What one read learned about an agent: its records, its own order (when known), and the masked labels. */
export interface ManagedRead {
  records: CredentialRecord[];
  /** The agent's stored order per provider; only the gateway reports it. */
  order?: Record<string, string[]>;
  /** Providers whose order openclaw.json decides (the gateway refuses to change it then). */
  lockedOrder?: string[];
  /**
   * profile id -> OpenClaw's own masked form of the secret (`sk-ant-a...WzispjAA`, 8 + 8 characters); only the CLI
   * reports them. Records show them cut to this app's rule (`remaskLabel`); these raw forms serve to compare two
   * agents' copies and to redact OpenClaw's output.
   */
  labels: Record<string, string>;
  /** Where the agent's store is (CLI: `auth.storePath`). */
  storePath?: string;
}

const CliProfile = z.looseObject({
  profileId: z.string().min(1),
  provider: z.string().optional(),
  type: z.string(),
  status: z.string(),
  expiresAt: z.number().optional(),
});

const CliUnusable = z.looseObject({
  profileId: z.string().min(1),
  kind: z.string(),
  reason: z.string().optional(),
  until: z.number().optional(),
});

/** The part of `models status --json` the app reads. */
export const CliModelsStatus = z.looseObject({
  auth: z.looseObject({
    storePath: z.string().optional(),
    providers: z.array(z.looseObject({ provider: z.string(), profiles: z.looseObject({ labels: z.array(z.string()).optional() }).optional() })).optional(),
    unusableProfiles: z.array(CliUnusable).optional(),
    oauth: z.looseObject({ profiles: z.array(CliProfile) }),
  }),
});

/** `{"ok": false, "error": {"message": ...}}`: how a failed `--json` command answers on stdout. */
const CliJsonError = z.looseObject({ ok: z.literal(false), error: z.looseObject({ message: z.string(), type: z.string().optional() }) });

const providerOf = (id: string) => (id.includes(':') ? id.slice(0, id.indexOf(':')) : id);

/** `anthropic:work=token:sk-ant-o...XzKJC4ar` -> [`anthropic:work`, `sk-ant-o...XzKJC4ar`]. */
export function parseLabel(entry: string): [string, string] | null {
  const eq = entry.indexOf('=');
  if (eq <= 0) return null;
  const masked = entry.slice(eq + 1).replace(/^(token|oauth|api_key):/, '');
  return [entry.slice(0, eq), masked];
}

function reportedUsage(record: CredentialRecord, unusable: z.infer<typeof CliUnusable> | undefined): void {
  if (!unusable || (unusable.kind !== 'cooldown' && unusable.kind !== 'disabled')) return;
  const until = unusable.until;
  if (unusable.kind === 'disabled') record.usage = { ...(until !== undefined ? { disabledUntil: until } : {}), ...(unusable.reason ? { disabledReason: unusable.reason } : {}) };
  else record.usage = { ...(until !== undefined ? { cooldownUntil: until } : {}), ...(unusable.reason ? { cooldownReason: unusable.reason } : {}) };
}

/**
 * Parses `models status --json` stdout. Throws `INTERNAL` when it is not the JSON OpenClaw prints, and `GATEWAY`
 * with OpenClaw's own message (redacted, as `details.said`) when it printed its error object instead.
 */
export function parseCliModelsStatus(stdout: string, redact: (text: string) => string = (t) => t): ManagedRead {
  const command = 'openclaw models status --json';
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new CoreError('INTERNAL', 'errors.cli.badOutput', { params: { command }, details: { cli: 'garbage', command } });
  }
  const failed = CliJsonError.safeParse(json);
  if (failed.success) {
    const details = { cli: 'refused', command, exit: '1', said: redact(failed.data.error.message) };
    throw migrationRequiredError(details.said, details) ?? new CoreError('GATEWAY', 'errors.cli.refused', { params: { command, exit: 1 }, details });
  }
  const parsed = CliModelsStatus.safeParse(json);
  if (!parsed.success) {
    throw new CoreError('INTERNAL', 'errors.cli.badOutput', { params: { command }, details: { cli: 'shape', command, issue: parsed.error.issues[0]?.path.join('.') ?? '' } });
  }
  const { auth } = parsed.data;
  const labels: Record<string, string> = {};
  for (const p of auth.providers ?? []) {
    for (const entry of p.profiles?.labels ?? []) {
      const pair = parseLabel(entry);
      if (pair) labels[pair[0]] = pair[1];
    }
  }
  const unusable = new Map((auth.unusableProfiles ?? []).map((u) => [u.profileId, u]));
  const records = auth.oauth.profiles.map((p): CredentialRecord => {
    const record: CredentialRecord = {
      id: p.profileId,
      provider: (p.provider ?? providerOf(p.profileId)).toLowerCase(),
      type: p.type,
      secret: p.status === 'missing' ? { kind: 'none' } : { kind: 'inline', masked: remaskLabel(labels[p.profileId] ?? '') },
      source: 'own',
      reported: { status: p.status },
    };
    if (p.expiresAt !== undefined) record.expires = p.expiresAt;
    reportedUsage(record, unusable.get(p.profileId));
    return record;
  });
  return { records, labels, ...(auth.storePath ? { storePath: auth.storePath } : {}) };
}

/** OpenClaw's source for a profile of `agentId`, as the seam says it: the default agent owns the shared store. */
export function recordSource(source: string | undefined, agentId: string): CredentialRecord['source'] {
  if (source === 'config' || source === 'external') return 'config';
  if (source === 'inherited') return agentId === DEFAULT_AGENT_ID ? 'own' : 'inherited';
  return 'own';
}

/** Turns `models.authStatus` into records; `labels` (OpenClaw's forms, from earlier CLI reads or the app's own saves) fill the masks. */
export function readFromRpc(status: RpcAuthStatus, agentId: string, labels: Record<string, string>): ManagedRead {
  const records: CredentialRecord[] = [];
  const order: Record<string, string[]> = {};
  const lockedOrder: string[] = [];
  for (const provider of status.providers) {
    if (provider.profileOrderStored && provider.profileOrder) order[provider.provider] = [...provider.profileOrder];
    if (provider.profileOrderLocked) lockedOrder.push(provider.provider);
    for (const p of provider.profiles) {
      const record: CredentialRecord = {
        id: p.profileId,
        provider: provider.provider.toLowerCase(),
        type: p.type,
        secret: p.status === 'missing' ? { kind: 'none' } : { kind: 'inline', masked: remaskLabel(labels[p.profileId] ?? '') },
        source: recordSource(p.source, agentId),
        reported: { status: p.status, ...(p.reasonCode ? { reason: p.reasonCode } : {}) },
      };
      if (p.expiry) record.expires = p.expiry.at;
      if (p.email) record.email = p.email;
      if (p.displayName) record.displayName = p.displayName;
      records.push(record);
    }
  }
  return { records, order, lockedOrder, labels: {} };
}

/**
 * Marks which of `agentId`'s records it only inherits, from what the CLI says about the default agent (whose store
 * is the shared one): a record whose secret OpenClaw masks the same way for both is inherited; others are the
 * agent's own (an own copy with the same secret reads as inherited, which says the same thing). `sharedLabels`:
 * OpenClaw's masks of the default agent's secrets.
 */
export function markInherited(agentId: string, agent: ManagedRead, sharedLabels: Record<string, string> | undefined): ManagedRead {
  if (agentId === DEFAULT_AGENT_ID || !sharedLabels) return agent;
  const same = (id: string) => !!sharedLabels[id] && sharedLabels[id] === agent.labels[id];
  const records = agent.records.map((r) => (r.source === 'own' && same(r.id) ? { ...r, source: 'inherited' as const } : r));
  return { ...agent, records };
}

/** How OpenClaw masks a secret in `models status` (first and last 8 characters), to compare with what it prints. */
export function openclawMask(secret: string): string | undefined {
  const s = secret.trim();
  return s.length > 16 ? `${s.slice(0, 8)}...${s.slice(-8)}` : undefined;
}
