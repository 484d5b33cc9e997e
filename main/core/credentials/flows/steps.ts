/**
 * What every credential flow shares: its context, the step runner (`check -> credential -> env -> config`, then
 * `backups` for a removal; a
 * failure names `details.step` and `details.done`), field parsing, and the preflight that reads every file or store
 * a flow will write before anything is written.
 */
import type { z } from 'zod';
import { fieldErrorOf } from '../../../../shared/field-errors';
import { AgentId } from '../../../../shared/schemas';
import { CoreError } from '../../errors';
import { readConfig } from '../../openclaw/config-file';
import { readEnvFile } from '../../openclaw/env-file';
import type { OpenClawPaths } from '../../openclaw/paths';
import type { CredentialBackend, CredentialRecord, CredentialSnapshot, WriteOutcome } from '../backend';
import { unknownProfile } from '../credential-errors';

/** What flows need from the app: where OpenClaw's files are, the time, and the credential backend. */
export interface FlowContext {
  paths: OpenClawPaths;
  now(): number;
  backend: CredentialBackend;
}

/** What a flow wrote, for the confirmation message. */
export interface SaveResult {
  profileId: string;
  agentId: string;
  files: string[];
}

/** The steps a flow goes through, named in errors (the window words them: `errors.step.<step>`). */
export type FlowStep = 'check' | 'credential' | 'env' | 'config' | 'backups';

/**
 * Runs steps in order. A failure keeps its own code, key and fields, and gains the failed step (a parameter and
 * `details.step`) and the completed ones (`details.done`); anything not a `CoreError` becomes `INTERNAL`.
 */
export class StepRunner {
  readonly done: FlowStep[] = [];
  readonly files: string[] = [];

  async run<T>(step: FlowStep, fn: () => Promise<T>): Promise<T> {
    try {
      const value = await fn();
      this.done.push(step);
      return value;
    } catch (err) {
      const e = err instanceof CoreError ? err : new CoreError('INTERNAL', 'errors.unexpected', { cause: err });
      const details = { ...e.details, step, done: this.done.join(',') };
      throw new CoreError(e.code, e.key, { params: { ...e.params, step }, ...(e.fields ? { fields: e.fields } : {}), details, cause: err });
    }
  }

  /** Runs a writing step and records the files it reports. */
  async write<T extends WriteOutcome>(step: FlowStep, fn: () => Promise<T>): Promise<T> {
    const outcome = await this.run(step, fn);
    for (const file of outcome.files) if (!this.files.includes(file)) this.files.push(file);
    return outcome;
  }
}

/** Parses one field with its schema, or throws `VALIDATION` naming the field. */
export function field<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new CoreError('VALIDATION', 'errors.fields', { fields: { [name]: fieldErrorOf(r.error.issues[0]!, name, value) } });
  return r.data;
}

/**
 * Validates the agent id and reads what the flow may write: `openclaw.json` (a broken one stops the flow), the
 * agent's credentials through the backend's check (unknown agent, unreadable store), and `.env` when asked.
 */
export async function preflight(ctx: FlowContext, agentId: string | undefined, opts: { env?: boolean } = {}) {
  const id = field(AgentId, agentId ?? 'main', 'agentId');
  const { config } = await readConfig(ctx.paths.configPath, { now: ctx.now() });
  const snapshot = await ctx.backend.check(id);
  if (opts.env) await readEnvFile(ctx.paths.envPath);
  return { agentId: id, config, snapshot };
}

/** The snapshot's record `profileId`, or `NOT_FOUND` naming the profile on the field `fieldName`. */
export function requireProfile(snapshot: CredentialSnapshot, profileId: string, fieldName = 'profileId'): CredentialRecord {
  const record = snapshot.profiles.find((p) => p.id === profileId);
  if (!record) throw unknownProfile(snapshot.agentId, profileId, fieldName);
  return record;
}

