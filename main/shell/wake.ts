/**
 * After the machine wakes (`powerMonitor` 'resume') or the screen is unlocked ('unlock-screen'), core re-reads and
 * re-evaluates everything that depends on time (expiry alerts) at once, instead of trusting timers that slept.
 * The two events often come together: wake-ups during a re-evaluation are folded into one more run.
 */
import type { Logger } from '../core/context';
import type { PowerMonitorLike } from './electron-surface';

/** The events that mean "time may have jumped". */
export const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

/** Calls `resume` on every wake event, at most one run at a time plus one queued. */
export function resumeOnWake(powerMonitor: PowerMonitorLike, resume: () => Promise<void>, logger: Logger): void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = resume()
      .catch((err: unknown) => logger.error('re-evaluation after wake-up failed', err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  for (const event of WAKE_EVENTS) {
    powerMonitor.on(event, () => {
      logger.info(`power: ${event}; re-evaluating`);
      run();
    });
  }
}
