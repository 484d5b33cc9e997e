/**
 * What OpenClaw's gateway answers to the methods the app calls (checked against the real 2026.9.6 gateway, samples
 * in `reference/openclaw-samples/2026.9.6/gateway-call-*.json`). Each answer is parsed before use, so a gateway
 * that answers something else fails with a clear INTERNAL error instead of a wrong status on screen. Only the keys
 * the app reads are required; everything else OpenClaw adds is kept but ignored.
 */
import { z } from 'zod';

/** When a credential expires: epoch ms (`at`) and what was left when the gateway answered. */
export const RpcExpiry = z.looseObject({ at: z.number(), remainingMs: z.number().optional(), label: z.string().optional() });

/** One profile of a provider in `models.authStatus`. `source` says whether the agent has its own copy. */
export const RpcProfileStatus = z.looseObject({
  profileId: z.string().min(1),
  type: z.string(),
  status: z.string(),
  /** `saved` (the agent's own), `inherited` (the shared store), `config` (bound from openclaw.json), `external`. */
  source: z.string().optional(),
  reasonCode: z.string().optional(),
  expiry: RpcExpiry.optional(),
  logoutSupported: z.boolean().optional(),
  displayName: z.string().optional(),
  email: z.string().optional(),
});
export type RpcProfileStatus = z.infer<typeof RpcProfileStatus>;

/** One provider in `models.authStatus`: its rolled-up status, its profiles, and the order in force. */
export const RpcProviderStatus = z.looseObject({
  provider: z.string().min(1),
  authProvider: z.string().optional(),
  displayName: z.string().optional(),
  status: z.string(),
  expiry: RpcExpiry.optional(),
  profiles: z.array(RpcProfileStatus),
  profileOrder: z.array(z.string()).nullable().optional(),
  /** Set while `openclaw.json` decides the order (`auth-config`) or a provider entry binds it (`provider-config`). */
  profileOrderLocked: z.string().optional(),
  profileOrderStored: z.boolean().optional(),
  /** A key found outside the stores, e.g. `{source: "env", envVar: "ANTHROPIC_API_KEY"}`. */
  apiKey: z.looseObject({ source: z.string(), envVar: z.string().optional() }).optional(),
});
export type RpcProviderStatus = z.infer<typeof RpcProviderStatus>;

/** `models.authStatus {agentId?, refresh?}`. `unavailable` while the gateway is still preparing its model catalog. */
export const RpcAuthStatus = z.looseObject({
  ts: z.number(),
  providers: z.array(RpcProviderStatus),
  unavailable: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});
export type RpcAuthStatus = z.infer<typeof RpcAuthStatus>;

/** `models.authSetApiKey {provider, apiKey, agentId?}`: which profile now holds the key. */
export const RpcSetApiKeyResult = z.looseObject({ provider: z.string(), profileId: z.string().min(1), warning: z.string().optional() });
export type RpcSetApiKeyResult = z.infer<typeof RpcSetApiKeyResult>;

/** `models.authLogout {provider, profileIds?, agentId?}`: what was removed. */
export const RpcLogoutResult = z.looseObject({ provider: z.string(), removedProfiles: z.array(z.string()), warning: z.string().optional() });
export type RpcLogoutResult = z.infer<typeof RpcLogoutResult>;

/** `models.authOrderSet {provider, profileIds?, agentId?}`: the order now stored (null: cleared). */
export const RpcOrderSetResult = z.looseObject({ provider: z.string(), profileIds: z.array(z.string()).nullable() });
export type RpcOrderSetResult = z.infer<typeof RpcOrderSetResult>;

/** `config.get {}`: the hash a `config.patch` must name, and whether OpenClaw accepts the file as it is. */
export const RpcConfigSnapshot = z.looseObject({ hash: z.string().min(1), valid: z.boolean(), exists: z.boolean().optional() });
export type RpcConfigSnapshot = z.infer<typeof RpcConfigSnapshot>;

/** `config.patch {raw, baseHash}`: the new hash and the paths the gateway changed (applied without a restart). */
export const RpcConfigPatchResult = z.looseObject({ ok: z.literal(true), hash: z.string().optional(), changedPaths: z.array(z.string()).optional() });
export type RpcConfigPatchResult = z.infer<typeof RpcConfigPatchResult>;

/** One target of a `models.probe`: a profile (or a config/env credential) and how the tiny request went. */
export const RpcProbeTarget = z.looseObject({
  profileId: z.string().optional(),
  label: z.string().optional(),
  status: z.string(),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});
/**
 * `models.probe {provider, profileId?, agentId?, timeoutMs? (5..60 s)}` (2026.9.6, operator.admin): the provider's
 * rolled-up status (`ok`, `auth`, `billing`, `rate_limit`, `timeout`, `format`, `no_model`, `unknown`) and each target's.
 */
export const RpcProbeResult = z.looseObject({
  provider: z.string(),
  status: z.string(),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
  results: z.array(RpcProbeTarget),
});
export type RpcProbeResult = z.infer<typeof RpcProbeResult>;
