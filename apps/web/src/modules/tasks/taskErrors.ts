/**
 * Server problems of tasks and plans that we word ourselves (tasks.errors.* in the i18n resources);
 * their English `detail` is precise but not in the reader's language.
 */
export const TASK_ERROR_CODES = [
  'plan_in_use',
  'plan_inactive',
  'already_enrolled',
  'enrollment_not_active',
  'wrong_target',
  'no_owner',
  'deal_closed',
  'task_not_open',
  'task_field_fixed',
  'system_task',
] as const;
export type TaskErrorCode = (typeof TASK_ERROR_CODES)[number];

export function taskErrorCode(code: string | undefined): TaskErrorCode | null {
  return (TASK_ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as TaskErrorCode) : null;
}

/**
 * A problem's field path as a form field name: "body.steps.2.dayOffset" → ["steps", 2, "dayOffset"];
 * `strip` drops a prefix the form does not have ("activity." when completing a task logs its activity).
 */
export function fieldPath(path: string, strip?: string): (string | number)[] {
  const segments = path
    .split(/[./]/)
    .filter((s) => s && s !== 'body')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (strip && segments[0] === strip) segments.shift();
  return segments;
}

/** The server's field errors gathered per form field, ready for form.setFields; only fields the form has. */
export function fieldErrors(
  errors: ReadonlyArray<{ path: string; message: string }> | undefined,
  has: (name: (string | number)[]) => boolean,
  strip?: string,
): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { path, message } of errors ?? []) {
    const name = fieldPath(path, strip);
    if (!name.length || !has(name)) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}
