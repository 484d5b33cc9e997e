/**
 * Recognises OpenClaw's "Invalid config" report in a gateway's output, so a gateway that exits on a bad
 * `openclaw.json` is a configuration failure at its first exit (no restart loop) and the window can list the
 * offending keys. Both reference versions print it on stdout, after the log prefix:
 *
 *   2026.5.28 (exit 1):  `Gateway failed to start: Invalid config at /s/openclaw.json.` then `agents.defaults.model: Invalid input`
 *   2026.9.6 (exit 78):  `Gateway failed to start: Invalid config at /s/openclaw.json:` then
 *                        `openclaw.json:1 — agents.defaults: Unrecognized key: "bogus"`
 *
 * followed by `Run "openclaw doctor --fix" ...`. The lines given here are already redacted by the gateway log.
 * Pure.
 */

/** One key OpenClaw refused, and what it said about it. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** What the report said: the file and its issues (at most `MAX_ISSUES`). */
export interface ConfigReport {
  file?: string | undefined;
  issues: ConfigIssue[];
}

/** Issues beyond this are dropped (the log keeps them all). */
export const MAX_ISSUES = 20;
const MAX_TEXT = 300;

const HEADER = /Invalid config(?: at (.+?))?[.:]?\s*$/;
/** `openclaw.json:12 — ` (2026.6+): where in the file, before the key. */
const LOCATION = /^\S+:\d+\s+[—-]\s+/;
/** `agents.defaults.model: Invalid input`: a dotted key (or `<root>`) then the message. */
const ISSUE = /^\s*(?:[-*•]\s*)?([A-Za-z0-9_$<>[\]"'.-]+(?:\.[A-Za-z0-9_$<>[\]"'-]+)*):\s+(.+)$/;
const END = /^\s*(Run |If startup|\d{4}-\d{2}-\d{2}T)/;

const cut = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** The last "Invalid config" report in `lines`, or undefined when there is none. */
export function parseInvalidConfig(lines: readonly string[]): ConfigReport | undefined {
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) if (HEADER.test(lines[i]!)) start = i;
  if (start < 0) return undefined;
  const file = HEADER.exec(lines[start]!)![1]?.trim();
  const issues: ConfigIssue[] = [];
  for (const raw of lines.slice(start + 1)) {
    if (END.test(raw)) break;
    const m = ISSUE.exec(raw.replace(LOCATION, ''));
    if (!m) continue;
    if (issues.length < MAX_ISSUES) issues.push({ path: cut(m[1]!), message: cut(m[2]!.trim()) });
  }
  return { file: file ? cut(file) : undefined, issues };
}
