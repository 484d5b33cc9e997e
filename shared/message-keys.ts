/**
 * The translation keys that cross the boundary. Main never sends a sentence for the window to show: a field error
 * is a `validation.*` key and a failed invoke an `errors.*` key, each with parameters, and the window words them
 * in the user's language (`shared/i18n/ui/<lang>.json`). Listing the keys here makes a typo a compile error and
 * lets one test check that every key has a sentence in every language.
 */

/** Sentences for one field's problem, shared by the schemas, main's checks and the window's forms. */
export const VALIDATION_KEYS = [
  'validation.agentId',
  'validation.providerId',
  'validation.profileName',
  'validation.profileId',
  'validation.reservedId',
  'validation.modelRef',
  'validation.duplicateModel',
  'validation.tooLong',
  'validation.tooShort',
  'validation.tooBig',
  'validation.tooSmall',
  'validation.tooMany',
  'validation.tooFew',
  'validation.singleValue',
  'validation.setupTokenPrefix',
  'validation.setupTokenLength',
  'validation.accountId',
  'validation.gatewayId',
  'validation.envKey',
  'validation.envValue',
  'validation.envUnquotable',
  'validation.port',
  'validation.wholeNumber',
  'validation.number',
  'validation.choose',
  'validation.invalid',
  'validation.unknownField',
  'validation.unknownAgent',
  'validation.unknownAlert',
  'validation.unknownProfile',
  'validation.sameAgent',
  'validation.orderTwice',
  'validation.orderForeign',
  'validation.oauthCopy',
  'validation.future',
  'validation.noNextThreshold',
  'validation.missing.field',
  'validation.missing.anthropicKey',
  'validation.missing.providerKey',
  'validation.missing.setupToken',
  'validation.missing.token',
  'validation.missing.provider',
  'validation.missing.accountId',
  'validation.missing.gatewayId',
  'validation.missing.agentId',
  'validation.missing.toAgentId',
  'validation.missing.profileId',
  'validation.missing.model',
  'validation.missing.port',
  'validation.missing.envKey',
  'validation.missing.envValue',
  'validation.sharedProfile',
  'validation.profileTaken',
  'validation.repaste',
  'validation.keyShape.anthropicPrefix',
  'validation.keyShape.anthropicLength',
  'validation.keyShape.setupTokenInKeyField',
  'validation.keyShape.cloudflareKey',
  'validation.keyShape.usualPrefix',
  'validation.keyShape.anthropicElsewhere',
] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

/** Sentences for a failed invoke (what `CoreError` carries), beside its code's title and next step. */
export const ERROR_KEYS = [
  'errors.fields',
  'errors.unexpected',
  'errors.channel.unknown',
  'errors.channel.badResult',
  'errors.file.forbidden',
  'errors.file.folderInTheWay',
  'errors.file.diskFull',
  'errors.file.missing',
  'errors.file.failed',
  'errors.file.corrupt',
  'errors.file.corruptNoCopy',
  'errors.file.locked',
  'errors.file.wouldChangeOthers',
  'errors.env.unquotable',
  'errors.agent.unknown',
  'errors.agent.invalid',
  'errors.profile.unknown',
  'errors.profile.oauthCopy',
  'errors.gateway.unknownAgent',
  'errors.gateway.refused',
  'errors.gateway.noAnswer',
  'errors.gateway.unreachable',
  'errors.gateway.badAnswer',
  'errors.gateway.ownerElsewhere',
  'errors.gateway.externalOnPort',
  'errors.gateway.serviceCommand',
  'errors.gateway.serviceMissing',
  'errors.gateway.dashboardUnavailable',
  'errors.gateway.dashboardNotOpened',
  'errors.gateway.portTaken',
  'errors.config.noBackup',
  'errors.config.changedSinceShown',
  'errors.cli.quitting',
  'errors.cli.notInstalled',
  'errors.cli.nodeMissing',
  'errors.cli.spawnFailed',
  'errors.cli.refused',
  'errors.cli.timeout',
  'errors.cli.busy',
  'errors.cli.badOutput',
  'errors.openclaw.missing',
  'errors.managed.sharedProfile',
  'errors.managed.profileTaken',
  'errors.managed.repaste',
  'errors.migration.notACopy',
  'errors.migration.needed',
  'errors.migration.configRejected',
  'errors.credential.exists',
  'errors.alert.unknown',
  'errors.alert.noNextThreshold',
  'errors.alert.snoozePast',
  'errors.request.forbidden',
  'errors.request.foreignSender',
  'errors.request.tooLarge',
  'errors.request.badJson',
  'errors.request.noEndpoint',
  'errors.request.unreachable',
  'errors.request.badAnswer',
] as const;
export type ErrorKey = (typeof ERROR_KEYS)[number];

/**
 * What a gateway state says beyond its status and reason (`GatewayState.detail`): why it failed in this case,
 * when it restarts, who holds the port. State, not errors, so they live under `gateway.detail.*`.
 */
export const GATEWAY_DETAIL_KEYS = [
  'gateway.detail.notInstalled',
  'gateway.detail.nodeMissing',
  'gateway.detail.external',
  'gateway.detail.portHeldBy',
  'gateway.detail.portHeld',
  'gateway.detail.prepareFailed',
  'gateway.detail.spawnFailed',
  'gateway.detail.config',
  'gateway.detail.crashedCode',
  'gateway.detail.crashedSignal',
  'gateway.detail.crashLoopCode',
  'gateway.detail.crashLoopSignal',
  'gateway.detail.serviceMissing',
  'gateway.detail.serviceRunning',
  'gateway.detail.serviceCommand',
  'gateway.detail.serviceLoop',
  'gateway.detail.serviceLoopCode',
] as const;
export type GatewayDetailKey = (typeof GATEWAY_DETAIL_KEYS)[number];

const VALIDATION_KEY_SET: ReadonlySet<string> = new Set(VALIDATION_KEYS);
const ERROR_KEY_SET: ReadonlySet<string> = new Set(ERROR_KEYS);

/** True for a field-error key (a schema's custom message is one). */
export function isValidationKey(s: string): s is ValidationKey {
  return VALIDATION_KEY_SET.has(s);
}

/** True for a flow-error key. */
export function isErrorKey(s: string): s is ErrorKey {
  return ERROR_KEY_SET.has(s);
}
