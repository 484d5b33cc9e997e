/**
 * Expiry equivalence with the real OpenClaw (the pinned reference version from `scripts/reference-openclaw.mjs`):
 * random expiries (past, within 1 h, within 24 h, beyond) written only by the app's flows; for every profile the
 * app's status equals `openclaw models status --json`'s, and the app's alert agrees with it (expired <-> "expired",
 * expiring <-> the 24 h or 1 h threshold, ok <-> nothing or the 7-day threshold). Complements the credentials
 * conformance test (fixed cases, config validation) with random dates and the alert side. Hermetic: HOME and
 * OPENCLAW_STATE_DIR are temp dirs, `logging.file` is set, none of the user's OPENCLAW_* or provider variables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AuthStatus } from '../../../shared/contract';
import { CACHE_DIR, REFERENCE_VERSION, ensureReferenceOpenClaw, openclawEnv, runOpenClaw } from '../../../scripts/reference-openclaw.mjs';
import { createAppCore, type AppCore } from '../app-core';
import { systemClock } from '../clock';
import type { NotificationRequest } from '../context';
import { updateConfig } from '../openclaw/config-file';
import { makeTempDir, seededSettings } from '../../testing/test-support';
import { seededRandom } from '../../testing/seeded-random';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
/** Expiries stay this far from a boundary, so the seconds between the app's look and OpenClaw's cannot flip one. */
const MARGIN = 10 * M;

type Bucket = 'past' | 'within-1h' | 'within-24h' | 'beyond';
const RANGES: Record<Bucket, [number, number]> = {
  past: [-30 * D, -MARGIN],
  'within-1h': [MARGIN, H - MARGIN],
  'within-24h': [H + MARGIN, D - MARGIN],
  beyond: [D + MARGIN, 60 * D],
};

interface Written {
  profileId: string;
  bucket: Bucket;
  expiresAt: number;
}

const root = makeTempDir('clawtray-expiry-conformance-');
const REFERENCE_ENTRY = path.join(CACHE_DIR, `openclaw-${REFERENCE_VERSION}`, 'node_modules', 'openclaw', 'openclaw.mjs');
afterAll(() => root.cleanup());
const stateDir = path.join(root.dir, 'state');
const home = path.join(root.dir, 'home');
const dataDir = path.join(root.dir, 'data');
const seed = Number(process.env.CLAWTRAY_EXPIRY_SEED ?? Date.now() % 1_000_000);

const result = {} as { written: Written[]; app: AuthStatus; alerts: Alert[]; shown: NotificationRequest[]; theirs: Map<string, { type: string; status: string }> };

function core(now: () => number, shown: NotificationRequest[] = []): AppCore {
  return createAppCore({
    shell: 'web',
    version: '0.0.0-conformance',
    dataDir,
    stateDirOverride: stateDir,
    env: {},
    homeDir: home,
    clock: { ...systemClock, now },
    notifier: { show: (n) => shown.push(n) },
    // The reference install is where the app finds OpenClaw (with none found, nothing is saved).
    settingsBackend: seededSettings(dataDir, { openclawPath: REFERENCE_ENTRY }),
  });
}

async function ok(c: AppCore, channel: string, input: unknown): Promise<any> {
  const r = await c.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

beforeAll(async () => {
  const ref = await ensureReferenceOpenClaw();
  fs.mkdirSync(home, { recursive: true });
  await updateConfig(path.join(stateDir, 'openclaw.json'), (cfg) => {
    cfg.logging = { file: path.join(root.dir, 'openclaw.log') };
  });
  const rand = seededRandom(seed);
  const buckets = (Object.keys(RANGES) as Bucket[]).flatMap((b) => [b, b, b]);
  const plan = buckets.map((bucket, i) => {
    const [lo, hi] = RANGES[bucket];
    let offset = Math.round(lo + rand() * (hi - lo));
    while (Math.abs(offset - 7 * D) < MARGIN) offset = Math.round(lo + rand() * (hi - lo));
    return { bucket, offset, i };
  });

  // The flows refuse a date already past, so expired tokens are written by a core whose clock runs a month behind.
  const written: Written[] = [];
  const write = async (c: AppCore, p: (typeof plan)[number], expiresAt: number) => {
    const name = `p${p.i}`;
    const input =
      p.i % 2 === 0
        ? ['auth:saveSetupToken', { token: `sk-ant-oat01-${String.fromCharCode(65 + (p.i % 26)).repeat(84)}`, profileName: name, expiresAt }]
        : ['auth:saveToken', { provider: 'openrouter', token: `sk-or-v1-${String.fromCharCode(65 + (p.i % 26)).repeat(48)}`, profileName: name, expiresAt }];
    const saved = await ok(c, input[0] as string, input[1]);
    written.push({ profileId: saved.profileId, bucket: p.bucket, expiresAt });
  };
  const past = core(() => Date.now() - 31 * D);
  for (const p of plan.filter((x) => x.bucket === 'past')) await write(past, p, Date.now() + p.offset);
  await past.dispose();

  const shown: NotificationRequest[] = [];
  const app = core(() => Date.now(), shown);
  await app.start();
  for (const p of plan.filter((x) => x.bucket !== 'past')) await write(app, p, Date.now() + p.offset);
  await ok(app, 'models:setDefault', { model: 'anthropic/claude-sonnet-4-6' });

  const run = await runOpenClaw(ref, ['models', 'status', '--json'], { env: openclawEnv({ home, stateDir }), cwd: home, timeoutMs: 120_000 });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`openclaw models status printed no JSON (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  const status = JSON.parse(run.stdout.slice(start));
  result.theirs = new Map(status.auth.oauth.profiles.map((p: any) => [p.profileId, p]));
  result.app = await ok(app, 'auth:status', {});
  result.alerts = (await ok(app, 'alerts:list', {})).alerts;
  result.shown = shown;
  result.written = written;
  await app.dispose();
}, 600_000);

describe(`expiry equivalence with the reference OpenClaw (seed ${seed})`, () => {
  it('gives every profile written with a random expiry the same type and status as models status', () => {
    expect(result.written).toHaveLength(12);
    for (const w of result.written) {
      const mine = result.app.profiles.find((p) => p.id === w.profileId);
      const theirs = result.theirs.get(w.profileId);
      expect({ id: w.profileId, bucket: w.bucket, type: mine?.type, status: mine?.status }).toEqual({
        id: w.profileId,
        bucket: w.bucket,
        type: theirs?.type,
        status: theirs?.status,
      });
    }
    const expected: Record<Bucket, string> = { past: 'expired', 'within-1h': 'expiring', 'within-24h': 'expiring', beyond: 'ok' };
    for (const w of result.written) expect([w.profileId, result.theirs.get(w.profileId)?.status]).toEqual([w.profileId, expected[w.bucket]]);
  });

  it('alerts every profile at the stage that agrees with OpenClaw, once, and nothing else', () => {
    for (const w of result.written) {
      const alert = result.alerts.find((a) => a.profileId === w.profileId);
      const theirs = result.theirs.get(w.profileId)!.status;
      const stage = alert ? (alert.kind === 'expired' ? 'expired' : alert.thresholdMs) : 'none';
      const remaining = w.expiresAt - Date.now();
      const agrees =
        theirs === 'expired' ? stage === 'expired' : theirs === 'expiring' ? stage === D || stage === H : stage === 'none' || stage === 7 * D;
      expect({ id: w.profileId, theirs, stage, agrees }).toEqual({ id: w.profileId, theirs, stage, agrees: true });
      if (w.bucket === 'within-1h') expect(stage).toBe(H);
      if (w.bucket === 'within-24h') expect(stage).toBe(D);
      if (w.bucket === 'beyond') expect(stage).toBe(remaining <= 7 * D ? 7 * D : 'none');
    }
    expect(result.shown.map((n) => n.id).sort()).toEqual(result.alerts.map((a) => a.id).sort());
    expect(result.alerts.filter((a) => a.inUse).every((a) => a.provider === 'anthropic')).toBe(true);
  });
});
