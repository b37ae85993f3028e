import type { leadsZh } from '../zh-CN/leads.ts';
import type { Messages } from '../zh-CN.ts';

/** Leads (en). */
export const leadsEn: Messages<typeof leadsZh> = {};
