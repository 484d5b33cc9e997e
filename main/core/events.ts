/**
 * A typed event hub for the contract's events: core modules emit, shells forward to the renderer (IPC or SSE).
 */
import type { EventChannel, EventPayload } from '../../shared/contract';

type AnyListener = (event: EventChannel, payload: unknown) => void;

/** What shells and tests subscribe to. Every `on*` returns its unsubscribe function. */
export interface EventSource {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: AnyListener): () => void;
}

/** The emitting side, kept inside core. */
export interface EventHub extends EventSource {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}

/** Creates a hub; a listener that throws is isolated from the others. */
export function createEventHub(onListenerError: (err: unknown) => void = () => {}): EventHub {
  const listeners = new Set<AnyListener>();
  const add = (l: AnyListener) => {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  };
  return {
    emit(event, payload) {
      for (const l of [...listeners]) {
        try {
          l(event, payload);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    on(event, listener) {
      return add((e, p) => {
        if (e === event) listener(p as never);
      });
    },
    onAny: add,
  };
}
