/**
 * The gateway page's log tail as data: merging the first page of lines with live events (no duplicates, in
 * sequence order, bounded), filtering by a case-insensitive text, and the plain text copied to the clipboard.
 */
import type { LogLine } from '../../../shared/contract';

/** Lines kept in the window; older ones remain in OpenClaw's own log file. */
export const MAX_LINES = 2000;

/** Adds `incoming` to `current`, dropping lines already present, keeping order by `seq` and the last `max`. */
export function mergeLines(current: readonly LogLine[], incoming: readonly LogLine[], max = MAX_LINES): LogLine[] {
  if (incoming.length === 0) return current as LogLine[];
  const last = current.length > 0 ? current[current.length - 1]!.seq : -Infinity;
  let merged: LogLine[];
  if (incoming.every((l, i) => l.seq > last && (i === 0 || l.seq > incoming[i - 1]!.seq))) {
    merged = [...current, ...incoming];
  } else {
    const bySeq = new Map<number, LogLine>();
    for (const l of current) bySeq.set(l.seq, l);
    for (const l of incoming) bySeq.set(l.seq, l);
    merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

/** Lines containing `filter` (case-insensitive); all lines for an empty filter. */
export function filterLines(lines: readonly LogLine[], filter: string): readonly LogLine[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return lines;
  return lines.filter((l) => l.text.toLowerCase().includes(needle));
}

/** What "Copy" puts on the clipboard: one line per entry, ISO time, stream, text. */
export function linesToText(lines: readonly LogLine[]): string {
  return lines.map((l) => `${new Date(l.ts).toISOString()} [${l.stream}] ${l.text}`).join('\n');
}
