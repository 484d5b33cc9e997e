/**
 * What must hold before the app launches a gateway child, each with the event the state machine gets: OpenClaw and
 * a Node to run it are found (else not installed, or the Node range it needs), the port is free (else who holds it, and the next free port for "Use port N"), and `openclaw.json` is
 * ready for a supervised gateway (else a config that does not parse is OpenClaw's own kind of refusal, with the
 * parser's words, and any other problem a spawn error naming the file).
 */
import { CoreError } from '../errors';
import type { GatewayConfigInfo } from './gateway-config';
import type { MachineEvent } from './gateway-machine';
import { findPortHolder, isPortFree, nextFreePort } from './port-holder';
import type { Located } from '../openclaw/locate';

/** What the search for OpenClaw found, as a machine event. Pure. */
export function locatedEvent(located: Located): MachineEvent {
  if (located.problem?.reason === 'not-installed') return { type: 'not-installed', installation: located.installation };
  if (located.problem) return { type: 'node-missing', installation: located.installation, nodeRange: located.nodeRange };
  return { type: 'located', installation: located.installation, version: located.installation.version ?? undefined };
}

/** Undefined when `port` is free; else the `port-in-use` event with its holder and a suggestion. */
export async function checkPort(port: number, platform: NodeJS.Platform): Promise<MachineEvent | undefined> {
  if (await isPortFree(port)) return undefined;
  const holder = await findPortHolder(port, platform);
  return { type: 'port-in-use', holder, suggestedPort: await nextFreePort(port) };
}

/** The config's gateway token and log file once ready, or the event that says why it is not. */
export async function prepareConfig(ensureConfig: () => Promise<GatewayConfigInfo>, configPath: string): Promise<{ info: GatewayConfigInfo } | { failure: MachineEvent }> {
  try {
    return { info: await ensureConfig() };
  } catch (err) {
    if (err instanceof CoreError && err.code === 'CORRUPT_FILE') {
      return { failure: { type: 'config-invalid', report: { file: configPath, issues: [{ path: '(file)', message: err.details?.reason ?? err.message }] } } };
    }
    return { failure: { type: 'spawn-error', prepare: configPath, said: err instanceof Error ? err.message : String(err) } };
  }
}
