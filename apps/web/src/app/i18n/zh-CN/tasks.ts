/** 我的一天、任务、日历、跟进计划 (zh-CN). en/tasks.ts has the same keys. */
export const tasksZh = {};
