/** 跟进记录、时间线、我的一天、日历、跟进计划 (zh-CN). en/activities.ts has the same keys. */
export const activitiesZh = {};
