/**
 * Which agents exist, so a typo in an agent id gives a clear error instead of a new folder nobody reads. An agent
 * is known when it is `main`, has a folder under `$STATE/agents/`, or is declared in config (`agents.list[].id`,
 * or `agents.entries.<id>` in newer OpenClaw versions).
 */
import fs from 'node:fs';
import { AgentId } from '../../../shared/schemas';
import { CoreError } from '../errors';
import { valueAt, type OpenClawConfig } from './config-file';
import type { OpenClawPaths } from './paths';

/** OpenClaw's default agent id. */
export const DEFAULT_AGENT_ID = 'main';

/** Agent ids declared in config. */
export function configAgents(config: OpenClawConfig): string[] {
  const ids: string[] = [];
  const list = valueAt(config, ['agents', 'list']);
  if (Array.isArray(list)) for (const a of list) if (typeof valueAt(a, ['id']) === 'string') ids.push(valueAt(a, ['id']) as string);
  const entries = valueAt(config, ['agents', 'entries']);
  if (entries && typeof entries === 'object' && !Array.isArray(entries)) ids.push(...Object.keys(entries));
  return ids;
}

/** Every known agent id, sorted, `main` first; ids that are not valid agent ids are ignored. */
export async function listAgents(paths: OpenClawPaths, config: OpenClawConfig): Promise<string[]> {
  const found = new Set<string>([DEFAULT_AGENT_ID, ...configAgents(config)]);
  const dirs = await fs.promises.readdir(paths.agentsDir, { withFileTypes: true }).catch(() => []);
  for (const d of dirs) if (d.isDirectory()) found.add(d.name);
  const valid = [...found].filter((id) => AgentId.safeParse(id).success && AgentId.parse(id) === id);
  return valid.sort((a, b) => (a === DEFAULT_AGENT_ID ? -1 : b === DEFAULT_AGENT_ID ? 1 : a.localeCompare(b)));
}

/** Throws `NOT_FOUND` (field `field`) unless `agentId` is a known agent. */
export async function requireKnownAgent(paths: OpenClawPaths, config: OpenClawConfig, agentId: string, field = 'agentId'): Promise<void> {
  const agents = await listAgents(paths, config);
  if (!agents.includes(agentId)) {
    throw new CoreError('NOT_FOUND', 'errors.agent.unknown', {
      params: { agent: agentId, known: agents.join(', ') },
      fields: { [field]: { key: 'validation.unknownAgent' } },
    });
  }
}
