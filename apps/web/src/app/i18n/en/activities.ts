import type { activitiesZh } from '../zh-CN/activities.ts';
import type { Messages } from '../zh-CN.ts';

/** Activities, timeline, my day, calendar, follow-up plans (en). */
export const activitiesEn: Messages<typeof activitiesZh> = {};
