/**
 * The Electron shell's logger: timestamped lines on stderr (visible in the terminal during development and in
 * the system log when launched from a desktop). Callers never pass secrets.
 */
import type { Logger } from '../core/context';

/** A logger writing `ISO-time level message` lines through `write`. */
export function createLineLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const line = (level: string, message: string) => write(`${now().toISOString()} ${level} ${message}`);
  return {
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error(message, err) {
      const detail = err instanceof Error ? `: ${err.stack ?? err.message}` : err === undefined ? '' : `: ${String(err)}`;
      line('error', `${message}${detail}`);
    },
  };
}
