import type { tasksZh } from '../zh-CN/tasks.ts';
import type { Messages } from '../zh-CN.ts';

/** My day, tasks, calendar, follow-up plans (en). */
export const tasksEn: Messages<typeof tasksZh> = {};
