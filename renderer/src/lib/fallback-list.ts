/**
 * Pure edits of a fallbacks list as the picker makes them (move by keyboard or drag, remove, add), each returning a
 * new list; the order is the order OpenClaw tries them in.
 */

/** `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item!);
  return out;
}

/** `list` without the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Why a model cannot be added: already a fallback, or the default model itself; null when it can. */
export function addProblem(list: readonly string[], ref: string, defaultModel: string | null): 'duplicate' | 'default' | null {
  if (list.includes(ref)) return 'duplicate';
  return ref === defaultModel ? 'default' : null;
}

/** Whether two lists hold the same items in the same order. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
