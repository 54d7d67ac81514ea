// Reordering of the admin lists (a pipeline's stages, the assignment rules): one item moved to another place, the
// rest keeping their order. Pure, so the keyboard buttons and drag and drop share it and a test pins it.

/** The list with the item at `from` placed at `to`; out-of-range moves return the list unchanged. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Where "move up" (-1) or "move down" (+1) sends the item at `index`, or undefined at either end. */
export function stepTarget(index: number, step: -1 | 1, length: number): number | undefined {
  const to = index + step;
  return to >= 0 && to < length ? to : undefined;
}

/**
 * The id of the button that keeps the focus after a row moved by `step` to `to` (ids `<prefix>-up-<n>` /
 * `<prefix>-down-<n>`): the same direction's button of the moved row, or its other one when the row reached an end
 * (the pressed direction is disabled there).
 */
export function focusAfterStep(prefix: string, to: number, step: -1 | 1, length: number): string {
  const edge = stepTarget(to, step, length) === undefined;
  return `${prefix}-${step < 0 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down'}-${to}`;
}

/** A detail's dotted field (`stages.2.name`) as a form's name path: list positions are numbers there. */
export const fieldPath = (field: string): (string | number)[] =>
  field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
