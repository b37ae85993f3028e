/** 线索、查重合并、转化 (zh-CN). en/leads.ts has the same keys. */
export const leadsZh = {};
