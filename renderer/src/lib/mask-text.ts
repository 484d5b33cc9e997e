/**
 * A masked secret as the window words it: the visible ends as they are (`sk-a...WXYZ`), a length-only mask in the
 * user's language ("22 characters", "22 caractères", "22 个字符"), and an empty value with the caller's words.
 */
import { parseMask } from '../../../shared/masking';

/** The translate function this needs (i18next's `t`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The text for `label` (a mask from main); `empty` is shown when there is no secret at all. Pure. */
export function maskText(label: string, t: Translate, empty: string): string {
  const m = parseMask(label);
  if (m.kind === 'none') return empty;
  if (m.kind === 'length') return t(m.atLeast ? 'mask.atLeast' : 'mask.length', { count: m.length });
  return `${m.head}...${m.tail}`;
}
