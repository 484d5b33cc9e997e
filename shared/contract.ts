/**
 * The one contract between the renderer and main: every invoke channel with the zod schema of its input and of
 * its output, and every event with the schema of its payload. Types are inferred from these schemas; nothing is
 * declared twice. Main parses every input with these schemas, whichever shell carried it.
 */
import { z } from 'zod';
import {
  AgentId,
  CloudflareAccountId,
  CloudflareGatewayId,
  EnvKey,
  EnvValue,
  EpochMs,
  FallbackList,
  ModelRef,
  Port,
  ProfileId,
  ProfileName,
  ProviderId,
  Secret,
  SetupToken,
} from './schemas';
import { isReservedId, RESERVED_ID_MESSAGE } from './own-keys';

// ---------------------------------------------------------------------------------------------------------------
// Result envelope

/** Closed set of error codes; the renderer turns each into words. */
export const ErrorCode = z.enum(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'CORRUPT_FILE', 'LOCKED', 'GATEWAY', 'FORBIDDEN', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Values a translated sentence may show: ids, paths, counts, a step's name. Never a secret: main puts only what it
 * would also write to its log.
 */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParams>;

/**
 * One field's problem, as a translation key (`validation.*`, or one of the window's own) and its parameters: the
 * window words it in the user's language, never main.
 */
export const FieldError = z.object({ key: z.string().min(1).max(128), params: MessageParams.optional() });
export type FieldError = z.infer<typeof FieldError>;

/**
 * What a failed invoke carries. `code` is the kind of problem (the window's title and next step), `key` + `params`
 * the sentence saying what happened (a key the window has no words for falls back to a sentence per code),
 * `message` the same in English for logs only (the window never shows it), `fields` a `FieldError` per form
 * field, `details` data about where it happened (`path`, `step`, `done`, `copy`, ...).
 */
export const AppErrorShape = z.object({
  code: ErrorCode,
  key: z.string().min(1).max(128),
  params: MessageParams.optional(),
  message: z.string(),
  fields: z.record(z.string(), FieldError).optional(),
  details: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** Invokes never throw across the boundary: they resolve to this envelope. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

// ---------------------------------------------------------------------------------------------------------------
// Shared shapes

/** Channels without input accept `{}` (the preload sends `{}` when called with nothing). */
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const AgentSelector = z.object({ agentId: AgentId.optional() }).strict();
/** An alert id as a client sends it back: never a name that reaches an object's prototype. */
const AlertId = z.string().min(1).max(512).refine((s) => !isReservedId(s), RESERVED_ID_MESSAGE);

/**
 * The OpenClaw install credentials go to: its version (from its package.json; null when none was found, and then
 * nothing is saved), the backend that serves it (`profiles-file` up to 2026.5, `openclaw-managed` from 2026.6),
 * and what the window must do differently for that backend.
 */
export const OpenClawInfo = z.object({
  version: z.string().nullable(),
  backend: z.enum(['profiles-file', 'openclaw-managed']).nullable(),
  capabilities: z.object({
    /** Agents read shared credentials they do not own: the list marks them inherited. */
    inheritsSharedCredentials: z.boolean(),
    /** "Copy to another agent" is "Give this agent its own copy": the user pastes the secret again. */
    copyIsRepaste: z.boolean(),
    /** Removing a credential an agent only inherits removes it for every agent: warn and name them. */
    removeFromInheritingAgentRemovesForAll: z.boolean(),
    /** A save takes seconds (OpenClaw's CLI): the form says what it is doing. */
    slowWrites: z.boolean(),
  }),
});
export type OpenClawInfo = z.infer<typeof OpenClawInfo>;

export const AppInfo = z.object({
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  stateDir: z.string(),
  configPath: z.string(),
  agentId: z.string(),
  /** The name and kind of OpenClaw's background service for this state dir, for "Who runs the gateway". */
  gatewayService: z.object({ name: z.string(), kind: z.enum(['launchd', 'systemd', 'schtasks']) }).optional(),
  openclaw: OpenClawInfo.optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const GatewayStatus = z.enum(['not-installed', 'stopped', 'starting', 'running', 'ready', 'stopping', 'crashed', 'failed', 'external']);
export type GatewayStatus = z.infer<typeof GatewayStatus>;

/**
 * Why a gateway is `failed`. The `service-*` reasons are about OpenClaw's background service: it keeps restarting a
 * crashing gateway, one of its commands failed (OpenClaw's message in `message`), or it is not installed.
 */
export const GatewayFailReason = z.enum([
  'config',
  'crash-loop',
  'port-in-use',
  'spawn-error',
  'node-missing',
  'not-installed',
  'unknown',
  'service-crash-loop',
  'service-command',
  'service-missing',
]);

/** Where OpenClaw was found (or everywhere it was looked for). */
export const GatewayInstallation = z.object({
  openclawPath: z.string().nullable(),
  nodePath: z.string().nullable(),
  version: z.string().nullable(),
  source: z.enum(['settings', 'path', 'login-shell', 'well-known', 'app']).nullable(),
  searched: z.array(z.string()),
});
export type GatewayInstallation = z.infer<typeof GatewayInstallation>;

/**
 * Who runs the gateway: this run of the app (`app`), an earlier run that left it running and was re-owned
 * (`app-earlier`), OpenClaw's own background service (`service`), or someone else (`other`, never touched).
 */
export const GatewayOwner = z.enum(['app', 'app-earlier', 'service', 'other']);
export type GatewayOwner = z.infer<typeof GatewayOwner>;

export const GatewayState = z.object({
  status: GatewayStatus,
  port: Port,
  owned: z.boolean(),
  owner: GatewayOwner.optional(),
  pid: z.number().int().optional(),
  version: z.string().optional(),
  startedAt: EpochMs.optional(),
  degraded: z.boolean().optional(),
  restartAt: EpochMs.optional(),
  crashCount: z.number().int().optional(),
  reason: GatewayFailReason.optional(),
  /** The same as `detail` in English, for logs and diagnostics; the window shows `detail` in the user's language. */
  message: z.string().optional(),
  /** What this state says beyond status and reason, as a translation key (`gateway.detail.*`) and its parameters. */
  detail: z.object({ key: z.string().min(1).max(128), params: MessageParams.optional() }).optional(),
  lastStderr: z.array(z.string()).optional(),
  portHolder: z.object({ pid: z.number().int().optional(), command: z.string().optional() }).optional(),
  /** With `port-in-use`: the next port that was free when the failure was seen ("Use port N"). */
  suggestedPort: Port.optional(),
  /** With `config`: the keys OpenClaw refused in its "Invalid config" report (redacted), and the file it read. */
  configIssues: z.array(z.object({ path: z.string(), message: z.string() })).max(50).optional(),
  configFile: z.string().optional(),
  installation: GatewayInstallation.optional(),
  logFile: z.string().optional(),
  /** OpenClaw's background service, when it runs (or should run) the gateway: its name, manager and whether it is set up. */
  service: z.object({ name: z.string(), manager: z.string().optional(), installed: z.boolean(), loaded: z.boolean() }).optional(),
});
export type GatewayState = z.infer<typeof GatewayState>;

export const LogLine = z.object({
  seq: z.number().int(),
  ts: EpochMs,
  stream: z.enum(['stdout', 'stderr', 'app']),
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Why an install failed, for the window's words: each says what to do next. */
export const InstallFailure = z.enum(['npm-missing', 'node-unavailable', 'node-download', 'npm-cli-missing', 'npm-failed', 'incomplete', 'busy']);
export type InstallFailure = z.infer<typeof InstallFailure>;

/**
 * "Install for me" (`install`: OpenClaw where none is found) or "Update OpenClaw" (`update`: the current release
 * beside an older one, then the import). `step`: npm is installing the Node.js package (`node`) or OpenClaw
 * (`openclaw`). `message` is the same in English, for the log. `nodeRange`: the Node.js OpenClaw needs, named when
 * the app cannot install one for this computer.
 */
export const InstallProgress = z.object({
  phase: z.enum(['idle', 'running', 'done', 'failed', 'cancelled']),
  mode: z.enum(['install', 'update']).optional(),
  step: z.enum(['prepare', 'node', 'openclaw']).optional(),
  percent: z.number().min(0).max(100).optional(),
  packages: z.number().int().nonnegative().optional(),
  version: z.string().optional(),
  failure: InstallFailure.optional(),
  nodeRange: z.string().optional(),
  /** In English, for the log. */
  message: z.string().optional(),
  command: z.string().optional(),
});
export type InstallProgress = z.infer<typeof InstallProgress>;

/** Why the state folder must be imported into OpenClaw 2026.6+: credential files of <= 2026.5, or a config it rejects. */
export const MigrationReason = z.object({
  kind: z.enum(['legacy-credentials', 'config-rejected']),
  /** The files concerned (each agent's `auth-profiles.json`, or the config). */
  files: z.array(z.string()),
  /** OpenClaw's own words about the config (`meta: Unrecognized key: "lastTouchedAt"`). */
  issues: z.array(z.string()),
});
export type MigrationReason = z.infer<typeof MigrationReason>;

export const MigrationStep = z.enum(['stop-gateway', 'backup', 'switch', 'doctor', 'verify', 'restart-gateway']);
export type MigrationStep = z.infer<typeof MigrationStep>;

/** Why an import failed; each says what to do next. */
export const MigrationFailure = z.enum(['gateway-busy', 'not-found', 'backup-failed', 'switch-failed', 'doctor-failed', 'verify-failed', 'timeout']);
export type MigrationFailure = z.infer<typeof MigrationFailure>;

/**
 * The import of a state folder into OpenClaw 2026.6+ ("Import into OpenClaw"). `phase`: not looked at yet
 * (`unknown`), nothing to import (`clear`), `needed` (see `reasons`), `running` (`step`, `percent`), `done`,
 * `failed` (`failure`, OpenClaw's words in `detail`, whether the backup was put back in `restored`). `version` is the
 * OpenClaw that imports; with `update`, it is a release downloaded beside `fromVersion` that the app switches to
 * once the import succeeded. `leftovers`: the `auth-profiles.json.migrated-*` archives an import leaves (plain-text
 * secrets); `backups`: the dated backups the app made (secrets too), newest first.
 */
export const MigrationState = z.object({
  phase: z.enum(['unknown', 'clear', 'needed', 'running', 'done', 'failed']),
  version: z.string().nullable(),
  update: z.boolean(),
  fromVersion: z.string().nullable().optional(),
  reasons: z.array(MigrationReason),
  step: MigrationStep.optional(),
  percent: z.number().min(0).max(100).optional(),
  failure: MigrationFailure.optional(),
  detail: z.string().optional(),
  restored: z.boolean().optional(),
  backupDir: z.string().optional(),
  gatewayRestarted: z.boolean().optional(),
  leftovers: z.array(z.string()),
  backups: z.array(z.string()),
});
export type MigrationState = z.infer<typeof MigrationState>;

export const ProfileStatus = z.enum(['static', 'ok', 'expiring', 'expired', 'missing', 'cooldown', 'disabled']);
export type ProfileStatus = z.infer<typeof ProfileStatus>;

/**
 * What OpenClaw answered when asked to try a credential (`auth:test`, its `models status --probe` or the gateway's
 * `models.probe`), in plain words: it works, the provider refused it, no network, timed out, rate-limited, a
 * billing problem, no model to try it with, or another failure. `detail` is OpenClaw's own words, redacted.
 */
export const CredentialTestResult = z.enum(['works', 'refused', 'no-network', 'timed-out', 'rate-limited', 'billing', 'no-model', 'failed']);
export type CredentialTestResult = z.infer<typeof CredentialTestResult>;
export const CredentialTest = z.object({
  result: CredentialTestResult,
  testedAt: EpochMs,
  latencyMs: z.number().nonnegative().optional(),
  model: z.string().optional(),
  detail: z.string().max(500).optional(),
  /** OpenClaw rests a credential after a failed request (a test too) until this time: said, not hidden. */
  cooldownUntil: EpochMs.optional(),
});
export type CredentialTest = z.infer<typeof CredentialTest>;

/** One credential as the renderer may see it: masked, never the secret. */
export const ProfileView = z.object({
  id: z.string(),
  provider: z.string(),
  name: z.string(),
  type: z.enum(['api_key', 'token', 'oauth']),
  label: z.string(),
  status: ProfileStatus,
  expiresAt: EpochMs.optional(),
  remainingMs: z.number().optional(),
  until: EpochMs.optional(),
  reason: z.string().optional(),
  source: z.enum(['store', 'ref']),
  /** Whose it is (OpenClaw 2026.6+): the agent's own, inherited from the shared store, or declared in openclaw.json. */
  origin: z.enum(['own', 'inherited', 'config']).optional(),
  email: z.string().optional(),
  displayName: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  /** The last test of this very secret (same masked label) in this run of the app. */
  test: CredentialTest.optional(),
});
export type ProfileView = z.infer<typeof ProfileView>;

export const ConfiguredModel = z.object({ ref: z.string(), name: z.string().optional(), provider: z.string() });

export const AuthStatus = z.object({
  agentId: z.string(),
  agents: z.array(z.string()),
  profiles: z.array(ProfileView),
  order: z.record(z.string(), z.array(z.string())),
  defaultModel: z.string().nullable(),
  defaultProvider: z.string().nullable(),
  defaultModelUsable: z.boolean(),
  missingProvidersInUse: z.array(z.string()),
  envProviders: z.array(z.string()),
  /** Providers with their own key in `openclaw.json` (`models.providers.<id>.apiKey`): usable without any profile. */
  configKeyProviders: z.array(z.string()).optional(),
  models: z.array(ConfiguredModel),
  files: z.object({ authProfiles: z.string(), authState: z.string(), config: z.string(), env: z.string() }),
  problem: AppErrorShape.optional(),
  /** Which OpenClaw and credential backend this status comes from. */
  openclaw: OpenClawInfo.optional(),
  computedAt: EpochMs,
});
export type AuthStatus = z.infer<typeof AuthStatus>;

/**
 * One place a credential's secret is, for the remove dialog (never the value): the credential store itself
 * (`required`: removing means at least this), a `.env` variable holding the same value, a secret in
 * `openclaw.json` that belongs to it (its provider's key or auth header, or the same value anywhere), or a backup
 * copy (`openclaw.json.bak`, `*.corrupt-*`) holding one of those. `name` says what inside `file` (a variable, a
 * config path); `likely` marks a match by the visible ends of the key only (a backend that cannot read it back).
 */
export const SecretPlace = z.object({
  id: z.string().max(1024),
  kind: z.enum(['store', 'env', 'config', 'backup']),
  file: z.string(),
  name: z.string().optional(),
  required: z.boolean(),
  likely: z.boolean().optional(),
  /** The provider this place makes usable on its own (a `.env` variable OpenClaw reads for it, its `apiKey` in config). */
  serves: z.string().optional(),
});
export type SecretPlace = z.infer<typeof SecretPlace>;
/** The state of one model in use, in OpenClaw's words: what `models status` would say of its credential. */
export const ModelRowState = z.enum(['ready', 'expiring', 'cooldown', 'disabled', 'expired', 'missing']);
export type ModelRowState = z.infer<typeof ModelRowState>;

/**
 * The credential that will serve a model: a profile (the first usable one after the order and cooldowns), a key
 * from the environment (`.env` or the app's own environment, by variable name), a key written in `openclaw.json`,
 * or none.
 */
export const ModelCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile'), profileId: z.string(), label: z.string(), type: z.enum(['api_key', 'token', 'oauth']) }),
  z.object({ kind: z.literal('env'), envVar: z.string(), from: z.enum(['env-file', 'environment']) }),
  z.object({ kind: z.literal('config') }),
  z.object({ kind: z.literal('none') }),
]);
export type ModelCredential = z.infer<typeof ModelCredential>;

/** A profile passed over for a model (in cooldown, disabled, expired, missing its secret), with why and until when. */
export const SkippedProfile = z.object({ profileId: z.string(), status: ProfileStatus, until: EpochMs.optional(), reason: z.string().optional() });

/**
 * One model in use by an agent: its role (the default, a fallback, the image model or one of its fallbacks, with
 * its place among them), its provider, the credential that serves it and its state, and the one action that fixes
 * a bad state (`renew` the named profile, `add-credential` for the provider, `wait-or-next`: wait for the cooldown's
 * end or let the next model serve).
 */
export const ModelRow = z.object({
  role: z.enum(['default', 'fallback', 'image', 'image-fallback']),
  position: z.number().int().nonnegative(),
  ref: z.string(),
  provider: z.string(),
  name: z.string().optional(),
  credential: ModelCredential,
  state: ModelRowState,
  expiresAt: EpochMs.optional(),
  until: EpochMs.optional(),
  reason: z.string().optional(),
  skipped: z.array(SkippedProfile),
  action: z.enum(['none', 'renew', 'add-credential', 'wait-or-next']),
  actionProfileId: z.string().optional(),
});
export type ModelRow = z.infer<typeof ModelRow>;

/**
 * Every model an agent uses and one headline, equal to what `openclaw models status --check` says: `ready` (exit 0),
 * `expiring` within 24 h (exit 2), `missing`: a model in use has no usable credential (exit 1). `inheritsDefault`:
 * the agent has no model of its own and uses the global default. `nextChangeAt`: when the view changes with the
 * clock alone (a cooldown's end, a token entering its last 24 h or expiring); the window asks again then.
 */
export const ModelsView = z.object({
  agentId: z.string(),
  inheritsDefault: z.boolean(),
  rows: z.array(ModelRow),
  headline: z.enum(['ready', 'expiring', 'missing']),
  checkExit: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  nextChangeAt: EpochMs.optional(),
  computedAt: EpochMs,
});
export type ModelsView = z.infer<typeof ModelsView>;

/**
 * Models the picker offers: OpenClaw's catalog (`models list --all`: the models whose provider has a credential) and
 * the configured ones (`source: 'config'` while the catalog is not known or OpenClaw cannot list), with names and
 * context sizes. `listing`: a listing is running; the window asks again with `wait` to get it.
 */
export const ModelCatalog = z.object({
  source: z.enum(['openclaw', 'config']),
  models: z.array(z.object({ ref: z.string(), name: z.string().optional(), contextWindow: z.number().optional() })),
  listedAt: EpochMs.optional(),
  listing: z.boolean(),
});
export type ModelCatalog = z.infer<typeof ModelCatalog>;

/**
 * On a credential save: the user chose to replace what is saved under the profile id (Renew, Replace, "Replace it").
 * Without it, a save onto an existing id is refused with a `CONFLICT` naming what is there.
 */
const Replace = z.boolean().optional();
/**
 * On a key save: the user ticked "Save it anyway" for a key that does not have its provider's usual shape
 * (`shared/key-shape.ts`); honoured only where that provider's format is not certain.
 */
const AcceptUnusualKey = z.boolean().optional();

/** What a credential flow wrote, for the confirmation message. */
export const SaveResult = z.object({ profileId: z.string(), agentId: z.string(), files: z.array(z.string()) });

export const EnvEntry = z.object({ key: z.string(), masked: z.string() });

export const Language = z.enum(['system', 'en', 'fr', 'zh-CN', 'zh-TW']);
export type Language = z.infer<typeof Language>;

const HOUR = 3_600_000;
export const DEFAULT_THRESHOLDS_MS = [7 * 24 * HOUR, 24 * HOUR, HOUR];

/** Who runs the gateway: ClawTray (a child of the app) or OpenClaw's own background service. */
export const GatewayOwnerChoice = z.enum(['clawtray', 'service']);
export type GatewayOwnerChoice = z.infer<typeof GatewayOwnerChoice>;

export const Settings = z.object({
  openclawPath: z.string().nullable(),
  gatewayOwner: GatewayOwnerChoice,
  port: Port,
  autoStartGateway: z.boolean(),
  keepGatewayRunning: z.boolean(),
  openAtLogin: z.boolean(),
  thresholdsMs: z.array(z.number().int().positive()).min(1).max(8),
  language: Language,
  agentId: AgentId,
  stopGraceMs: z.number().int().min(0).max(600_000),
  onboardingDone: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  openclawPath: null,
  gatewayOwner: 'clawtray',
  port: 18789,
  autoStartGateway: false,
  keepGatewayRunning: false,
  openAtLogin: false,
  thresholdsMs: DEFAULT_THRESHOLDS_MS,
  language: 'system',
  agentId: 'main',
  stopGraceMs: 15_000,
  onboardingDone: false,
};

/**
 * One thing about a credential the user should know. `threshold` and `expired` come from the profile's expiry and
 * notify once; `cooldown` and `disabled` come from OpenClaw's usage stats, are listed but never notify, and carry
 * the end of that state in `expiresAt` (and OpenClaw's reason in `reason`). `thresholdMs` is 0 except for
 * `threshold`. `inUse`: the profile's provider is the one the default model uses.
 */
export const Alert = z.object({
  id: z.string(),
  agentId: z.string(),
  profileId: z.string(),
  provider: z.string(),
  kind: z.enum(['threshold', 'expired', 'cooldown', 'disabled']),
  thresholdMs: z.number().int().nonnegative(),
  expiresAt: EpochMs,
  raisedAt: EpochMs,
  inUse: z.boolean(),
  snoozedUntil: EpochMs.optional(),
  reason: z.string().optional(),
});
export type Alert = z.infer<typeof Alert>;

// ---------------------------------------------------------------------------------------------------------------
// Channels

/**
 * The question to ask before the app quits while the window holds unsaved changes, in the window's language (the
 * window words it; the shell only shows it). Null: nothing unsaved.
 */
export const LeavePrompt = z
  .object({ title: z.string().min(1).max(200), message: z.string().min(1).max(1000), stay: z.string().min(1).max(100), leave: z.string().min(1).max(100) })
  .strict();
export type LeavePrompt = z.infer<typeof LeavePrompt>;

/** Every invoke channel: `domain:action` -> input and output schemas. */
export const invokeChannels = {
  'app:info': { input: Empty, output: AppInfo },
  'app:setUnsaved': { input: z.object({ prompt: LeavePrompt.nullable() }).strict(), output: Ok },

  'gateway:state': { input: Empty, output: GatewayState },
  'gateway:start': { input: Empty, output: GatewayState },
  'gateway:stop': { input: Empty, output: GatewayState },
  'gateway:restart': { input: Empty, output: GatewayState },
  'gateway:diagnostics': { input: Empty, output: z.object({ text: z.string() }) },
  'gateway:setOwner': { input: z.object({ owner: GatewayOwnerChoice }).strict(), output: GatewayState },
  'gateway:logs': {
    input: z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    output: z.object({ lines: z.array(LogLine), logFile: z.string().optional() }),
  },
  'gateway:install': { input: Empty, output: InstallProgress },
  'gateway:update': { input: Empty, output: InstallProgress },
  'gateway:cancelInstall': { input: Empty, output: InstallProgress },
  /**
   * Opens OpenClaw's own dashboard with the gateway token. The desktop shell opens it in the default browser and
   * answers `opened: true` (the token never reaches the window); the web shell, whose window is already in the
   * user's browser, gets the address back and opens it there.
   */
  'gateway:openDashboard': { input: Empty, output: z.object({ opened: z.boolean(), url: z.string().optional() }) },
  /** "Use port N": checks the port is still free, saves it in settings and starts the gateway there. */
  'gateway:usePort': { input: z.object({ port: Port }).strict(), output: GatewayState },
  /** What restoring `openclaw.json.bak` would change (key paths only), and the fingerprint a restore must name. */
  'gateway:configBackup': {
    input: Empty,
    output: z.object({
      available: z.boolean(),
      backupPath: z.string(),
      currentReadable: z.boolean(),
      changes: z.array(z.object({ path: z.string(), change: z.enum(['added', 'removed', 'changed']) })).max(100),
      more: z.number().int().nonnegative(),
      fingerprint: z.string().optional(),
    }),
  },
  /** Restores `openclaw.json.bak` as shown (the refused file becomes the new `.bak`); the failure is cleared. */
  'gateway:restoreConfig': {
    input: z.object({ fingerprint: z.string().min(1).max(128) }).strict(),
    output: z.object({ keptAs: z.string(), state: GatewayState }),
  },

  'auth:status': { input: AgentSelector, output: AuthStatus },
  'auth:saveAnthropicKey': {
    input: z
      .object({ apiKey: Secret, profileName: ProfileName.optional(), agentId: AgentId.optional(), writeEnv: z.boolean().optional(), replace: Replace, acceptUnusualKey: AcceptUnusualKey })
      .strict(),
    output: SaveResult,
  },
  'auth:saveSetupToken': {
    input: z
      .object({ token: SetupToken, expiresAt: EpochMs.optional(), profileName: ProfileName.optional(), agentId: AgentId.optional(), replace: Replace })
      .strict(),
    output: SaveResult,
  },
  'auth:saveCloudflare': {
    input: z
      .object({
        accountId: CloudflareAccountId,
        gatewayId: CloudflareGatewayId,
        apiKey: Secret,
        gatewayAuthToken: Secret.optional(),
        agentId: AgentId.optional(),
        setDefaultModel: z.boolean().optional(),
        writeEnv: z.boolean().optional(),
        replace: Replace,
        acceptUnusualKey: AcceptUnusualKey,
      })
      .strict(),
    output: SaveResult,
  },
  'auth:saveToken': {
    input: z
      .object({
        provider: ProviderId,
        token: Secret,
        expiresAt: EpochMs.optional(),
        profileName: ProfileName.optional(),
        agentId: AgentId.optional(),
        replace: Replace,
        acceptUnusualKey: AcceptUnusualKey,
      })
      .strict(),
    output: SaveResult,
  },
  'auth:secretPlaces': { input: z.object({ profileId: ProfileId, agentId: AgentId.optional() }).strict(), output: z.object({ places: z.array(SecretPlace) }) },
  'auth:removeProfile': {
    /** `places`: the ids (from `auth:secretPlaces`) to clear besides the store; every place when omitted. */
    input: z.object({ profileId: ProfileId, agentId: AgentId.optional(), places: z.array(z.string().max(1024)).max(256).optional() }).strict(),
    /** `gatewayRestartAdvised`: a `.env` key went and a running gateway still has it (it reads `.env` only at start). */
    output: z.object({ ok: z.literal(true), gatewayRestartAdvised: z.boolean() }),
  },
  'auth:setOrder': {
    input: z.object({ provider: ProviderId, order: z.array(ProfileId).max(256), agentId: AgentId.optional() }).strict(),
    output: Ok,
  },
  'auth:copyProfile': {
    input: z.object({ profileId: ProfileId, toAgentId: AgentId, fromAgentId: AgentId.optional() }).strict(),
    output: SaveResult,
  },
  /** Asks OpenClaw to try one credential with a tiny request to its provider (seconds to a minute). */
  'auth:test': { input: z.object({ profileId: ProfileId, agentId: AgentId.optional() }).strict(), output: CredentialTest },
  'models:setDefault': { input: z.object({ model: ModelRef }).strict(), output: Ok },
  'models:status': { input: AgentSelector, output: ModelsView },
  'models:catalog': { input: z.object({ refresh: z.boolean().optional(), wait: z.boolean().optional() }).strict(), output: ModelCatalog },
  /** The default model's fallbacks, in the order OpenClaw tries them (the global default's, which agents inherit). */
  'models:setFallbacks': {
    input: z.object({ fallbacks: FallbackList }).strict(),
    output: Ok,
  },

  'env:list': { input: Empty, output: z.object({ path: z.string(), entries: z.array(EnvEntry) }) },
  'env:set': { input: z.object({ key: EnvKey, value: EnvValue }).strict(), output: Ok },
  'env:unset': {
    input: z.object({ key: EnvKey }).strict(),
    /** `gatewayRestartAdvised`: a running gateway still has the removed value (it reads `.env` only at start). */
    output: z.object({ ok: z.literal(true), gatewayRestartAdvised: z.boolean() }),
  },

  'settings:get': { input: Empty, output: Settings },
  'settings:update': { input: Settings.partial().strict(), output: Settings },

  'alerts:list': { input: Empty, output: z.object({ alerts: z.array(Alert) }) },
  'alerts:snooze': {
    input: z.object({ id: AlertId, until: z.union([EpochMs, z.literal('next-threshold')]) }).strict(),
    output: Ok,
  },
  'alerts:dismiss': { input: z.object({ id: AlertId }).strict(), output: Ok },

  'migration:state': { input: Empty, output: MigrationState },
  'migration:start': { input: Empty, output: MigrationState },
  'migration:deleteCopies': {
    input: z
      .object({ leftovers: z.array(z.string().min(1).max(4096)).max(256), backups: z.array(z.string().min(1).max(4096)).max(256) })
      .strict(),
    output: MigrationState,
  },
  'migration:discardUpdate': { input: Empty, output: MigrationState },
} as const;

/**
 * Asks the renderer to show a view, e.g. `{ view: 'renew', profileId, agentId }`, when the user clicks a
 * notification or a tray item. Sent by the shell (not core) after it has shown the window.
 */
export const NavigateRequest = z.object({ view: z.string().min(1).max(64) }).catchall(z.string().max(512));
export type NavigateRequest = z.infer<typeof NavigateRequest>;

/** Every event main pushes to the renderer, with its payload schema. */
export const eventChannels = {
  'gateway:state': GatewayState,
  'gateway:log': z.object({ lines: z.array(LogLine) }),
  'gateway:install': InstallProgress,
  'auth:status': AuthStatus,
  /** An agent's models view, whenever it changes (credentials, order, cooldowns, config, `.env`). */
  'models:changed': ModelsView,
  'alerts:changed': z.object({ alerts: z.array(Alert) }),
  'migration:state': MigrationState,
  'app:navigate': NavigateRequest,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
/** What a caller passes (before defaults and trimming). */
export type InputOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['input']>;
export type OutputOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

/** Type guard for a channel name that arrived over a transport. */
export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeChannels, name);
}
