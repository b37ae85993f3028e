/** 客户服务、通知、后台任务 (zh-CN). en/service.ts has the same keys. */
export const serviceZh = {};
