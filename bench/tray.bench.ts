/**
 * Tray benchmark: the menu is rebuilt on every change (gateway state, auth status, alerts, settings), so building
 * the model must stay cheap even for a large store. Prints p50/p99 of `buildTrayModel` for 1,000 profiles of the
 * selected agent (a third expiring, some expired, missing, cooling down) plus 1,000 alerts across 10 agents, in
 * each language, and the number of menu lines it produces (capped, so the menu stays usable).
 * Run: `npx tsx bench/tray.bench.ts` (or `npm run bench tray`).
 */
import type { Alert, AuthStatus, ProfileView } from '../shared/contract';
import { authStatus } from '../main/testing/status-fixtures';
import { buildTrayModel, type TrayInput } from '../main/tray/tray-model';
import { percentile } from './percentile';

const PROFILES = 1_000;
const AGENTS = 10;
const RUNS = 200;
const HOUR = 3_600_000;

const now = Date.now();
const statuses: ProfileView['status'][] = ['ok', 'expiring', 'expired', 'missing', 'cooldown', 'static'];
const profiles: ProfileView[] = Array.from({ length: PROFILES }, (_, i) => ({
  id: `anthropic:p${i}`,
  provider: i % 2 ? 'anthropic' : 'openrouter',
  name: `p${i}`,
  type: 'token',
  label: 'sk-ant-o...AAAAAAAA',
  status: statuses[i % statuses.length]!,
  expiresAt: now + (i % 48) * HOUR,
  until: now + HOUR,
  source: 'store',
}));
const auth: AuthStatus = authStatus('agent0', profiles, { agents: Array.from({ length: AGENTS }, (_, i) => `agent${i}`), computedAt: now });
const alerts: Alert[] = Array.from({ length: PROFILES }, (_, i) => ({
  id: `a${i}`,
  agentId: `agent${i % AGENTS}`,
  profileId: `anthropic:p${i}`,
  provider: 'anthropic',
  kind: i % 3 === 0 ? 'expired' : 'threshold',
  thresholdMs: i % 3 === 0 ? 0 : 24 * HOUR,
  expiresAt: now + (i % 24) * HOUR,
  raisedAt: now,
  inUse: i % 2 === 1,
}));

for (const language of ['en', 'fr', 'zh-CN', 'zh-TW'] as const) {
  const input: TrayInput = { gateway: { status: 'ready', port: 18789, owned: true }, auth, alerts, language, keepGatewayRunning: true };
  buildTrayModel(input);
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    lines = buildTrayModel({ ...input, alerts: [...alerts] }).menu.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `buildTrayModel ${language}: ${PROFILES} profiles + ${alerts.length} alerts across ${AGENTS} agents: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, ${lines} menu entries`,
  );
}
