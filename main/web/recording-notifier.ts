/**
 * The web shell's notifier: it cannot show a desktop notification, so it records what would have been shown
 * (bounded), for the page and for end-to-end tests to read at `/api/shell/notifications`.
 */
import type { NotificationRequest, Notifier } from '../core/context';

/** A notifier whose requests can be read back (the web shell's routes list them). */
export type RecordingNotifier = Notifier & { list(): (NotificationRequest & { at: number })[] };

/** A notifier that keeps the last `limit` requests with the time they were made. */
export function createRecordingNotifier(now: () => number = Date.now, limit = 200): RecordingNotifier {
  const shown: (NotificationRequest & { at: number })[] = [];
  return {
    show(request) {
      shown.push({ ...request, at: now() });
      if (shown.length > limit) shown.splice(0, shown.length - limit);
    },
    list: () => [...shown],
  };
}
