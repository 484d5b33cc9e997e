/**
 * The one way a secret is shown in part (profiles, `.env` entries, anything the app prints about a key), so the
 * user recognises which key is which while nothing main sends to the renderer or writes to a log lets the rest
 * be guessed: at most the first 4 and last 4 characters, never more than a quarter of the secret; a secret too
 * short for that shows only its length ("22 characters"). The renderer words that in the user's language
 * (`parseMask`).
 */

/** Characters shown at each end of a long secret. */
export const MASK_END_CHARS = 4;
/** Shortest secret that shows any of its characters: 3 + 3 of 24 is a quarter, 4 + 4 needs 32. */
export const MIN_PARTLY_SHOWN = 24;

const ENDS = /^(.+)\.\.\.(.+)$/s;
const LENGTH = /^(\d+) characters?$/;
const AT_LEAST = /^(\d+)\+ characters$/;

function ends(head: string, tail: string): string {
  return `${head}...${tail}`;
}

/** The masked form of `secret` (trimmed): `sk-a...WXYZ`, `22 characters`, or '' for an empty value. Pure. */
export function maskSecret(secret: string): string {
  const s = secret.trim();
  if (s.length === 0) return '';
  if (s.length < MIN_PARTLY_SHOWN) return `${s.length} ${s.length === 1 ? 'character' : 'characters'}`;
  const k = Math.min(MASK_END_CHARS, Math.floor(s.length / 8));
  return ends(s.slice(0, k), s.slice(-k));
}

/**
 * Cuts a label someone else masked (OpenClaw prints `sk-ant-a...AAAAAAAA`) down to this app's rule. The secret's
 * length is unknown but at least the visible characters plus one, so each end keeps at most an eighth of that.
 * A label that is not a `head...tail` mask is returned as it is when it is this app's own length form, else
 * reduced to its length. Pure.
 */
export function remaskLabel(label: string): string {
  const m = ENDS.exec(label);
  if (!m) return label === '' || LENGTH.test(label) || AT_LEAST.test(label) ? label : maskSecret(label);
  const head = m[1]!;
  const tail = m[2]!;
  const k = Math.min(MASK_END_CHARS, Math.floor((head.length + tail.length + 1) / 8));
  return k > 0 ? ends(head.slice(0, k), tail.slice(-k)) : `${head.length + tail.length}+ characters`;
}

/** What a mask says, for the window to word it: the visible ends, or only a length. Pure. */
export type MaskParts = { kind: 'ends'; head: string; tail: string } | { kind: 'length'; length: number; atLeast?: true } | { kind: 'none' };

/** Reads a mask made by `maskSecret`/`remaskLabel` (anything else is shown by its ends, or its length). Pure. */
export function parseMask(label: string): MaskParts {
  if (label === '') return { kind: 'none' };
  const len = LENGTH.exec(label);
  if (len) return { kind: 'length', length: Number(len[1]) };
  const atLeast = AT_LEAST.exec(label);
  if (atLeast) return { kind: 'length', length: Number(atLeast[1]), atLeast: true };
  const m = ENDS.exec(label);
  return m ? { kind: 'ends', head: m[1]!, tail: m[2]! } : { kind: 'length', length: label.length };
}
