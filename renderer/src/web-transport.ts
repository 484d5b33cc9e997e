/**
 * In the web shell there is no preload: this transport carries the very same channels over loopback HTTP (invokes
 * as `POST /api/invoke/<channel>`, events from one Server-Sent Events stream), and `web-bridge.ts` builds
 * `window.clawtray` on it, so the renderer cannot tell the shells apart. The bearer token comes from the URL
 * fragment and is kept for the tab's lifetime. No schemas here: the entry point uses it before the app is loaded.
 */
import { createParser } from 'eventsource-parser';
import type { Transport } from '../../shared/api';
import type { EventChannel, Result } from '../../shared/contract';
import type { ErrorKey } from '../../shared/message-keys';

const TOKEN_KEY = 'clawtray.token';

/** Reads `#token=...` once, keeps it in sessionStorage and removes it from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) {
    storage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

/** An answer the transport makes itself: a key the window words, and English for logs (no i18n in the entry point). */
const unreachable = (key: ErrorKey, message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', key, message } });

/** The HTTP transport: fetch for invokes, a fetch-read SSE stream (so the token travels in a header) for events. */
export function createHttpTransport(token: string | null, fetchImpl: typeof fetch = fetch.bind(globalThis)): Transport {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let streaming = false;
  const headers = { authorization: `Bearer ${token ?? ''}` };

  async function stream(): Promise<void> {
    let delay = 500;
    for (;;) {
      try {
        const res = await fetchImpl('/api/events', { headers });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        delay = 500;
        const parser = createParser({
          onEvent(ev) {
            // Only channels someone listens to are parsed; anything else (an unknown event) is ignored.
            const wanted = ev.event ? listeners.get(ev.event as EventChannel) : undefined;
            if (!wanted?.size) return;
            const payload: unknown = JSON.parse(ev.data);
            for (const l of [...wanted]) l(payload);
          },
        });
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // The server went away or refused us: retry with backoff below.
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }

  return {
    async invoke(channel, input) {
      try {
        const res = await fetchImpl(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        const body = (await res.json()) as Result<unknown>;
        return body && typeof body === 'object' && 'ok' in body ? body : unreachable('errors.request.badAnswer', 'Unexpected answer from ClawTray.');
      } catch {
        return unreachable('errors.request.unreachable', 'ClawTray is not reachable. Is the web shell still running?');
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => {
        set.delete(listener);
      };
    },
  };
}
