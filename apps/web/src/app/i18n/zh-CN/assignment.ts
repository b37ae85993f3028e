/** 分配规则与分配解释 (zh-CN). en/assignment.ts has the same keys. */
export const assignmentZh = {};
