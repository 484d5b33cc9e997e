/**
 * Field validators shared by the renderer's forms and main's handlers, so that a value the form accepts is
 * exactly a value main accepts. Each rule mirrors what OpenClaw itself accepts (see openclaw-reference.md). Their
 * messages are translation keys (`shared/message-keys.ts`), never sentences: the window words them.
 */
import { z } from 'zod';
import type { ValidationKey } from './message-keys';
import { isReservedId } from './own-keys';

/** A schema message: always a translation key, checked at compile time. */
const key = (k: ValidationKey): ValidationKey => k;

/** Control characters and line breaks: never valid inside a secret, an id or a `.env` value. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Agent ids as OpenClaw stores them: lower-case, used as a folder name, so no dots or slashes. */
export const AgentId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, key('validation.agentId'))
  .refine((s) => !isReservedId(s), key('validation.reservedId'));

/** Provider ids (`anthropic`, `openrouter`, `cloudflare-ai-gateway`). */
export const ProviderId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, key('validation.providerId'))
  .refine((s) => !isReservedId(s), key('validation.reservedId'));

/** The name half of a profile id (`anthropic:<name>`). */
export const ProfileName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, key('validation.profileName'))
  .refine((s) => !isReservedId(s), key('validation.reservedId'));

/** A full profile id, `<provider>:<name>`. */
export const ProfileId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9._-]{0,63}$/, key('validation.profileId'))
  .refine((s) => !s.split(':').some(isReservedId), key('validation.reservedId'));

/** A model reference, `<provider>/<model>`; the model part may hold a slash itself (`openrouter/anthropic/claude-sonnet-4.6`). */
export const ModelRef = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\/[A-Za-z0-9](?:[A-Za-z0-9._:@/-]{0,126}[A-Za-z0-9._:@-])?$/, key('validation.modelRef'));

/** A default model's fallbacks, in the order OpenClaw tries them: model refs, each once, at most 16. */
export const FallbackList = z
  .array(ModelRef)
  .max(16)
  .refine((refs) => new Set(refs).size === refs.length, key('validation.duplicateModel'));

/** Any pasted secret: trimmed, non-empty, single line, no spaces inside, bounded. */
export const Secret = z
  .string()
  .trim()
  .min(1, key('validation.missing.field'))
  .max(16384, key('validation.tooLong'))
  .refine((s) => !CONTROL.test(s) && !/\s/.test(s), key('validation.singleValue'));

/** A Claude subscription setup-token, validated as OpenClaw does: prefix and at least 80 characters. */
export const SetupToken = Secret.refine((s) => s.startsWith('sk-ant-oat01-'), key('validation.setupTokenPrefix')).refine(
  (s) => s.length >= 80,
  key('validation.setupTokenLength'),
);

/** Cloudflare account id: 32 hexadecimal characters. */
export const CloudflareAccountId = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{32}$/, key('validation.accountId'));

/** Cloudflare AI Gateway id: the slug chosen in the dashboard. */
export const CloudflareGatewayId = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,64}$/, key('validation.gatewayId'));

/** An expiry in Unix epoch milliseconds, as OpenClaw stores `expires`. */
export const EpochMs = z.number().int().positive().finite();

/** `.env` keys, as shells and dotenv accept them. */
export const EnvKey = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, key('validation.envKey'));

/** `.env` values: anything on one line, without NUL. */
export const EnvValue = z
  .string()
  .max(1024 * 1024, key('validation.tooLong'))
  .refine((s) => !/[\u0000\r\n]/.test(s), key('validation.envValue'));

/** A TCP port the gateway may listen on. */
export const Port = z.number().int().min(1024, key('validation.port')).max(65535, key('validation.port'));
