/**
 * Issue 14's Done-when state as OpenClaw 2026.5 keeps it on disk, for the unit tests and the e2e spec: a default and
 * two fallbacks over two providers (`anthropic/claude-opus-4-6`, `openrouter/anthropic/claude-sonnet-4.6`,
 * `anthropic/claude-sonnet-4-6`), Anthropic's key `anthropic:default` in a rate-limit cooldown ahead of the setup-token
 * `anthropic:work` expiring in 5 hours, and OpenRouter only in `.env`. Plain Node (no test runner), times from `now`.
 */
import fs from 'node:fs';
import path from 'node:path';

const H = 3_600_000;

/** The default model's fallbacks in the state. */
export const DONE_WHEN_STATE_FALLBACKS = ['openrouter/anthropic/claude-sonnet-4.6', 'anthropic/claude-sonnet-4-6'];

/** Writes the cooldown (and the order beside it) into the main agent's `auth-state.json`. */
export function writeDoneWhenCooldown(stateDir: string, cooldownUntil: number): void {
  fs.writeFileSync(
    path.join(stateDir, 'agents', 'main', 'agent', 'auth-state.json'),
    JSON.stringify({ version: 1, order: { anthropic: ['anthropic:default', 'anthropic:work'] }, usageStats: { 'anthropic:default': { cooldownUntil, cooldownReason: 'rate_limit' } } }),
    { mode: 0o600 },
  );
}

/** Writes the whole state; `config` is merged over the models part of `openclaw.json`. */
export function writeDoneWhenState(stateDir: string, options: { now: number; cooldownUntil?: number; config?: Record<string, unknown> }): void {
  const agentDir = path.join(stateDir, 'agents', 'main', 'agent');
  fs.mkdirSync(agentDir, { recursive: true, mode: 0o700 });
  const config = { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6', fallbacks: DONE_WHEN_STATE_FALLBACKS } } }, ...options.config };
  fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config), { mode: 0o600 });
  fs.writeFileSync(path.join(stateDir, '.env'), `OPENROUTER_API_KEY=sk-or-v1-${'r'.repeat(48)}\n`, { mode: 0o600 });
  fs.writeFileSync(
    path.join(agentDir, 'auth-profiles.json'),
    JSON.stringify({
      version: 1,
      profiles: {
        'anthropic:default': { type: 'api_key', provider: 'anthropic', key: `sk-ant-api03-${'A'.repeat(64)}` },
        'anthropic:work': { type: 'token', provider: 'anthropic', token: `sk-ant-oat01-${'W'.repeat(84)}`, expires: options.now + 5 * H },
      },
    }),
    { mode: 0o600 },
  );
  writeDoneWhenCooldown(stateDir, options.cooldownUntil ?? options.now + H);
}
