import type { serviceZh } from '../zh-CN/service.ts';
import type { Messages } from '../zh-CN.ts';

/** Service requests, notifications, jobs (en). */
export const serviceEn: Messages<typeof serviceZh> = {};
