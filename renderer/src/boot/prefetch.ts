/**
 * What the first screen shows is asked for by the entry point, before React and the screens are even downloaded:
 * app info, settings, the gateway state, the alerts and the auth status of the agent chosen in settings. The app
 * then takes each answer once instead of asking again. An answer is not used if its event (e.g. `auth:status`)
 * arrived before the app took it: the app asks afresh, having subscribed first, so nothing newer is ever lost.
 */
import type { Transport } from '../../../shared/api';
import type { EventChannel, InvokeChannel, Result } from '../../../shared/contract';

/** The first screen's channels and the event that supersedes each answer. */
export const FIRST_SCREEN: readonly { channel: InvokeChannel; event?: EventChannel }[] = [
  { channel: 'app:info' },
  { channel: 'settings:get' },
  { channel: 'gateway:state', event: 'gateway:state' },
  { channel: 'auth:status', event: 'auth:status' },
  { channel: 'alerts:list', event: 'alerts:changed' },
];

interface Entry {
  answer: Promise<Result<unknown>>;
  stale: boolean;
  off: () => void;
}

const entries = new Map<InvokeChannel, Entry>();

/** Sends the first screen's requests now (input `{}`: main's defaults, e.g. the agent chosen in settings). */
export function startPrefetch(transport: Transport, channels = FIRST_SCREEN): void {
  for (const { channel, event } of channels) {
    const entry: Entry = { answer: transport.invoke(channel, {}), stale: false, off: () => undefined };
    if (event) {
      entry.off = transport.subscribe(event, () => {
        entry.stale = true;
      });
    }
    entries.set(channel, entry);
  }
}

/** The early answer for `channel` if one was asked for and not taken yet, without taking it (to look ahead at it). */
export function peekPrefetched<T>(channel: InvokeChannel): Promise<Result<T>> | undefined {
  return entries.get(channel)?.answer as Promise<Result<T>> | undefined;
}

/** The early answer for `channel`, once; undefined if there is none, it was taken, or an event superseded it. */
export function takePrefetched<T>(channel: InvokeChannel): Promise<Result<T>> | undefined {
  const entry = entries.get(channel);
  if (!entry) return undefined;
  entries.delete(channel);
  entry.off();
  return entry.stale ? undefined : (entry.answer as Promise<Result<T>>);
}

/**
 * The early answer for `channel` when it is a success that `accept` takes (e.g. the auth status of the agent now
 * shown), else a fresh one from `fresh`.
 */
export async function prefetchedOr<T>(channel: InvokeChannel, fresh: () => Promise<Result<T>>, accept: (value: T) => boolean = () => true): Promise<Result<T>> {
  const early = takePrefetched<T>(channel);
  const r = early ? await early : undefined;
  return r?.ok && accept(r.value) ? r : fresh();
}
