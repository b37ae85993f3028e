/**
 * Moving rules within an entity's ordered list. The server takes the whole new order (every id
 * once), so the page computes it here and sends it as one PUT.
 */

/** The list with the item at `from` taken out and put back at `to` (both 0-based, clamped). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

/** The ids after moving `id` one place up (-1) or down (+1); null when it cannot move that way. */
export function moveBy(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  return moveItem(ids, from, to);
}

/** The ids after dropping `dragged` onto `target`: it takes the target's place; null when nothing moves. */
export function dropOnto(ids: readonly string[], dragged: string, target: string): string[] | null {
  const from = ids.indexOf(dragged);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0 || from === to) return null;
  return moveItem(ids, from, to);
}
