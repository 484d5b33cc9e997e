/**
 * The OpenClaw state and app settings the window bench loads (not a benchmark itself: the runner only picks up
 * `*.bench.ts`): `profiles` setup-tokens of the main agent spread over a few providers, each with an expiry, the
 * first `alerts` of them inside the alert thresholds (expired, under 1 hour, 24 hours, 7 days), the others weeks away;
 * settings with the first-run wizard done, so every load opens the status panel.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One bench case. */
export interface WindowCase {
  name: string;
  profiles: number;
  alerts: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROVIDERS = ['anthropic', 'openai', 'openrouter', 'google', 'mistral', 'groq', 'deepseek', 'xai'];
/** Where the alerting expiries fall: expired a day ago up to just under 7 days left. */
const ALERT_SPANS = [-DAY, 30 * 60_000, 20 * HOUR, 6 * DAY];

/** Writes `root/state` (OpenClaw) and `root/data` (ClawTray) for `c`; expiries are relative to `now`. */
export function seedWindowState(root: string, c: WindowCase, now: number): { stateDir: string; dataDir: string } {
  const stateDir = path.join(root, 'state');
  const dataDir = path.join(root, 'data');
  const agentDir = path.join(stateDir, 'agents', 'main', 'agent');
  fs.mkdirSync(agentDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const profiles: Record<string, unknown> = {};
  for (let i = 0; i < c.profiles; i++) {
    const provider = PROVIDERS[i % PROVIDERS.length]!;
    const expires = i < c.alerts ? now + ALERT_SPANS[i % ALERT_SPANS.length]! + i * 60_000 : now + 30 * DAY + i * HOUR;
    profiles[`${provider}:team-${String(i).padStart(4, '0')}`] = { type: 'token', provider, token: `sk-ant-oat01-${String(i).padStart(80, 'x')}`, expires };
  }
  fs.writeFileSync(path.join(agentDir, 'auth-profiles.json'), JSON.stringify({ version: 1, profiles }, null, 2), { mode: 0o600 });
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify({ agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-5' } } } }, null, 2), { mode: 0o600 });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ onboardingDone: true }), { mode: 0o600 });
  return { stateDir, dataDir };
}
