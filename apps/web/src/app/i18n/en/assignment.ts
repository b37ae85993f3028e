import type { assignmentZh } from '../zh-CN/assignment.ts';
import type { Messages } from '../zh-CN.ts';

/** Assignment (en). */
export const assignmentEn: Messages<typeof assignmentZh> = {};
