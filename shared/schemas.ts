/**
 * Field validators shared by the renderer's forms and main's handlers, so that a value the form accepts is
 * exactly a value main accepts. Each rule mirrors what OpenClaw itself accepts (see openclaw-reference.md).
 */
import { z } from 'zod';
import { isReservedId, RESERVED_ID_MESSAGE } from './own-keys';

/** Control characters and line breaks: never valid inside a secret, an id or a `.env` value. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Agent ids as OpenClaw stores them: lower-case, used as a folder name, so no dots or slashes. */
export const AgentId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use 1-64 lower-case letters, digits, "-" or "_".')
  .refine((s) => !isReservedId(s), RESERVED_ID_MESSAGE);

/** Provider ids (`anthropic`, `openrouter`, `cloudflare-ai-gateway`). */
export const ProviderId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and "-".')
  .refine((s) => !isReservedId(s), RESERVED_ID_MESSAGE);

/** The name half of a profile id (`anthropic:<name>`). */
export const ProfileName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'Use lower-case letters, digits, ".", "_" or "-".')
  .refine((s) => !isReservedId(s), RESERVED_ID_MESSAGE);

/** A full profile id, `<provider>:<name>`. */
export const ProfileId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9._-]{0,63}$/, 'Expected a profile id like "anthropic:default".')
  .refine((s) => !s.split(':').some(isReservedId), RESERVED_ID_MESSAGE);

/** A model reference, `<provider>/<model>`. */
export const ModelRef = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\/[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'Expected a model like "anthropic/claude-sonnet-4-6".');

/** Any pasted secret: trimmed, non-empty, single line, no spaces inside, bounded. */
export const Secret = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(16384, 'Too long.')
  .refine((s) => !CONTROL.test(s) && !/\s/.test(s), 'Must be a single value without spaces or line breaks.');

/** A Claude subscription setup-token, validated as OpenClaw does: prefix and at least 80 characters. */
export const SetupToken = Secret.refine((s) => s.startsWith('sk-ant-oat01-'), 'A setup-token starts with "sk-ant-oat01-".').refine(
  (s) => s.length >= 80,
  'A setup-token is at least 80 characters long; check that it was copied whole.',
);

/** Cloudflare account id: 32 hexadecimal characters. */
export const CloudflareAccountId = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{32}$/, 'An account id is 32 hexadecimal characters (Cloudflare dashboard, Account Home).');

/** Cloudflare AI Gateway id: the slug chosen in the dashboard. */
export const CloudflareGatewayId = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,64}$/, 'A gateway id is 1-64 lower-case letters, digits, "-" or "_".');

/** An expiry in Unix epoch milliseconds, as OpenClaw stores `expires`. */
export const EpochMs = z.number().int().positive().finite();

/** `.env` keys, as shells and dotenv accept them. */
export const EnvKey = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'Use upper-case letters, digits and "_", not starting with a digit.');

/** `.env` values: anything on one line, without NUL. */
export const EnvValue = z
  .string()
  .max(1024 * 1024, 'Too long.')
  .refine((s) => !/[\u0000\r\n]/.test(s), 'A value cannot contain line breaks or NUL characters.');

/** A TCP port the gateway may listen on. */
export const Port = z.number().int().min(1024).max(65535);
